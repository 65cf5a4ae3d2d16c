"""The pluralistic study at its smallest size with the tiny model, run in this process through the
engine: two opinion groups of a principles round who prefer opposite replies, one reward model
per group and a pooled one; its report against the margins recomputed from the versions."""

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone

from accounts.models import RaterProfile
from accounts.roles import Role
from annotation.hazards.models import ITEM_TYPE as HAZARD_ITEM
from annotation.principles.services.constitution import constitution_seed
from annotation.principles.services.proposals import proposal_submit
from annotation.principles.services.rounds import round_close, round_open
from annotation.principles.services.votes import vote_cast
from annotation.studies.kinds.pluralistic.groups import POOLED, rater_groups
from annotation.studies.kinds.pluralistic.params import PluralisticParams
from annotation.studies.kinds.pluralistic.scoring import UNCONDITIONED, conditioned, held_out_pairs
from annotation.studies.models import StudyStatus
from annotation.studies.services.params import params_parse
from annotation.studies.services.studies import study_create
from loop.models import DatasetSnapshot, RunStatus
from registry.models import ModelVersion
from signalpool.kinds import SignalKind
from signalpool.models import Signal
from signalpool.services import signal_record
from tests.studies.conftest import study_drive
from training.evaluation import Pair, Scorer, pair_margins
from training.snapshot import Candidate, DatasetRecipe, _is_eval, snapshot_build

pytestmark = pytest.mark.django_db

KIND_REPLY, CURT_REPLY = "Gladly, here is how.", "No."
SPLIT = DatasetRecipe(kinds=("preference",), eval_fraction=0.5)


@pytest.fixture(autouse=True)
def fast_passwords(settings: Any) -> None:
    # Ten people vote; the default password hasher costs ~0.3 s each.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def items() -> list[tuple[str, str]]:
    """Two items the split trains on, two it holds out, and a held-out hazard item."""
    train: list[tuple[str, str]] = []
    held: list[tuple[str, str]] = []
    for i in range(100):
        item = ("test.item", str(i))
        (held if _is_eval(":".join(item), SPLIT) else train).append(item)
    hazard = next(
        (HAZARD_ITEM, str(i)) for i in range(1000, 1100) if _is_eval(f"{HAZARD_ITEM}:{i}", SPLIT)
    )
    return train[:2] + held[:2] + [hazard]


@pytest.fixture
def opinion_round(study_lines: list[Any], make_user: Callable[..., Any]) -> Any:
    """A closed round in which four people agree with both proposals and four disagree with
    both; each of them prefers, on every item, the reply their side likes (the kind reply or
    the curt one). A researcher settled the hazard item as violent crime."""
    constitution_seed()
    now = timezone.now()
    voting_round = round_open(
        user=make_user(Role.RESEARCHER),
        title="Two camps",
        opens_at=now - dt.timedelta(minutes=1),
        closes_at=now + dt.timedelta(hours=1),
    )
    proposals = [
        proposal_submit(
            voting_round=voting_round,
            action="amend",
            principle_key=key,
            title="Amended",
            text=f"Amended {key}.",
            audience="shared",
            rationale="Because.",
            author_user=make_user(Role.RATER),
        )
        for key in ("mutual-trust", "collaboration")
    ]
    for choice, chosen, rejected in (
        ("agree", KIND_REPLY, CURT_REPLY),
        ("disagree", CURT_REPLY, KIND_REPLY),
    ):
        for _ in range(4):
            voter = make_user(Role.RATER)
            for proposal in proposals:
                vote_cast(proposal=proposal, choice=choice, user=voter)
            for item_type, item_id in items():
                signal_record(
                    kind=SignalKind.PREFERENCE,
                    item_type=item_type,
                    item_id=item_id,
                    payload={
                        "prompt": f"Request {item_id}: help me.",
                        "chosen": chosen,
                        "rejected": rejected,
                    },
                    idempotency_key=f"pref-{item_type}-{item_id}",
                    source_user=voter,
                )
    hazard = items()[-1]
    signal_record(
        kind=SignalKind.ADJUDICATION,
        item_type=hazard[0],
        item_id=hazard[1],
        payload={"decision": {"harmful": True, "categories": ["vcr"]}, "reason": "Settled."},
        idempotency_key="adjudication",
        source_user=make_user(Role.RESEARCHER),
    )
    closed = round_close(round_id=voting_round.pk, force=True)
    assert closed is not None
    assert closed.outcome["groups"]["k"] == 2
    return closed


