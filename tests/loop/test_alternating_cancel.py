"""The alternating round run from the platform, device counts, and the admin cancel."""

from typing import Any

import pytest
import torch
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from accounts.roles import Role
from activities.interface import Activity
from loop.models import RunStatus, TrainingRun, Trigger
from loop.providers import ConstitutionProvider
from loop.services.runs import training_run_execute, training_run_start
from registry.models import ModelLine, ModelVersion
from tests.loop.builds import run_snapshot_build, snapshot_create

pytestmark = pytest.mark.django_db

RECIPE = {"kinds": ["preference"], "eval_fraction": 0.25}
COMPETENCE = {**RECIPE, "format": "sft"}
ROUNDS = {"competence_steps": 2, "conformity_steps": 2, "learning_rate": 0.003, "save_steps": 2}


def debater() -> ModelLine:
    return ModelLine.objects.get(slug="debater")


def test_the_alternating_round_registers_one_version_with_its_lineage(
    small_eval, record_preferences
) -> None:
    record_preferences(16)
    conformity, _ = snapshot_create(recipe=RECIPE)
    run = training_run_start(
        line=debater(),
        recipe="alternating",
        config={**ROUNDS, "conformity_snapshot": conformity.pk, "difficulty_schedule": [0.5, 1]},
        dataset_recipe=COMPETENCE,
    )
    run_snapshot_build(run)
    training_run_execute(run_id=run.pk)
    run.refresh_from_db()
    assert run.status == RunStatus.DONE, run.error
    assert run.devices == max(1, torch.cuda.device_count())
    # Two rounds of competence then conformity steps, on one progress scale.
    assert [h[0] for h in run.history] == list(range(1, 9))
    version = run.version
    assert version is not None
    assert version.parent == small_eval[0]
    assert version.dataset_hash == run.snapshot.content_hash
    training = version.metrics["training"]
    assert training["recipe"] == "alternating"
    assert training["conformity_dataset_hash"] == conformity.content_hash
    # The schedule: half of the conformity pairs in round 0, all of them in round 1.
    assert training["round_0_conformity_pairs"] == conformity.counts["train"] // 2
    assert training["round_1_conformity_pairs"] == conformity.counts["train"]
    assert ModelVersion.objects.filter(line=debater()).count() == 2


def test_bad_alternating_requests_store_nothing(small_eval, record_preferences) -> None:
    record_preferences(8)
    sft_snapshot, _ = snapshot_create(recipe=COMPETENCE)
    cases: list[tuple[dict[str, Any], str]] = [
        ({}, "conformity_snapshot"),
        ({"conformity_snapshot": sft_snapshot.pk}, "conformity_snapshot"),
        ({"conformity_snapshot": 999999}, "conformity_snapshot"),
        ({"conformity_snapshot": sft_snapshot.pk, "difficulty_schedule": [0.5, 1.5]}, "schedule"),
        ({"conformity_snapshot": sft_snapshot.pk, "difficulty_schedule": []}, "schedule"),
    ]
    for config, message in cases:
        with pytest.raises(ValidationError) as caught:
            training_run_start(
                line=debater(), recipe="alternating", config=config, snapshot=sft_snapshot
            )
        assert message in " ".join(caught.value.message_dict["config"]), config
    assert not TrainingRun.objects.exists()


def test_the_command_and_the_api_start_an_alternating_run(
    small_eval, record_preferences, client_as
) -> None:
    record_preferences(8)
    conformity, _ = snapshot_create(recipe=RECIPE)
    call_command(
        "loop_train",
        "--line",
        "debater",
        "--recipe",
        "alternating",
        "--dataset-recipe",
        '{"kinds": ["preference"], "format": "sft"}',
        "--conformity-snapshot",
        str(conformity.pk),
        "--schedule",
        "0.25,0.5,1",
    )
    run = TrainingRun.objects.get()
    assert run.trigger == Trigger.COMMAND
    assert run.config == {
        "conformity_snapshot": conformity.pk,
        "difficulty_schedule": [0.25, 0.5, 1],
    }
    with pytest.raises(CommandError, match="--schedule"):
        call_command(
            "loop_train", "--line", "judge", "--recipe", "alternating", "--schedule", "half"
        )
    body: dict[str, Any] = {
        "line": "judge",
        "recipe": "alternating",
        "snapshot": run.snapshot_id,
        "config": {"conformity_snapshot": conformity.pk, "difficulty_schedule": [2]},
    }
    admin = client_as(Role.ADMIN)
    refused = admin.post("/api/loop/runs/", body, format="json")
    assert refused.status_code == 400
    assert "difficulty_schedule" in refused.json()["fields"]["config"][0]
    body["config"]["difficulty_schedule"] = [1.0]
    created = admin.post("/api/loop/runs/", body, format="json")
    assert created.status_code == 201, created.content
    assert created.json()["recipe"] == "alternating"


