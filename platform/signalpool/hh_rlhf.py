"""The shipped Anthropic HH-RLHF pairs (data/hh_rlhf) as imported preference signals.

Each line holds two transcripts that differ only in the last assistant turn; the pair's prompt
is the dialogue up to that turn. HH-RLHF publishes no annotator ids, so every pair is
attributed to one stated pseudonym, `ANNOTATOR`.
"""

import gzip
import json
from pathlib import Path

from django.conf import settings

from signalpool.kinds import SignalKind
from signalpool.services import ImportedSignal, signals_import

DATASET = "hh_rlhf"
ANNOTATOR = "unattributed"
ITEM_TYPE = "hh_rlhf.pair"
ASSISTANT = "\n\nAssistant:"


def hh_rlhf_file() -> Path:
    return Path(settings.ROOT) / "data" / "hh_rlhf" / "harmless-base_test.jsonl.gz"


def hh_rlhf_pairs(path: Path, *, limit: int | None = None) -> list[tuple[int, dict[str, str]]]:
    """(line number, {prompt, chosen, rejected}) for the first `limit` usable lines.

    Lines whose transcripts do not share the dialogue before the last turn, or whose last
    turns are empty or equal, carry no preference and are left out.
    """
    pairs: list[tuple[int, dict[str, str]]] = []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if limit is not None and len(pairs) >= limit:
                break
            row = json.loads(line)
            cut = row["chosen"].rfind(ASSISTANT) + len(ASSISTANT)
            prompt, chosen, rejected = row["chosen"][:cut], row["chosen"][cut:], ""
            if cut >= len(ASSISTANT) and row["rejected"].startswith(prompt):
                rejected = row["rejected"][cut:]
            if chosen.strip() and rejected.strip() and chosen.strip() != rejected.strip():
                pairs.append((number, {"prompt": prompt, "chosen": chosen, "rejected": rejected}))
    return pairs


def hh_rlhf_import(*, path: Path | None = None, limit: int | None = None) -> int:
    """Record the pairs as imported preference signals (idempotent); returns how many were new."""
    return signals_import(
        dataset=DATASET,
        signals=[
            ImportedSignal(
                annotator=ANNOTATOR,
                kind=SignalKind.PREFERENCE,
                item_type=ITEM_TYPE,
                item_id=number,
                payload=pair,
                idempotency_key=f"{DATASET}:line:{number}",
            )
            for number, pair in hh_rlhf_pairs(path or hh_rlhf_file(), limit=limit)
        ],
    )


HUMAN = "\n\nHuman:"


def hh_rlhf_single_turn(path: Path, *, limit: int) -> list[dict[str, str]]:
    """The first `limit` one-question dialogues of the file as {prompt, reference}: the person's
    question as plain text and the reply HH-RLHF's raters preferred (the playground's examples,
    real text to compare a model's answer with)."""
    examples: list[dict[str, str]] = []
    for _, pair in hh_rlhf_pairs(path):
        if len(examples) >= limit:
            break
        dialogue = pair["prompt"]
        if dialogue.count(HUMAN) != 1 or dialogue.count(ASSISTANT) != 1:
            continue
        question = dialogue[len(HUMAN) : -len(ASSISTANT)].strip()
        examples.append({"prompt": question, "reference": pair["chosen"].strip()})
    return examples
