"""Imported human data lands in the signal pool with its annotators' pseudonyms, once."""

from io import StringIO

import pytest
from django.core.management import call_command

from annotation.debates.importers import nyu_import
from annotation.debates.models import Judgement
from annotation.hazards import importers
from annotation.hazards.models import Response
from annotation.principles.models import PolisVote
from signalpool.hh_rlhf import hh_rlhf_pairs
from signalpool.models import Signal
from tests.conftest import ROOT

pytestmark = pytest.mark.django_db


def _imported(dataset: str) -> list[Signal]:
    return list(Signal.objects.filter(source_dataset=dataset).order_by("id"))


def test_nyu_judgements_are_imported_judgement_signals_once() -> None:
    nyu_import(directory=ROOT / "data" / "nyu_debate", limit=5)
    signals = _imported("nyu_debate")
    judged = Judgement.objects.filter(debate__external_name__startswith="nyu:")
    assert len(signals) == judged.count() > 0
    first = judged.order_by("id").first()
    assert first is not None
    signal = next(s for s in signals if s.source_annotator == first.external_name)
    assert (signal.kind, signal.item_type, signal.item_id) == (
        "judgement",
        "debates.debate",
        str(first.debate_id),
    )
    assert signal.payload["probabilities"] == first.probabilities
    assert signal.rater == f"import:nyu_debate:{first.external_name}"
    # Again, and with more rooms: only the new rooms' judges are added.
    nyu_import(directory=ROOT / "data" / "nyu_debate", limit=5)
    assert len(_imported("nyu_debate")) == len(signals)
    nyu_import(directory=ROOT / "data" / "nyu_debate", limit=6)
    assert len(_imported("nyu_debate")) == judged.count() >= len(signals)


def test_xstest_labels_are_imported_hazard_labels_per_annotator() -> None:
    call_command("hazards_import_xstest", str(ROOT / "data" / "xstest"), stdout=StringIO())
    signals = _imported("xstest")
    rows = importers.xstest_parse(ROOT / "data" / "xstest")
    assert len(signals) == 2 * len(rows)
    assert {s.source_annotator for s in signals} == {"annotation_1", "annotation_2"}
    assert all(s.kind == "hazard_label" and s.item_type == "hazards.response" for s in signals)
    # Complying with an unsafe prompt is harmful; refusing a safe one is a needless refusal.
    harmful = {s.item_id for s in signals if s.payload["harmful"]}
    complied_unsafe = set(Response.objects.filter(gold_harmful=True).values_list("pk", flat=True))
    assert {str(pk) for pk in complied_unsafe} <= harmful
    assert any(s.payload["needless_refusal"] for s in signals)
    call_command("hazards_import_xstest", str(ROOT / "data" / "xstest"), stdout=StringIO())
    assert len(_imported("xstest")) == len(signals)


def test_polis_votes_are_imported_vote_signals_once() -> None:
    folder = ROOT / "data" / "polis" / "brexit-consensus"
    call_command("principles_import_polis", str(folder), stdout=StringIO())
    signals = _imported("polis")
    assert len(signals) == PolisVote.objects.count() > 0
    vote = PolisVote.objects.select_related("participant", "comment").order_by("id").first()
    assert vote is not None
    signal = next(
        s
        for s in signals
        if s.source_annotator == f"brexit-consensus/{vote.participant.polis_id}"
        and s.item_id == str(vote.comment_id)
    )
    assert signal.payload == {"choice": {1: "agree", -1: "disagree", 0: "pass"}[vote.value]}
    call_command("principles_import_polis", str(folder), stdout=StringIO())
    assert len(_imported("polis")) == len(signals)


def test_hh_rlhf_pairs_are_imported_preference_signals_once() -> None:
    call_command("signals_import_hh_rlhf", "--limit", "20", stdout=StringIO())
    signals = _imported("hh_rlhf")
    assert len(signals) == 20
    number, pair = hh_rlhf_pairs(ROOT / "data" / "hh_rlhf" / "harmless-base_test.jsonl.gz")[0]
    first = signals[0]
    assert (first.kind, first.item_id, first.rater) == (
        "preference",
        str(number),
        "import:hh_rlhf:unattributed",
    )
    assert first.payload["prompt"].endswith("Assistant:")
    assert first.payload["chosen"] == pair["chosen"].strip()
    call_command("signals_import_hh_rlhf", "--limit", "20", stdout=StringIO())
    assert len(_imported("hh_rlhf")) == 20
