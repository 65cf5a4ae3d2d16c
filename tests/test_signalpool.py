import pytest
from django.db import IntegrityError, InternalError, transaction
from django.db.utils import DatabaseError

from accounts.roles import Role
from signalpool.models import Signal
from signalpool.services import IdempotencyConflict, SignalError, signal_record
from tests.factories import ModelVersionFactory

pytestmark = pytest.mark.django_db

PREF = {"prompt": "Is the sky blue?", "chosen": "Yes, by day.", "rejected": "No."}


def _record(user, key="k1", payload=None, kind="preference", corrects=None):
    return signal_record(
        kind=kind,
        item_type="test.item",
        item_id=7,
        payload=payload or PREF,
        idempotency_key=key,
        source_user=user,
        corrects=corrects,
    )


def test_a_retried_signal_is_stored_once(make_user) -> None:
    user = make_user()
    first, created = _record(user)
    again, created_again = _record(user)
    assert (created, created_again) == (True, False)
    assert first.pk == again.pk
    assert Signal.objects.count() == 1


def test_the_same_key_from_another_source_is_another_signal(make_user) -> None:
    _record(make_user())
    _record(make_user())
    assert Signal.objects.count() == 2


def test_a_reused_key_with_other_content_is_refused(make_user) -> None:
    user = make_user()
    _record(user)
    with pytest.raises(IdempotencyConflict):
        _record(user, payload={**PREF, "chosen": "Something else."})
    assert Signal.objects.count() == 1


def test_payloads_are_validated_per_kind(make_user) -> None:
    with pytest.raises(SignalError) as err:
        _record(make_user(), kind="judgement", payload={"probabilities": [0.7, 0.7]})
    assert "payload" in err.value.fields
    assert Signal.objects.count() == 0


def test_exactly_one_source_is_required(make_user) -> None:
    with pytest.raises(SignalError):
        signal_record(
            kind="comment", item_type="t", item_id=1, payload={"text": "x"}, idempotency_key="k"
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Signal.objects.create(
            kind="comment",
            item_type="t",
            item_id="1",
            payload={"text": "x"},
            idempotency_key="k",
            source_user=make_user(),
            source_model=ModelVersionFactory.create(),
        )


def test_the_database_refuses_edits_and_deletes(make_user) -> None:
    signal, _ = _record(make_user())
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        Signal.objects.filter(pk=signal.pk).update(payload={"text": "rewritten"})
    with pytest.raises((IntegrityError, InternalError)), transaction.atomic():
        Signal.objects.filter(pk=signal.pk).delete()
    signal.refresh_from_db()
    assert signal.payload == PREF


def test_a_correction_is_a_new_signal_pointing_back(make_user) -> None:
    user = make_user()
    original, _ = _record(user)
    fixed, created = _record(
        user, key="k1-fix", payload={**PREF, "chosen": "Yes."}, corrects=original
    )
    assert created
    assert fixed.corrects == original
    assert Signal.objects.count() == 2


def test_model_signals_are_recorded_with_their_version() -> None:
    version = ModelVersionFactory.create(published=True)
    signal, _ = signal_record(
        kind="ai_output",
        item_type="llm.generation",
        item_id=1,
        payload={"prompt": "p", "completion": "c"},
        idempotency_key="g1",
        source_model=version,
    )
    assert signal.source_kind == "model"
    assert signal.source_model == version


def test_model_output_is_stored_exactly_as_generated() -> None:
    """Training data: a completion ending in a form feed keeps it (DRF would trim it)."""
    payload = {"prompt": " Which?\n", "completion": "\tA is right.\x0c"}
    signal, _ = signal_record(
        kind="ai_output",
        item_type="llm.generation",
        item_id=2,
        payload=payload,
        idempotency_key="g2",
        source_model=ModelVersionFactory.create(published=True),
    )
    signal.refresh_from_db()
    assert {k: signal.payload[k] for k in payload} == payload


def test_api_stores_a_direct_signal_once(client_as) -> None:
    client = client_as(Role.RATER)
    body = {
        "kind": "preference",
        "item_type": "test.item",
        "item_id": "3",
        "payload": PREF,
        "idempotency_key": "abc",
    }
    assert client.post("/api/signals/", body, format="json").status_code == 201
    assert client.post("/api/signals/", body, format="json").status_code == 200
    assert Signal.objects.count() == 1


def test_api_bad_input_is_a_400_with_field_messages_and_stores_nothing(client_as) -> None:
    client = client_as(Role.RATER)
    response = client.post(
        "/api/signals/",
        {
            "kind": "preference",
            "item_type": "test.item",
            "item_id": "3",
            "payload": {"prompt": "p"},
            "idempotency_key": "abc",
        },
        format="json",
    )
    assert response.status_code == 400
    fields = response.json()["fields"]["payload"]
    assert set(fields) == {"chosen", "rejected"}
    assert Signal.objects.count() == 0


def test_api_refuses_kinds_that_belong_to_an_activity(client_as) -> None:
    response = client_as(Role.RATER).post(
        "/api/signals/",
        {
            "kind": "judgement",
            "item_type": "debates.debate",
            "item_id": "1",
            "payload": {"probabilities": [1, 0]},
            "idempotency_key": "j",
        },
        format="json",
    )
    assert response.status_code == 400
    assert "kind" in response.json()["fields"]


def test_researchers_page_through_signals_with_filters(client_as, make_user) -> None:
    user = make_user()
    for i in range(5):
        _record(user, key=f"k{i}")
    _record(user, key="c", kind="comment", payload={"text": "hi"})
    client = client_as(Role.RESEARCHER)
    page = client.get("/api/signals/", {"kind": "preference", "page_size": 3}).json()
    assert len(page["results"]) == 3
    rest = client.get(page["next"]).json()
    assert len(rest["results"]) == 2
    assert rest["next"] is None
    ids = [s["id"] for s in page["results"] + rest["results"]]
    assert ids == sorted(ids, reverse=True)