def test_an_admin_cancels_a_stuck_run_and_frees_the_line(
    small_eval, record_preferences, client_as
) -> None:
    record_preferences(8)
    run = training_run_start(
        line=debater(), recipe="dpo", config={"max_steps": 2}, dataset_recipe=RECIPE
    )
    TrainingRun.objects.filter(pk=run.pk).update(status=RunStatus.RUNNING)
    url = f"/api/loop/runs/{run.pk}/cancel/"
    assert client_as(Role.RESEARCHER).post(url, {"reason": "x"}, format="json").status_code == 403
    admin = client_as(Role.ADMIN)
    blank = admin.post(url, {"reason": "  "}, format="json")
    assert blank.status_code == 400
    assert "reason" in blank.json()["fields"]
    assert TrainingRun.objects.get(pk=run.pk).status == RunStatus.RUNNING
    cancelled = admin.post(url, {"reason": "worker died"}, format="json")
    assert cancelled.status_code == 200, cancelled.content
    assert cancelled.json()["status"] == "cancelled"
    assert cancelled.json()["cancel_reason"] == "worker died"
    assert cancelled.json()["cancelled_by"]
    assert admin.post(url, {"reason": "again"}, format="json").status_code == 400
    # The line is free again, and a late delivery of the cancelled run trains nothing.
    training_run_execute(run_id=run.pk)
    run.refresh_from_db()
    assert (run.status, run.version) == (RunStatus.CANCELLED, None)
    assert training_run_start(
        line=debater(), recipe="dpo", config={"max_steps": 2}, snapshot=run.snapshot
    )


class Honesty(Activity):
    """A constitution of one principle, as the principles activity would give it."""

    name = "honesty"

    def constitution_principles_provider(self) -> ConstitutionProvider:
        return lambda: ["Honesty: say only what you believe true."]


def test_examples_conditioned_on_the_constitution_record_it(record_preferences, settings) -> None:
    from loop.services.snapshots import snapshot_rebuild
    from training.common import read_jsonl

    record_preferences(4)
    conditioned = {**RECIPE, "condition_on_constitution": True}
    with pytest.raises(ValidationError) as caught:
        snapshot_create(recipe=conditioned)
    assert "no principles" in caught.value.message_dict["condition_on_constitution"][0]
    settings.ACTIVITIES = [*settings.ACTIVITIES, f"{__name__}.Honesty"]
    snapshot, _ = snapshot_create(recipe=conditioned)
    system = "Follow these principles:\n- Honesty: say only what you believe true."
    assert snapshot.recipe["system"] == system
    rows = list(read_jsonl(f"{snapshot.folder}/train.jsonl"))
    assert rows
    assert all(r["prompt"].startswith(system + "\n\n") for r in rows)
    # The text is in the recipe, so the snapshot rebuilds the same once the constitution changed.
    assert snapshot_rebuild(snapshot=snapshot).content_hash == snapshot.content_hash
    plain, _ = snapshot_create(recipe={**RECIPE, "until": snapshot.recipe["until"]})
    assert plain.content_hash != snapshot.content_hash
    assert "system" not in plain.recipe


def test_weak_to_strong_on_binary_qa_items(small_eval, record_preferences) -> None:
    from training.common import read_jsonl

    record_preferences(8)
    judge = ModelLine.objects.get(slug="judge").versions.get()
    run = training_run_start(
        line=debater(),
        recipe="weak_to_strong",
        config={"max_steps": 2, "save_steps": 2, "weak_version": judge.pk},
        dataset_recipe={**RECIPE, "format": "binary_qa"},
    )
    run_snapshot_build(run)
    training_run_execute(run_id=run.pk)
    run.refresh_from_db()
    assert run.status == RunStatus.DONE, run.error
    assert run.version is not None
    training = run.version.metrics["training"]
    assert 0.0 <= training["weak_label_agreement"] <= 1.0
    # One weak verdict per QA item (two items per pair: the good answer and the bad one).
    labels = list(read_jsonl(f"{run.version.uri}/../weak_labels.jsonl"))
    assert len(labels) == run.snapshot.counts["train"]
    assert {r["completion"] for r in labels} <= {" yes", " no"}
    assert all(r["prompt"].endswith("Is this answer good?") for r in labels)
