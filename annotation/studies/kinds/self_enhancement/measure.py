"""The steps' work with the versions: what they write (stored as their AI outputs), the SFT
version's ranking of its own samples into preference pairs, and each version's test accuracy."""

from datetime import timedelta
from typing import Any

from django.db.models import Max, Min

from annotation.studies.kinds.base import StepResult
from annotation.studies.kinds.cosmosqa import ITEM_TYPE, LABELS
from annotation.studies.kinds.self_enhancement.params import SelfEnhancementParams
from annotation.studies.kinds.self_enhancement.rows import LABEL_CUE, PROMPTS, Row, task_prompt
from annotation.studies.models import Study
from annotation.studies.services.work import (
    StudyStepError,
    measurement_get,
    measurement_store,
    snapshots_wait,
    study_link,
)
from llm.backends.base import GenerationParams
from llm.services import backend_for_version, options_score
from loop.models import DatasetSnapshot
from loop.services.snapshots import iso_utc, snapshot_request
from registry.models import ModelVersion
from signalpool.kinds import SignalKind
from signalpool.models import Signal
from signalpool.services import signal_record

ACCURACY = "test_accuracy"
RANKING = "sample_ranking"


def samples_rank(
    study: Study, params: SelfEnhancementParams, sft: ModelVersion, rows: list[Row]
) -> StepResult:
    """The sample step: the SFT version samples each row, ranks its distinct samples by mean
    token log-probability (stored as a measurement), and its best and worst make a pair."""
    ranking = measurement_get(study, sft, RANKING)
    if ranking is None:
        samples: dict[str, list[Signal]] = {}
        for k in range(params.samples):
            generation = GenerationParams(
                max_new_tokens=params.explanation_tokens,
                temperature=params.temperature,
                seed=params.seed + k,
            )
            keys = {
                f"studies.sample:{PROMPTS}:{row.key}:{k}:{sampling(params)}": row for row in rows
            }
            outputs(sft, {key: (row, task_prompt(row)) for key, row in keys.items()}, generation)
            stored = Signal.objects.filter(source_model=sft, idempotency_key__in=keys)
            for signal in stored.order_by("pk"):
                samples.setdefault(keys[signal.idempotency_key].key, []).append(signal)
        detail: dict[str, Any] = {}
        for row in rows:
            # Identical or empty samples cannot be told apart: each text is ranked once, as
            # a pair in the pool holds it (without outer whitespace).
            distinct: dict[str, Signal] = {}
            for signal in samples.get(row.key, []):
                if text := signal.payload["completion"].strip():
                    distinct.setdefault(text, signal)
            entry: dict[str, Any] = {"samples": [s.pk for s in samples.get(row.key, [])]}
            if len(distinct) >= 2:
                [verdict] = options_score(
                    version=sft, prompts=[task_prompt(row)], options=list(distinct)
                )
                means = [s.mean_logprob for s in verdict.scores]
                ranked = sorted(zip(means, distinct.values(), strict=True), key=lambda m: -m[0])
                entry.update(
                    ranked=[s.pk for _, s in ranked],
                    mean_logprob=[m for m, _ in ranked],
                    chosen=ranked[0][1].pk,
                    rejected=ranked[-1][1].pk,
                )
            detail[row.key] = entry
        pairs = [e for e in detail.values() if "chosen" in e]
        ranking = measurement_store(
            study,
            version=sft,
            name=RANKING,
            value=len(pairs) / len(rows),
            count=len(pairs),
            detail=detail,
        )
    snapshot = preference_snapshot(study, params, sft, rows, ranking.detail)
    waiting = snapshots_wait([snapshot])
    return StepResult(
        state={"snapshot preference": snapshot.pk},
        waiting=waiting,
        message=waiting.reason
        if waiting
        else f"{sft} ranked its samples into {ranking.count} pairs",
    )


