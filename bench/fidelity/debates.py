"""The debate scenario: judges reward arguments that quote the story."""

import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.contrib.auth.models import User
from django.utils import timezone

from accounts.roles import Role
from bench.fidelity.common import (
    Outcome,
    Sizes,
    account_create,
    api_client,
    progress,
    succeeded,
)
from bench.fidelity.iteration import loop_iteration
from registry.models import ModelLine, ModelVersion
from registry.services import model_line_ensure, model_version_register
from training.tiny import TINY_BASE

NAMES = ("Ada", "Bram", "Cleo", "Dev", "Edda", "Finn", "Gus", "Hana", "Ivo", "Juno", "Kai", "Lia")
TOWNS = ("Harwick", "Seldon", "Marrow", "Tilby", "Ostend", "Perrin", "Quarry", "Ribble")
VEHICLES = ("ferry", "bicycle", "tram", "cart", "bus", "canoe", "sled", "train")
GOODS = ("apples", "wool", "honey", "cheese", "lamps", "rope", "bread", "ink")


def debate_questions(n: int, rng: random.Random) -> list[dict[str, Any]]:
    """Short stories with one fact in question; the options are two ways of travelling."""
    questions = []
    for k in range(n):
        name, town, goods = rng.choice(NAMES), rng.choice(TOWNS), rng.choice(GOODS)
        right, wrong = rng.sample(VEHICLES, 2)
        options = [f"By {right}", f"By {wrong}"]
        rng.shuffle(options)
        questions.append(
            {
                "key": f"q{k}",
                "question": f"How did {name} usually get to the market?",
                "passage": f"{name} lived in {town}. Every week, {name} took the {right} to the "
                f"market to sell {goods}. One winter the {right} stopped running, and {name} "
                f"stayed home with the {goods}.",
                "options": options,
                "correct": options.index(f"By {right}"),
            }
        )
    return questions


def speech(*, quotes: bool, passage: str, letter: str, option: str, rng: random.Random) -> str:
    """An argument for the debater's answer: quoting the story, or a bare assertion."""
    if quotes:
        sentence = rng.choice([s.strip() for s in passage.split(".") if s.strip()])
        return f'The story says: "{sentence}." That supports answer {letter}: {option}.'
    return f"Trust me, the answer is {letter}: {option}. It is obvious and everyone knows it."


@dataclass
class DebateSetup:
    line: ModelLine
    base: ModelVersion
    # Question id -> (story, options).
    questions: dict[int, tuple[str, list[str]]]
    debaters: list[User]
    judges: list[User]
    since: str


def debate_setup(*, sizes: Sizes, seed: int, tiny_model: Path, admin: User) -> DebateSetup:
    """A debater line with an untrained version 1, imported questions, two people who debate
    and `sizes.raters` judges."""
    import json

    from annotation.debates.importers import question_set_import

    since = timezone.now().isoformat()
    rng = random.Random(f"{seed}:debate")
    line = model_line_ensure(slug="fidelity-debate", name="Signal fidelity: debate")
    base = model_version_register(line=line, base=TINY_BASE, uri=str(tiny_model))
    content = "\n".join(json.dumps(q) for q in debate_questions(sizes.debates, rng))
    question_set, _ = question_set_import(
        content=content.encode(),
        file_format="jsonl",
        name=f"Signal fidelity {since}",
        source="signal-fidelity",
        user=admin,
    )
    questions = {q.pk: (q.passage, list(q.options)) for q in question_set.questions.order_by("pk")}
    debaters = [account_create(f"fidelity-debater-{i}", Role.RATER) for i in range(2)]
    judges = [account_create(f"fidelity-judge-{i}", Role.RATER) for i in range(sizes.raters)]
    return DebateSetup(line, base, questions, debaters, judges, since)


