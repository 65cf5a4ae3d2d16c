"""The imported source: human data from public datasets, with the annotators' pseudonyms."""

import pytest
from django.db import IntegrityError, transaction

from accounts.personal_data import personal_data_export
from accounts.roles import Role
from signalpool.models import Signal
from signalpool.services import (
    IdempotencyConflict,
    ImportSource,
    SignalError,
    signal_record,
)
from tests.factories import ModelVersionFactory

pytestmark = pytest.mark.django_db

PREF = {"prompt": "Is the sky blue?", "chosen": "Yes, by day.", "rejected": "No."}
XSTEST = ImportSource(dataset="xstest", annotator="annotation_1")


def _imported(source=XSTEST, key="k1", payload=None, kind="preference", corrects=None):
    return signal_record(
        kind=kind,
        item_type="test.item",
        item_id=7,
        payload=payload or PREF,
        idempotency_key=key,
        source_import=source,
        corrects=corrects,
    )


def test_an_imported_signal_is_stored_once_per_dataset_annotator_and_key() -> None:
    first, created = _imported()
    again, created_again = _imported()
    assert (created, created_again, first.pk) == (True, False, again.pk)
    # Another annotator of the same dataset is another source.
    _imported(ImportSource(dataset="xstest", annotator="annotation_2"))
    assert Signal.objects.count() == 2
    with pytest.raises(IdempotencyConflict):
        _imported(payload={**PREF, "chosen": "Something else."})
    assert (first.source_kind, first.rater) == ("imported", "import:xstest:annotation_1")
    assert (first.source_user, first.source_model) == (None, None)


def test_imported_payloads_are_validated_as_any_other() -> None:
    with pytest.raises(SignalError) as err:
        _imported(kind="judgement", payload={"probabilities": [0.7, 0.7]})
    assert "payload" in err.value.fields
    with pytest.raises(SignalError) as err:
        _imported(ImportSource(dataset="xstest", annotator=" "))
    assert "source_import" in err.value.fields
    assert Signal.objects.count() == 0


def test_the_database_keeps_exactly_one_of_three_sources(make_user) -> None:
    with pytest.raises(SignalError):
        signal_record(
            kind="comment",
            item_type="t",
            item_id=1,
            payload={"text": "x"},
            idempotency_key="k",
            source_user=make_user(),
            source_import=XSTEST,
        )
    base = {"kind": "comment", "item_type": "t", "item_id": "1", "payload": {"text": "x"}}
    version = ModelVersionFactory.create()
    for sources in (
        {"source_user": make_user(), "source_dataset": "xstest", "source_annotator": "a"},
        {"source_model": version, "source_dataset": "xstest", "source_annotator": "a"},
        # An import names its annotator.
        {"source_dataset": "xstest"},
        {"source_user": make_user(), "source_annotator": "a"},
    ):
        with pytest.raises(IntegrityError), transaction.atomic():
            Signal.objects.create(idempotency_key="k", **base, **sources)


def test_a_correction_of_an_imported_signal_keeps_its_source() -> None:
    original, _ = _imported()
    fixed, _ = _imported(key="k1-fix", payload={**PREF, "chosen": "Yes."}, corrects=original)
    assert (fixed.corrects, fixed.rater) == (original, original.rater)


def test_researchers_filter_and_see_the_imported_source(client_as, make_user) -> None:
    _imported()
    _imported(ImportSource(dataset="hh_rlhf", annotator="unattributed"))
    signal_record(
        kind="comment",
        item_type="t",
        item_id=1,
        payload={"text": "x"},
        idempotency_key="k",
        source_user=make_user(),
    )
    client = client_as(Role.RESEARCHER)
    imported = client.get("/api/signals/", {"source": "imported"}).json()["results"]
    assert sorted(s["source_dataset"] for s in imported) == ["hh_rlhf", "xstest"]
    xstest = client.get("/api/signals/", {"dataset": "xstest"}).json()["results"]
    assert [(s["source"], s["source_dataset"], s["source_annotator"]) for s in xstest] == [
        ("imported", "xstest", "annotation_1")
    ]
    human = client.get("/api/signals/", {"source": "human"}).json()["results"]
    assert [(s["source"], s["source_dataset"]) for s in human] == [("human", "")]


def test_personal_data_export_holds_only_the_persons_own_signals(make_user) -> None:
    # Imported annotators are pseudonyms of another dataset, never platform users.
    _imported()
    user = make_user(Role.RATER)
    signal_record(
        kind="comment",
        item_type="t",
        item_id=1,
        payload={"text": "mine"},
        idempotency_key="k",
        source_user=user,
    )
    exported = personal_data_export(user=user)["signals"]
    assert [s["payload"] for s in exported] == [{"text": "mine"}]