def preference_snapshot(
    study: Study,
    params: SelfEnhancementParams,
    sft: ModelVersion,
    rows: list[Row],
    detail: dict[str, Any],
) -> DatasetSnapshot:
    """The SFT version's own preference pairs (its best sample over its worst, per row) as
    signals, and the snapshot of exactly those signals."""
    ranked = [e[side] for e in detail.values() if "chosen" in e for side in ("chosen", "rejected")]
    texts = {
        pk: text.strip()
        for pk, text in Signal.objects.filter(pk__in=ranked).values_list(
            "pk", "payload__completion"
        )
    }
    keys = []
    for row in rows:
        entry = detail[row.key]
        if "chosen" not in entry:
            continue
        key = f"studies.rank:{PROMPTS}:{row.key}:{sampling(params)}"
        signal_record(
            kind=SignalKind.PREFERENCE,
            item_type=ITEM_TYPE,
            item_id=row.key,
            payload={
                "prompt": task_prompt(row),
                "chosen": texts[entry["chosen"]],
                "rejected": texts[entry["rejected"]],
            },
            idempotency_key=key,
            source_model=sft,
        )
        keys.append(key)
    if not keys:
        raise StudyStepError(f"{sft} never sampled two different texts for a row: no pair.")
    window = Signal.objects.filter(source_model=sft, idempotency_key__in=keys).aggregate(
        since=Min("created_at"), until=Max("created_at")
    )
    snapshot, _ = snapshot_request(
        recipe={
            "kinds": [SignalKind.PREFERENCE.value],
            "format": "preference",
            "since": iso_utc(window["since"]),
            "until": iso_utc(window["until"] + timedelta(microseconds=1)),
            "mix_by": "model_version",
            "weights": {f"model:{sft.line.slug}-v{sft.number}": 1.0},
            "dedupe": False,
            "eval_fraction": 0.0,
        }
    )
    study_link(study, snapshots=[snapshot])
    return snapshot


def accuracy_measure(
    study: Study, params: SelfEnhancementParams, version: ModelVersion, rows: list[Row]
) -> None:
    """Table 12 at test time: the version explains (greedily), then the label it finds more
    probable after the cue is its answer."""
    prompts = [task_prompt(row) for row in rows]
    generation = GenerationParams(
        max_new_tokens=params.explanation_tokens, temperature=0.0, stop=(LABEL_CUE,)
    )
    explanations = [c.text for c in backend_for_version(version).generate(prompts, generation)]
    verdicts = options_score(
        version=version,
        prompts=[p + e + LABEL_CUE for p, e in zip(prompts, explanations, strict=True)],
        options=[f" {label}" for label in LABELS],
    )
    detail = {
        row.key: {
            "label": row.label,
            "predicted": LABELS[verdict.best],
            "prompt": prompt,
            "explanation": explanation,
            "options": verdict.record(),
        }
        for row, prompt, explanation, verdict in zip(
            rows, prompts, explanations, verdicts, strict=True
        )
    }
    hits = sum(d["predicted"] == d["label"] for d in detail.values())
    measurement_store(
        study,
        version=version,
        name=ACCURACY,
        value=hits / len(rows),
        count=len(rows),
        detail=detail,
    )


def sampling(params: SelfEnhancementParams) -> str:
    """What shapes a sample besides its row and index, for its key."""
    return f"t{params.explanation_tokens}:T{params.temperature:g}:s{params.seed}"


def outputs(
    version: ModelVersion, wanted: dict[str, tuple[Row, str]], generation: GenerationParams
) -> dict[str, str]:
    """The version's completion of each prompt, by signal key: those it wrote before (a step
    run again) are read back, the others generated now and stored as its AI outputs."""
    stored = {
        s.idempotency_key: s.payload["completion"]
        for s in Signal.objects.filter(source_model=version, idempotency_key__in=wanted)
    }
    missing = [key for key in wanted if key not in stored]
    if missing:
        completions = backend_for_version(version).generate(
            [wanted[key][1] for key in missing], generation
        )
        for key, completion in zip(missing, completions, strict=True):
            row, prompt = wanted[key]
            signal_record(
                kind=SignalKind.AI_OUTPUT,
                item_type=ITEM_TYPE,
                item_id=row.key,
                payload={
                    "prompt": prompt,
                    "completion": completion.text,
                    "params": {
                        "max_new_tokens": generation.max_new_tokens,
                        "temperature": generation.temperature,
                        "seed": generation.seed,
                    },
                },
                idempotency_key=key,
                source_model=version,
            )
            stored[key] = completion.text
    return stored
