"""The rater write path: a bounded number of statements per submission, permissions and the
constitution version read from the cache with correct invalidation, and an event that cannot be
sent never turning a stored write into an error."""

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

import httpx
import pytest
import redis
from django.conf import settings
from django.contrib.auth.models import Group, Permission, User
from django.core.cache import cache
from django.test import override_settings
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from accounts.roles import Role
from annotation.debates.importers import question_set_import
from annotation.debates.models import Judgement, Protocol
from annotation.debates.services.debates import debate_create
from annotation.hazards import importers
from annotation.hazards.models import Label, Taxonomy
from annotation.hazards.selectors.taxonomy import taxonomy_codes
from annotation.hazards.services.assignment import assignment_next
from annotation.hazards.services.campaigns import campaign_create, prompts_add
from annotation.principles.models import ConstitutionVersion, Vote
from annotation.principles.selectors import constitution_current_number
from annotation.principles.services.constitution import constitution_seed
from annotation.principles.services.proposals import proposal_submit
from annotation.principles.services.rounds import round_open
from tests.conftest import free_port
from tests.factories import ConstitutionVersionFactory, ResponseFactory

pytestmark = pytest.mark.django_db

# Statements per submission once the caches are warm, token authentication, savepoints and the
# response's reads included. Before permissions, the constitution version and taxonomy
# categories were cached, and a signal was inserted without looking for it first: 17, 23, 18.
LABEL_BUDGET = 11
JUDGEMENT_BUDGET = 19
VOTE_BUDGET = 14


def _token_client(user: User) -> APIClient:
    """Token authentication, as scripted clients and the write-path benchmark use it."""
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


@pytest.fixture
def rater(make_user: Callable[..., User]) -> User:
    return make_user(Role.RATER)


@pytest.fixture
def label_url(rater: User) -> str:
    campaign = campaign_create(name="c", user=None, labels_per_item=1)
    [prompt] = prompts_add(
        campaign=campaign, rows=[importers.PromptRow(external_id="1", text="p")], source="file"
    )
    response = ResponseFactory.create(prompt=prompt, text="a response")
    assignment_next(rater=rater, campaign=campaign)
    return f"/api/hazards/responses/{response.pk}/label/"


def _warm(client: APIClient, url: str, capture: Any) -> None:
    """Fill the caches as the rater's and others' earlier requests do in production: a refused
    request the permission cache (at its commit), then the constitution version and every
    taxonomy's categories."""
    with capture(execute=True):
        assert client.post(url, {"bogus": 1}, format="json").status_code == 400
    constitution_current_number()
    for taxonomy in Taxonomy.objects.all():
        taxonomy_codes(taxonomy)


def test_a_label_submission_stays_within_its_statement_budget(
    label_url, rater, django_assert_max_num_queries, django_capture_on_commit_callbacks
) -> None:
    client = _token_client(rater)
    _warm(client, label_url, django_capture_on_commit_callbacks)
    with django_assert_max_num_queries(LABEL_BUDGET):
        created = client.post(label_url, {"harmful": False, "severity": 0}, format="json")
    assert created.status_code == 201, created.content
    assert Label.objects.filter(rater=rater).count() == 1


def test_a_judgement_stays_within_its_statement_budget(
    rater, django_assert_max_num_queries, django_capture_on_commit_callbacks
) -> None:
    line = '{"key": "q", "question": "Why?", "passage": "Because.", "options": ["a", "b"], '
    [question_set, _] = question_set_import(
        content=(line + '"correct": 0}').encode(), file_format="jsonl", name="t", source="test"
    )
    debate_create(question=question_set.questions.get(), protocol=Protocol.BASELINE, debaters=[])
    client = _token_client(rater)
    pk = client.post("/api/debates/assignments/next/").json()["id"]
    url = f"/api/debates/assignments/{pk}/judgement/"
    _warm(client, url, django_capture_on_commit_callbacks)
    with django_assert_max_num_queries(JUDGEMENT_BUDGET):
        committed = client.post(url, {"probabilities": [0.7, 0.3]}, format="json")
    assert committed.status_code == 201, committed.content
    assert Judgement.objects.filter(judge=rater).count() == 1


