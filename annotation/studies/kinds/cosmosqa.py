"""CosmosQA (data/cosmosqa) as binary QA in the ACCO paper's format (Table 14): a context, its
question and one candidate answer; the reply is True or False."""

import csv
import hashlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings

from signalpool.kinds import SignalKind
from signalpool.services import ImportedSignal

DATA_FILE = Path(settings.ROOT) / "data" / "cosmosqa" / "valid_sample500.csv"
LABELS = ("True", "False")
ITEM_TYPE = "cosmosqa.answer"


@cache
def questions() -> list[dict[str, str]]:
    with DATA_FILE.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def seeded_key(*parts: object) -> str:
    """A hex digest of the parts, to order or pick things reproducibly from a seed."""
    return hashlib.sha256(":".join(map(str, parts)).encode()).hexdigest()


def _longest_row(question: dict[str, str]) -> int:
    return max(
        len(qa_prompt(question["context"], question["question"], question[f"answer{k}"]))
        for k in range(4)
    )


def usable_questions(max_chars: int | None) -> list[int]:
    """Indices of the questions whose every row is at most `max_chars` characters."""
    return [
        index
        for index, question in enumerate(questions())
        if max_chars is None or _longest_row(question) <= max_chars
    ]


@dataclass(frozen=True)
class BinaryRow:
    """One candidate answer to one question, `q<question index>:a<answer index>`, and its
    true label."""

    key: str
    prompt: str
    label: str


def qa_prompt(context: str, question: str, answer: str) -> str:
    """Table 14's input; the model's reply is True or False."""
    return (
        f"Context: {context.strip()}\nQuestion: {question.strip()}\n"
        f"Answer: {answer.strip()}\nTrue or False?"
    )


def binary_rows(indices: list[int], seed: int) -> list[BinaryRow]:
    """Two rows per question: its correct answer (True) and a seeded wrong one (False)."""
    rows = []
    for index in indices:
        question = questions()[index]
        correct = int(question["label"])
        wrong_choices = [k for k in range(4) if k != correct]
        wrong = wrong_choices[
            int(seeded_key(seed, "wrong", question["id"]), 16) % len(wrong_choices)
        ]
        for answer, label in ((correct, LABELS[0]), (wrong, LABELS[1])):
            prompt = qa_prompt(
                question["context"], question["question"], question[f"answer{answer}"]
            )
            rows.append(BinaryRow(key=f"q{index}:a{answer}", prompt=prompt, label=label))
    return rows


def flipped_keys(rows: list[BinaryRow], level: float, seed: int) -> set[str]:
    """Exactly round(level * rows) row keys, in a seeded order: a higher level flips a superset."""
    order = sorted(rows, key=lambda row: seeded_key(seed, "flip", row.key))
    return {row.key for row in order[: round(level * len(rows))]}


def row_signals(rows: list[BinaryRow], annotator: str, flipped: set[str]) -> list[ImportedSignal]:
    """Each row as an imported preference signal: its label (flipped when its key is in
    `flipped`) chosen over the other label."""
    signals = []
    for row in rows:
        label = row.label if row.key not in flipped else LABELS[1 - LABELS.index(row.label)]
        other = LABELS[1 - LABELS.index(label)]
        signals.append(
            ImportedSignal(
                annotator=annotator,
                kind=SignalKind.PREFERENCE,
                item_type=ITEM_TYPE,
                item_id=row.key,
                payload={"prompt": row.prompt, "chosen": label, "rejected": other},
                idempotency_key=row.key,
            )
        )
    return signals