def test_group_reward_models_disagree_where_their_raters_do(opinion_round) -> None:
    study = study_drive(
        study_create(
            kind="pluralistic",
            params={
                "round": opinion_round.pk,
                "principles": ["mutual-trust", "ensure-safety"],
                "max_steps": 2,
                "learning_rate": 0.003,
            },
            actor=None,
        )
    )
    assert study.status == StudyStatus.DONE, study.error
    assert study.report is not None
    assert [r.status for r in study.runs.all()] == [RunStatus.DONE] * 3
    groups: dict[str, list[str]] = study.state["groups"]
    assert sorted(len(m) for m in groups.values()) == [4, 4]

    # Each group's snapshot holds its members' signals only; the pooled one every member's.
    members_of = {name: set(raters) for name, raters in groups.items()}
    members_of[POOLED] = set().union(*members_of.values())
    for name, members in members_of.items():
        snapshot = DatasetSnapshot.objects.get(pk=study.state[f"snapshot {name}"])
        raters = {s.rater for s in Signal.objects.filter(pk__in=snapshot.signal_ids)}
        assert raters, name
        assert raters <= members, name
        assert snapshot.recipe["raters"] == sorted(members)

    # Margins recomputed from the versions on the pooled snapshot's held-out pairs, as asked
    # and under each principle; the report's counts from them.
    pooled = DatasetSnapshot.objects.get(pk=study.state[f"snapshot {POOLED}"])
    pairs = held_out_pairs(pooled)
    assert len(pairs) == 3 * 2  # three held-out items, each preferred both ways
    principles = study.state["principles"]
    assert sorted(principles) == ["ensure-safety", "mutual-trust"]
    margins = {}
    for name in [*groups, POOLED]:
        scorer = Scorer(ModelVersion.objects.get(pk=study.state[f"version {name}"]).uri)
        margins[name] = {
            key: pair_margins(
                scorer,
                [Pair(conditioned(p["prompt"], text), p["chosen"], p["rejected"]) for p in pairs],
            )
            for key, text in {UNCONDITIONED: "", **principles}.items()
        }
    data = study.report["data"]
    for key in [UNCONDITIONED, *principles]:
        disputed = sum(len({margins[g][key][i] > 0 for g in groups}) > 1 for i in range(len(pairs)))
        assert data["by_principle"][key] == {"pairs": len(pairs), "disputed": disputed}
    hazard_rows = [i for i, p in enumerate(pairs) if p["item"].startswith(HAZARD_ITEM)]
    assert len(hazard_rows) == 2
    assert data["by_category"]["vcr"] == {
        "pairs": 2,
        "disputed": sum(len({margins[g][""][i] > 0 for g in groups}) > 1 for i in hazard_rows),
    }
    assert data["by_category"]["none"]["pairs"] == 4
    conditions = [UNCONDITIONED, *principles]
    between = sum(
        min(margins[g][k][i] for g in groups)
        <= margins[POOLED][k][i]
        <= max(margins[g][k][i] for g in groups)
        for k in conditions
        for i in range(len(pairs))
    )
    assert data["pooled"]["between"] == between
    assert data["pooled"]["pairs"] == len(conditions) * len(pairs)
    for g in groups:
        assert data["pooled"]["agrees"][g] == sum(
            (margins[g][k][i] > 0) == (margins[POOLED][k][i] > 0)
            for k in conditions
            for i in range(len(pairs))
        )
    assert [row[0] for row in study.report["tables"][0]["rows"]] == [*groups, POOLED]


def test_background_groups_are_raters_who_consented_to_share_it(published_lines, make_user) -> None:
    people = {name: make_user(Role.RATER) for name in ("ada", "bo", "cy", "di")}
    for name, region in (("ada", "Wales"), ("bo", "Wales"), ("cy", "Kenya")):
        RaterProfile.objects.create(user=people[name], consent_given=True, region=region)
    # Without consent nothing of a background is kept, and nobody is grouped by it.
    RaterProfile.objects.create(user=people["di"], consent_given=False)
    params = params_parse(PluralisticParams, {"groups_from": "background"})
    assert rater_groups(params) == {
        "region:Wales": sorted(f"user:{people[n].pk}" for n in ("ada", "bo")),
        "region:Kenya": [f"user:{people['cy'].pk}"],
    }


def test_a_recipe_keeps_only_the_raters_it_names() -> None:
    def candidate(signal_id: int, rater: str) -> Candidate:
        return Candidate(
            signal_id=signal_id,
            item=f"test.item:{signal_id}",
            rater=rater,
            groups={"source": "human"},
            created_at="2026-01-01T00:00:00+00:00",
            prompt="Help me.",
            chosen=KIND_REPLY,
            rejected=f"{CURT_REPLY} {signal_id}",
        )

    candidates = [candidate(1, "user:1"), candidate(2, "user:2"), candidate(3, "user:1")]
    recipe = DatasetRecipe(kinds=("preference",), raters=("user:1",), eval_fraction=0.0)
    assert snapshot_build(recipe, candidates).signal_ids == [1, 3]
    everyone = DatasetRecipe(kinds=("preference",), eval_fraction=0.0)
    assert snapshot_build(everyone, candidates).signal_ids == [1, 2, 3]
    # A recipe without raters keeps the canonical form (and hash) it had before the filter.
    assert "raters" not in everyone.canonical()
    assert recipe.canonical()["raters"] == ["user:1"]