def test_a_vote_stays_within_its_statement_budget(
    rater, make_user, django_assert_max_num_queries, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        constitution_seed()  # committed, as an enactment is before votes arrive
    now = timezone.now()
    voting_round = round_open(
        user=make_user(Role.RESEARCHER),
        title="r",
        opens_at=now - dt.timedelta(minutes=1),
        closes_at=now + dt.timedelta(hours=1),
    )
    proposal = proposal_submit(
        voting_round=voting_round,
        principle_key="mutual-trust",
        author_user=make_user(Role.RATER),
        action="amend",
        title="Mutual trust",
        text="Amended.",
        audience="shared",
        rationale="Because.",
    )
    client = _token_client(rater)
    url = f"/api/principles/proposals/{proposal.pk}/vote/"
    _warm(client, url, django_capture_on_commit_callbacks)
    with django_assert_max_num_queries(VOTE_BUDGET):
        voted = client.post(url, {"choice": "agree"}, format="json")
    assert voted.status_code == 200, voted.content
    assert Vote.objects.get(proposal=proposal, voter_user=rater).choice == "agree"


@pytest.mark.django_db(transaction=True)
def test_an_event_that_cannot_be_sent_does_not_fail_a_stored_label(
    label_url, rater, caplog
) -> None:
    # The channel layer's Redis refuses connections: the label commits, then its event fails.
    # The settings' own backend, so that the test follows it if it changes.
    unreachable = {
        "default": {
            "BACKEND": settings.CHANNEL_LAYERS["default"]["BACKEND"],
            "CONFIG": {"hosts": [{"address": f"redis://127.0.0.1:{free_port()}/0"}]},
        }
    }
    client = _token_client(rater)
    with override_settings(CHANNEL_LAYERS=unreachable), caplog.at_level(logging.ERROR):
        created = client.post(label_url, {"harmful": False, "severity": 0}, format="json")
    assert created.status_code == 201, created.content
    assert Label.objects.filter(rater=rater).count() == 1
    assert any("on_commit" in r.getMessage() for r in caplog.records), caplog.text
    # The event failed for the reason the test sets up, not for a backend that cannot load.
    assert "ConnectionError" in caplog.text, caplog.text


def test_cached_permissions_follow_role_changes(
    rater, label_url, django_capture_on_commit_callbacks
) -> None:
    client = _token_client(rater)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(label_url, {}, format="json").status_code == 400
    assert cache.get(f"accounts:perms:{rater.pk}:{rater.date_joined.timestamp():.6f}")

    rater.groups.remove(Group.objects.get(name=Role.RATER.value))
    assert client.post(label_url, {}, format="json").status_code == 403

    group = Group.objects.create(name="temporary")
    group.permissions.add(Permission.objects.get(codename="take_rating_work"))
    with django_capture_on_commit_callbacks(execute=True):
        group.user_set.add(rater)
        assert client.post(label_url, {}, format="json").status_code == 400
    group.permissions.clear()
    assert client.post(label_url, {}, format="json").status_code == 403


def test_the_cached_constitution_version_follows_enactments(
    db, django_capture_on_commit_callbacks
) -> None:
    assert constitution_current_number() is None
    with django_capture_on_commit_callbacks(execute=True):
        first = constitution_seed()
    assert constitution_current_number() == first.number == 1
    with django_capture_on_commit_callbacks(execute=True):
        ConstitutionVersion.objects.filter(pk=first.pk).update(is_current=False)
        ConstitutionVersionFactory.create(number=2, is_current=True)
        # Inside the enacting transaction the new version is read, and not cached yet.
        assert constitution_current_number() == 2
    assert cache.get("principles:constitution-current") == 2


def test_requests_reuse_the_processes_redis_connections(server: str) -> None:
    # Under ASGI every request has cache objects of its own; each used to open (and drop) a
    # Redis connection of its own (config/cache.py). Thirty requests reading and writing the
    # cache now share the server process's pool.
    watcher = redis.Redis.from_url(settings.REDIS_URL)
    before = watcher.info("stats")["total_connections_received"]
    with httpx.Client(base_url=server, timeout=10) as http:
        for _ in range(30):
            assert http.get("/api/health/").status_code == 200
    opened = watcher.info("stats")["total_connections_received"] - before
    watcher.close()
    assert opened < 10, opened