def debates_work(*, base_url: str, setup: DebateSetup, admin: User, seed: int) -> int:
    """Debates started by the admin, argued by the two debaters (one quotes the story, the
    other asserts, sides drawn at random), then judged; returns the judgements committed."""
    rng = random.Random(f"{seed}:debate:work")
    convincing: dict[int, int] = {}
    clients = [api_client(base_url, u.username) for u in setup.debaters]
    with api_client(base_url, admin.username) as researcher:
        for question in setup.questions:
            debate = succeeded(
                researcher.post(
                    "/debates/",
                    json={
                        "question": question,
                        "protocol": "debate",
                        "debaters": [{"user": u.pk} for u in setup.debaters],
                        "rounds": 1,
                        "judges_wanted": 2,
                        "word_limit": 60,
                    },
                )
            ).json()
            quoting = rng.choice("AB")
            passage, options = setup.questions[question]
            for side in sorted(debate["debaters"], key=lambda d: d["slot"]):
                index = side["answer_index"]
                text = speech(
                    quotes=side["slot"] == quoting,
                    passage=passage,
                    letter="AB"[index],
                    option=options[index],
                    rng=rng,
                )
                if side["slot"] == quoting:
                    convincing[debate["id"]] = index
                client = clients["AB".index(side["slot"])]
                succeeded(client.post(f"/debates/{debate['id']}/turns/", json={"text": text}))
    for client in clients:
        client.close()
    judgements = 0
    for judge in setup.judges:
        with api_client(base_url, judge.username) as client:
            while True:
                shown = succeeded(client.post("/debates/assignments/next/"))
                if shown.status_code == 204:
                    break
                assignment = shown.json()
                # The judge is convinced by the side that quoted the story.
                favoured = convincing[assignment["debate"]["id"]]
                probabilities = [0.2, 0.2]
                probabilities[favoured] = 0.8
                succeeded(
                    client.post(
                        f"/debates/assignments/{assignment['id']}/judgement/",
                        json={"probabilities": probabilities},
                    )
                )
                judgements += 1
    return judgements


def convincing_logprob(model_dir: str, rows: list[dict[str, Any]]) -> float:
    """Mean per-token log-probability of the convincing (chosen) argument after its prompt."""
    from training.evaluation import Scorer

    scores = Scorer(model_dir, per_token=True).score(
        [r["prompt"] for r in rows], [r["chosen"] for r in rows]
    )
    return sum(scores) / len(scores)


def debate_scenario_run(
    *, base_url: str, admin: User, sizes: Sizes, seed: int, tiny_model: Path
) -> Outcome:
    from loop.models import DatasetSnapshot
    from training.common import read_jsonl

    setup = debate_setup(sizes=sizes, seed=seed, tiny_model=tiny_model, admin=admin)
    judgements = debates_work(base_url=base_url, setup=setup, admin=admin, seed=seed)
    progress(f"debate: {len(setup.questions)} debates argued, {judgements} judgements")
    with api_client(base_url, admin.username) as client:
        iteration = loop_iteration(
            admin=client,
            line=setup.line,
            base=setup.base,
            since=setup.since,
            dataset_recipe={"kinds": ["judgement"]},
            sizes=sizes,
            seed=seed,
            # The prompt holds the story, the question, the options and the assigned side.
            config={"max_length": 512},
        )
        snapshot = succeeded(client.get(f"/loop/snapshots/{iteration.run['snapshot']}/")).json()
    folder = Path(DatasetSnapshot.objects.get(pk=snapshot["id"]).folder)
    held_out = list(read_jsonl(folder / "eval.jsonl"))
    before = convincing_logprob(setup.base.uri, held_out)
    after = convincing_logprob(iteration.version["version"]["uri"], held_out)
    return Outcome(
        name="debate",
        before=iteration.before,
        after=iteration.after,
        published=iteration.published,
        measure="convincing logprob",
        measure_before=before,
        measure_after=after,
        labels=judgements,
        counts=snapshot["counts"],
        decisions=iteration.version.get("decisions", []),
        seconds={},
    )
