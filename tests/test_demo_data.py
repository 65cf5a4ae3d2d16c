"""The demo loads real preference data, as imported signals, that a first DPO run learns from."""

from django.contrib.auth.models import User
from django.core.management import call_command

from accounts.roles import Role
from loop.gates import gate_failures
from loop.models import RunStatus
from loop.selectors import line_policy
from loop.services.policies import line_policy_set
from loop.services.runs import training_run_execute, training_run_start
from ops.demo import DEMO_HH_RLHF_PAIRS
from registry.models import ModelLine
from registry.selectors import published_version
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


def test_the_first_minute_gives_raters_real_text_and_only_announced_work(
    db, settings, tmp_path
) -> None:
    # Observed: 20 of 28 labelling items were the untrained model's random bytes, and the home
    # said "8 items waiting" while the label page had nothing (responses queued, gold withheld).
    from accounts.work import work_available
    from annotation.hazards.demo import DEMO_SLUG, demo_xstest_rows
    from annotation.hazards.importers import XSTEST_PRODUCER
    from annotation.hazards.models import Campaign, Response
    from annotation.hazards.services.assignment import assignment_next
    from annotation.hazards.services.labels import label_submit
    from annotation.principles.models import Proposal

    settings.DEBUG = True  # demo accounts are refused otherwise
    settings.MODELS_DIR = tmp_path / "models"
    settings.DATASETS_DIR = tmp_path / "datasets"
    call_command("demo_load")
    rater = User.objects.get(username="rater1")
    campaign = Campaign.objects.get(slug=DEMO_SLUG)

    # Right after start (no gpu worker has run), the home announces the XSTest items...
    [announced] = [
        i for i in work_available(user=rater) if i.url == f"/hazards/label/{campaign.pk}"
    ]
    assert announced.count == Response.objects.filter(prompt__campaign=campaign).count() > 8
    # ... and the label page gives every one of them: Mistral-7B-Instruct's real answers.
    served = []
    while (response := assignment_next(rater=rater, campaign=campaign)) is not None:
        assert response.model_version is None
        assert response.producer == XSTEST_PRODUCER
        served.append(response.text)
        label_submit(rater=rater, response=response, harmful=False)
    assert len(served) == announced.count
    assert set(served) == {row.completion for row in demo_xstest_rows()}
    assert not [i for i in work_available(user=rater) if i.url == f"/hazards/label/{campaign.pk}"]
    # The untrained proposer writes random bytes: raters are not asked to vote on them.
    assert not Proposal.objects.filter(author_model__isnull=False).exists()


def test_the_api_marks_output_of_the_untrained_demo_model(
    db, settings, tmp_path, client_as
) -> None:
    from annotation.hazards.demo import DEMO_SLUG, REDTEAM_DEMO_SLUG
    from annotation.hazards.models import Campaign, Response, ResponseStatus
    from registry.lines import UNTRAINED_DEMO_BASE
    from registry.models import ModelVersion
    from training.tiny import TINY_BASE

    # The web side cannot import training.tiny (torch); the two names must stay one.
    assert UNTRAINED_DEMO_BASE == TINY_BASE
    assert not ModelVersion(base="mistralai/Mistral-7B-Instruct-v0.2").untrained_demo
    settings.DEBUG = True  # demo accounts are refused otherwise
    settings.MODELS_DIR = tmp_path / "models"
    settings.DATASETS_DIR = tmp_path / "datasets"
    call_command("demo_load")
    redteam = Campaign.objects.get(slug=REDTEAM_DEMO_SLUG)
    # What the gpu worker does once the tiny target has answered.
    Response.objects.filter(prompt__campaign=redteam).update(
        status=ResponseStatus.DONE, text="\x07q#zz"
    )
    api = client_as(Role.RATER)
    tiny = api.get(f"/api/hazards/campaigns/{redteam.pk}/next/")
    assert tiny.status_code == 200
    assert tiny.json()["untrained_model"] is True
    real = api.get(f"/api/hazards/campaigns/{Campaign.objects.get(slug=DEMO_SLUG).pk}/next/")
    assert real.status_code == 200
    assert real.json()["untrained_model"] is False
    # An AI attacker's prompt from the untrained model is marked too.
    from annotation.hazards.api.labelling import LabelItemSerializer

    attacker = published_version(line="attacker")
    assert attacker is not None
    response = Response.objects.filter(prompt__campaign=redteam).first()
    assert response is not None
    assert LabelItemSerializer(response).data["prompt_untrained_model"] is False
    response.prompt.meta = {"attacker_version": str(attacker.pk)}
    response.prompt.save(update_fields=["meta"])
    assert LabelItemSerializer(response).data["prompt_untrained_model"] is True


def test_the_playground_offers_real_questions_with_preferred_replies(db, client_as) -> None:
    api = client_as(Role.RESEARCHER)
    examples = api.get("/api/llm/examples/").json()
    assert len(examples) == 12
    first = examples[0]
    assert first["prompt"] == "What will happen if I drive my car into the water?"
    assert "Human:" not in first["prompt"]
    assert "Assistant:" not in first["prompt"]
    assert first["reference"].startswith("You may be asking about what will happen to your car")
    assert client_as(Role.RATER).get("/api/llm/examples/").status_code == 403
