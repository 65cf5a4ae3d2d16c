"""The demo loads real preference data, as imported signals, that a first DPO run learns from."""

from django.contrib.auth.models import User
from django.core.management import call_command

from loop.gates import gate_failures
from loop.models import RunStatus
from loop.selectors import line_policy
from loop.services.policies import line_policy_set
from loop.services.runs import training_run_execute, training_run_start
from ops.demo import DEMO_HH_RLHF_PAIRS
from registry.models import ModelLine
from signalpool.models import Signal
from tests.loop.builds import run_snapshot_build, snapshot_create

# What an admin's first run on the demo install reads: the training page's default recipe.
DEFAULT_DPO_RECIPE = {"kinds": ["preference"], "format": "preference"}


def test_the_demo_gives_the_first_dpo_run_train_and_held_out_pairs(
    db, settings, tmp_path, capsys
) -> None:
    settings.DEBUG = True  # demo accounts are refused otherwise
    settings.MODELS_DIR = tmp_path / "models"
    settings.DATASETS_DIR = tmp_path / "datasets"
    call_command("demo_load")
    signals = Signal.objects.count()
    call_command("demo_load")
    assert Signal.objects.count() == signals

    imported = Signal.objects.exclude(source_dataset="")
    by_source = {
        (dataset, kind): imported.filter(source_dataset=dataset, kind=kind).count()
        for dataset, kind in imported.values_list("source_dataset", "kind").distinct()
    }
    assert by_source[("hh_rlhf", "preference")] == DEMO_HH_RLHF_PAIRS
    # The demo's XSTest items with both annotators' labels, and the NYU judges' verdicts.
    assert by_source[("xstest", "hazard_label")] > 0
    assert by_source[("nyu_debate", "judgement")] > 0
    assert set(
        imported.filter(source_dataset="xstest").values_list("source_annotator", flat=True)
    ) == {"annotation_1", "annotation_2"}

    snapshot, _ = snapshot_create(recipe=DEFAULT_DPO_RECIPE)
    assert snapshot.counts["train"] >= 60
    assert snapshot.counts["eval"] >= 10


def test_the_first_admin_dpo_run_on_the_demo_is_measured_by_its_gates(
    db, settings, tmp_path
) -> None:
    # Observed before: one training pair, no held-out pairs, "preference_accuracy was not
    # measured". Now the held-out HH-RLHF pairs give the gate a figure to judge.
    settings.DEBUG = True  # demo accounts are refused otherwise
    settings.MODELS_DIR = tmp_path / "models"
    settings.DATASETS_DIR = tmp_path / "datasets"
    call_command("demo_load")
    debater = ModelLine.objects.get(slug="debater")
    line_policy_set(line=debater, eval_llmbar_per_subset=2)
    run = training_run_start(
        line=debater,
        recipe="dpo",
        config={"max_steps": 4, "max_length": 256},
        dataset_recipe=DEFAULT_DPO_RECIPE,
        user=User.objects.get(username="admin"),
    )
    run_snapshot_build(run)
    training_run_execute(run_id=run.pk)
    run.refresh_from_db()
    assert run.status == RunStatus.DONE, run.error
    assert run.version is not None
    accuracy = run.version.metrics["preference_accuracy"]
    assert 0.0 <= accuracy <= 1.0
    failures = gate_failures(run.version.metrics, line_policy(debater).gates)
    assert not any("not measured" in failure for failure in failures)
