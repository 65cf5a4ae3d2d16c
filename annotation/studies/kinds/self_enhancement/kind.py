"""The self-enhancement study's steps: the base explains, SFT, the SFT version samples and ranks,
DPO, and each version is measured."""

from annotation.studies.kinds.base import Report, StepResult, Waiting
from annotation.studies.kinds.cosmosqa import ITEM_TYPE
from annotation.studies.kinds.self_enhancement.measure import (
    ACCURACY,
    accuracy_measure,
    outputs,
    samples_rank,
)
from annotation.studies.kinds.self_enhancement.params import SelfEnhancementParams
from annotation.studies.kinds.self_enhancement.report import report_build
from annotation.studies.kinds.self_enhancement.rows import (
    PROMPTS,
    Row,
    explain_prompt,
    other_label,
    splits,
    target,
    task_prompt,
)
from annotation.studies.models import Study
from annotation.studies.services.work import (
    imported_snapshot,
    measurement_get,
    snapshots_wait,
    trained_version,
    version_by_ref,
)
from llm.backends.base import GenerationParams
from loop.models import DatasetSnapshot, Recipe
from registry.models import ModelVersion
from signalpool.kinds import SignalKind
from signalpool.services import ImportedSignal

# Training sequences hold a CosmosQA context (up to ~900 characters; the tiny model's tokens
# are bytes), the question, the answer and the explanation: the default 256 would cut the
# explanation and label off.
MAX_LENGTH = 1024


class SelfEnhancement:
    name = "self_enhancement"
    title = "Self-enhancement (LAIF with DPO)"
    description = (
        "A base version explains true/false CosmosQA rows; SFT on its explanations with gold "
        "labels; the SFT version ranks its own samples by mean token log-probability and DPO "
        "trains on best-versus-worst pairs; accuracy of base, SFT and DPO versions and the "
        "differences (ACCO Table 4)."
    )
    params_class = SelfEnhancementParams

    STEPS = (
        "explain",
        "measure base",
        "train sft",
        "measure sft",
        "sample",
        "train dpo",
        "measure dpo",
    )

    def steps(self, params: SelfEnhancementParams) -> list[str]:
        return list(self.STEPS)

    def model_steps(self, params: SelfEnhancementParams) -> set[str]:
        return {"explain", "measure base", "measure sft", "sample", "measure dpo"}

    def step_run(self, study: Study, params: SelfEnhancementParams, step: str) -> StepResult:
        base = version_by_ref(params.version)
        assert base is not None  # checked with the parameters; versions are never deleted
        by_split = splits(params)
        if step == "explain":
            return self._explain(study, params, base, by_split["train"])
        if step == "sample":
            sft = ModelVersion.objects.get(pk=study.state["version sft"])
            return samples_rank(study, params, sft, by_split["sample"])
        if step.startswith("measure "):
            stage = step.removeprefix("measure ")
            version = (
                base
                if stage == "base"
                else ModelVersion.objects.get(pk=study.state[f"version {stage}"])
            )
            if measurement_get(study, version, ACCURACY) is None:
                accuracy_measure(study, params, version, by_split["test"])
            return StepResult(message=f"Scored {version} ({stage})")
        stage = step.removeprefix("train ")
        recipe, start, snapshot_key = {
            "sft": (Recipe.SFT, base, "snapshot sft"),
            "dpo": (Recipe.DPO, None, "snapshot preference"),
        }[stage]
        if start is None:
            start = ModelVersion.objects.get(pk=study.state["version sft"])
        trained = trained_version(
            study,
            key=stage,
            recipe=recipe,
            base=start,
            snapshot=DatasetSnapshot.objects.get(pk=study.state[snapshot_key]),
            config={
                "max_steps": params.max_steps,
                "learning_rate": params.learning_rate,
                "seed": params.seed,
                "max_length": MAX_LENGTH,
            },
        )
        if isinstance(trained, Waiting):
            return StepResult(waiting=trained, message=trained.reason)
        return StepResult(state={f"version {stage}": trained.pk}, message=f"Trained {trained}")

    def _explain(
        self, study: Study, params: SelfEnhancementParams, base: ModelVersion, rows: list[Row]
    ) -> StepResult:
        generation = GenerationParams(max_new_tokens=params.explanation_tokens, temperature=0.0)
        keys = {
            row.key: f"studies.explain:{PROMPTS}:{row.key}:t{params.explanation_tokens}"
            for row in rows
        }
        explanations = outputs(
            base,
            {keys[row.key]: (row, explain_prompt(row)) for row in rows},
            generation,
        )
        # The pair's decision (which label is right) is CosmosQA's gold; its texts share the
        # base's explanation, as an imported pair may share model-written replies.
        signals = [
            ImportedSignal(
                annotator="gold",
                kind=SignalKind.PREFERENCE,
                item_type=ITEM_TYPE,
                item_id=row.key,
                payload={
                    "prompt": task_prompt(row),
                    "chosen": target(explanations[keys[row.key]], row.label),
                    "rejected": target(explanations[keys[row.key]], other_label(row.label)),
                },
                idempotency_key=row.key,
            )
            for row in rows
        ]
        dataset = (
            f"studies.explained.v{base.pk}.s{params.seed}.n{params.train_items}"
            f".t{params.explanation_tokens}.{PROMPTS}"
        )
        snapshot = imported_snapshot(study, dataset=dataset, signals=signals, row_format="sft")
        waiting = snapshots_wait([snapshot])
        return StepResult(
            state={"snapshot sft": snapshot.pk},
            waiting=waiting,
            message=waiting.reason if waiting else f"{base} explained {len(rows)} rows",
        )

    def report(self, study: Study, params: SelfEnhancementParams) -> Report:
        return report_build(study, params)
