"""The study's three disjoint splits of CosmosQA as true/false rows, and its prompts (the ACCO
paper's Tables 12 and 13)."""

from dataclasses import dataclass

from annotation.studies.kinds.cosmosqa import LABELS, questions, seeded_key
from annotation.studies.kinds.self_enhancement.params import SelfEnhancementParams

# What follows the explanation in Table 12's target; the label is scored after it.
LABEL_CUE = "\nThe correct answer is:"
# Version of the prompts below: part of every key, so changed prompts never reuse old signals.
PROMPTS = "p1"


@dataclass(frozen=True)
class Row:
    key: str
    context: str
    question: str
    answer: str
    label: str


def splits(params: SelfEnhancementParams) -> dict[str, list[Row]]:
    """Train 1, Train 2 and Test: disjoint questions in a seeded order, two rows each."""
    order = sorted(
        range(len(questions())),
        key=lambda i: seeded_key(params.seed, "question", questions()[i]["id"]),
    )
    bounds = {
        "train": order[: params.train_items],
        "sample": order[params.train_items : params.train_items + params.sample_items],
        "test": order[-params.test_items :],
    }
    return {split: _rows(indices, params.seed) for split, indices in bounds.items()}


def _rows(indices: list[int], seed: int) -> list[Row]:
    rows = []
    for index in indices:
        question = questions()[index]
        correct = int(question["label"])
        wrong_choices = [k for k in range(4) if k != correct]
        wrong = wrong_choices[
            int(seeded_key(seed, "wrong", question["id"]), 16) % len(wrong_choices)
        ]
        for answer, label in ((correct, LABELS[0]), (wrong, LABELS[1])):
            rows.append(
                Row(
                    key=f"q{index}:a{answer}",
                    context=question["context"].strip(),
                    question=question["question"].strip(),
                    answer=question[f"answer{answer}"].strip(),
                    label=label,
                )
            )
    return rows


def other_label(label: str) -> str:
    return LABELS[1 - LABELS.index(label)]


def explain_prompt(row: Row) -> str:
    """Table 13: the base explains a pair whose correctness it is told."""
    verdict = "correct" if row.label == LABELS[0] else "incorrect"
    return (
        f"Based on the given context, explain in detail why the following question and answer "
        f"pair is {verdict}.\nContext: {row.context}\nQuestion: {row.question}\n"
        f"Answer: {row.answer}\nExplanation:"
    )


def task_prompt(row: Row) -> str:
    """Table 12's user turn, ending where the assistant's explanation begins."""
    return (
        "Given a context, evaluate the question and answer pair and determine if the answer is "
        f"True or False, with an explanation.\nContext: {row.context}\n"
        f"Question: {row.question}\nAnswer: {row.answer}\nExplanation:"
    )


def target(explanation: str, label: str) -> str:
    """Table 12's assistant turn after "Explanation:" (pool texts keep no outer whitespace)."""
    return f"{explanation.strip()}{LABEL_CUE} {label}"
