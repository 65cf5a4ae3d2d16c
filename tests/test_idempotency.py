"""A write retried with the same Idempotency-Key answers what the first did and writes once."""

import datetime as dt
import threading
import uuid
from typing import Any

import pytest
from django.db import connection
from django.utils import timezone
from drf_spectacular.generators import SchemaGenerator
from rest_framework.test import APIClient

from accounts.roles import Role
from annotation.hazards.models import Prompt, Response
from annotation.principles.models import Comment, Proposal
from annotation.principles.services.constitution import constitution_seed
from annotation.principles.services.proposals import proposal_submit
from annotation.principles.services.rounds import round_open
from idempotency.models import IdempotentRequest
from idempotency.services import keys_forget

pytestmark = pytest.mark.django_db


def _twice(client: APIClient, url: str, body: dict[str, Any]) -> tuple[Any, Any]:
    key = str(uuid.uuid4())
    first = client.post(url, body, format="json", HTTP_IDEMPOTENCY_KEY=key)
    second = client.post(url, body, format="json", HTTP_IDEMPOTENCY_KEY=key)
    return first, second


def _same_answer(first: Any, second: Any) -> None:
    assert first.status_code in {200, 201}, first.content
    assert (second.status_code, second.content) == (first.status_code, first.content)
    assert second["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first


# A proposal body every proposal test can post.
AMENDMENT = {
    "action": "amend",
    "principle_key": "mutual-trust",
    "title": "T",
    "text": "Amended.",
    "audience": "shared",
    "rationale": "R",
}


@pytest.fixture
def voting_round(make_user) -> Any:
    constitution_seed()
    now = timezone.now()
    return round_open(
        user=make_user(Role.RESEARCHER),
        title="Round",
        opens_at=now - dt.timedelta(minutes=1),
        closes_at=now + dt.timedelta(hours=1),
    )


def test_a_retried_red_team_prompt_is_stored_and_queued_once(client_as, published_lines) -> None:
    campaign = (
        client_as(Role.RESEARCHER)
        .post("/api/hazards/campaigns/", {"name": "P", "line": "redteam-target"}, format="json")
        .json()
    )
    first, second = _twice(
        client_as(Role.RATER),
        f"/api/hazards/campaigns/{campaign['id']}/prompts/",
        {"text": "Tell me how to pick a lock", "category": "ncr"},
    )
    _same_answer(first, second)
    assert Prompt.objects.filter(campaign_id=campaign["id"]).count() == 1
    # One response row per queued generation.
    assert Response.objects.filter(prompt__campaign_id=campaign["id"]).count() == 1


def test_a_retried_proposal_is_stored_once(client_as, voting_round) -> None:
    first, second = _twice(
        client_as(Role.RATER),
        f"/api/principles/rounds/{voting_round.pk}/proposals/",
        {
            "action": "amend",
            "principle_key": "mutual-trust",
            "title": "Mutual trust",
            "text": "Amended.",
            "audience": "shared",
            "rationale": "Because.",
        },
    )
    _same_answer(first, second)
    assert Proposal.objects.filter(round=voting_round).count() == 1


def test_a_retried_comment_is_stored_once(client_as, make_user, voting_round) -> None:
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
    first, second = _twice(
        client_as(Role.RATER), f"/api/principles/proposals/{proposal.pk}/comments/", {"text": "Hm."}
    )
    _same_answer(first, second)
    assert Comment.objects.filter(proposal=proposal).count() == 1


def test_keys_belong_to_their_user_and_to_one_request(client_as, voting_round) -> None:
    url = f"/api/principles/rounds/{voting_round.pk}/proposals/"
    body = dict(AMENDMENT)
    one, other = client_as(Role.RATER), client_as(Role.RATER)
    assert one.post(url, body, format="json", HTTP_IDEMPOTENCY_KEY="k").status_code == 201
    # The same key from another person is another write.
    assert other.post(url, body, format="json", HTTP_IDEMPOTENCY_KEY="k").status_code == 201
    assert Proposal.objects.count() == 2
    reused = one.post(
        "/api/hazards/campaigns/", {"name": "x"}, format="json", HTTP_IDEMPOTENCY_KEY="k"
    )
    assert reused.status_code == 422
    assert reused.json()["code"] == "idempotency_key_reused"
    too_long = one.post(url, body, format="json", HTTP_IDEMPOTENCY_KEY="k" * 201)
    assert too_long.status_code == 400
    assert set(too_long.json()) == {"detail", "code"}
    assert Proposal.objects.count() == 2


def test_a_refused_write_is_not_kept_and_can_be_retried_with_its_key(
    client_as, voting_round
) -> None:
    client = client_as(Role.RATER)
    url = f"/api/principles/rounds/{voting_round.pk}/proposals/"
    body = {"action": "add", "principle_key": "new-one", "rationale": "R"}
    refused = client.post(url, body, format="json", HTTP_IDEMPOTENCY_KEY="retry-me")
    assert refused.status_code == 400
    assert not IdempotentRequest.objects.exists()
    body |= {"title": "New", "text": "A new principle.", "audience": "shared"}
    accepted = client.post(url, body, format="json", HTTP_IDEMPOTENCY_KEY="retry-me")
    assert accepted.status_code == 201, accepted.content


@pytest.mark.django_db(transaction=True)
def test_concurrent_retries_write_once(client_as, voting_round) -> None:
    """Two copies of a write in flight at once: the second waits for the first and replays it."""
    url = f"/api/principles/rounds/{voting_round.pk}/proposals/"
    body = dict(AMENDMENT)
    client = client_as(Role.RATER)
    answers: list[Any] = []

    def send() -> None:
        try:
            answers.append(client.post(url, body, format="json", HTTP_IDEMPOTENCY_KEY="race"))
        finally:
            connection.close()

    threads = [threading.Thread(target=send) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(a.status_code for a in answers) == [201] * 4
    assert len({a.content for a in answers}) == 1
    assert sum(a.has_header("Idempotent-Replayed") for a in answers) == 3
    assert Proposal.objects.count() == 1


def test_old_keys_are_forgotten(client_as, voting_round) -> None:
    client = client_as(Role.RATER)
    made = client.post(
        f"/api/principles/rounds/{voting_round.pk}/proposals/",
        {
            "action": "add",
            "principle_key": "p",
            "title": "T",
            "text": "x",
            "audience": "shared",
            "rationale": "R",
        },
        format="json",
        HTTP_IDEMPOTENCY_KEY="old",
    )
    assert made.status_code == 201, made.content
    assert keys_forget() == 0
    IdempotentRequest.objects.update(created_at=timezone.now() - dt.timedelta(days=2))
    assert keys_forget() == 1


def test_every_write_operation_documents_the_key() -> None:
    schema = SchemaGenerator().get_schema(request=None, public=True)
    writes = [
        (path, method, operation)
        for path, operations in schema["paths"].items()
        for method, operation in operations.items()
        if method in {"post", "put", "patch", "delete"}
    ]
    assert len(writes) > 20
    reference = {"$ref": "#/components/parameters/IdempotencyKey"}
    assert [(p, m) for p, m, op in writes if reference not in op.get("parameters", [])] == []
    assert schema["components"]["parameters"]["IdempotencyKey"]["name"] == "Idempotency-Key"
    assert [(p, m) for p, m, op in writes if "422" not in op["responses"]] == []
    assert "Error" in schema["components"]["schemas"]


def test_every_write_endpoint_replays_a_successful_answer(make_user) -> None:
    """Over the schema's write operations without path parameters, as a user of every role: an
    answer that wrote something comes back the same for a retry with its key; a refusal is not
    replayed."""
    schema = SchemaGenerator().get_schema(request=None, public=True)
    client = APIClient()
    client.force_authenticate(make_user(Role.ADMIN, Role.RESEARCHER, Role.RATER))
    replayed = 0
    for path, operations in schema["paths"].items():
        if "{" in path or path.startswith("/api/auth/"):
            continue  # signing out or in would change who the next requests come from
        for method in operations.keys() & {"post", "put", "patch", "delete"}:
            key = f"{method}:{path}"
            send = getattr(client, method)
            first = send(path, {}, format="json", HTTP_IDEMPOTENCY_KEY=key)
            second = send(path, {}, format="json", HTTP_IDEMPOTENCY_KEY=key)
            assert first.status_code < 500, (path, method, first.content)
            if 200 <= first.status_code < 300:
                assert (second.status_code, second.content) == (first.status_code, first.content)
                assert second["Idempotent-Replayed"] == "true"
                replayed += 1
            else:
                assert not second.has_header("Idempotent-Replayed"), (path, method)
    assert replayed >= 1
