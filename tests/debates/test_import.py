"""Question files and the NYU rooms: all-or-nothing, idempotent, and the paper's figures."""

import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from annotation.debates.importers import DebateImportError, nyu_import, question_set_import
from annotation.debates.models import Debate, Judgement, Question, QuestionSet, Turn, TurnKind
from annotation.debates.selectors import analytics_report

pytestmark = pytest.mark.django_db

CSV = (
    "key,question,passage,option_a,option_b,option_c,correct,tags\n"
    "k1,Who wrote it?,A passage.,Ann,Bob,,B,fiction;short\n"
    "k2,When?,,1900,1950,2000,2,\n"
)


def test_csv_import_reads_options_letters_and_tags_and_is_idempotent() -> None:
    first, created = question_set_import(
        content=CSV.encode(), file_format="csv", name="csv", source="unit", split="dev"
    )
    again, created_again = question_set_import(
        content=CSV.encode(), file_format="csv", name="other name", source="unit"
    )
    assert created
    assert not created_again
    assert again.pk == first.pk
    assert QuestionSet.objects.count() == 1
    k1, k2 = first.questions.order_by("key")
    assert (k1.options, k1.correct_index, k1.tags, k1.split) == (
        ["Ann", "Bob"],
        1,
        ["fiction", "short"],
        "dev",
    )
    assert (k2.options, k2.correct_index) == (["1900", "1950", "2000"], 2)


def test_a_bad_line_fails_the_whole_file_with_its_line_number() -> None:
    content = (
        '{"question": "Fine?", "options": ["a", "b"], "correct": 0}\n'
        '{"question": "Bad?", "options": ["only one"], "correct": 0}\n'
        "not json\n"
        '{"question": "Out of range?", "options": ["a", "b"], "correct": "C"}\n'
    )
    with pytest.raises(DebateImportError) as caught:
        question_set_import(content=content.encode(), file_format="jsonl", name="x", source="y")
    assert set(caught.value.fields) == {"line 2", "line 3", "line 4"}
    assert "options" in caught.value.fields["line 2"]
    assert "correct" in caught.value.fields["line 4"]
    assert not Question.objects.exists()
    assert not QuestionSet.objects.exists()


def test_the_question_command_exits_non_zero_on_a_bad_file(tmp_path: Path) -> None:
    bad = tmp_path / "q.csv"
    bad.write_text("key,question,option_a,correct\nk,Q?,only,0\n")
    with pytest.raises(CommandError, match="line 2"):
        call_command("debates_import_questions", str(bad), "--source", "t")
    assert not Question.objects.exists()


def test_nyu_rooms_import_with_turns_and_judgements_once(nyu_dir: Path) -> None:
    report = nyu_import(directory=nyu_dir, limit=40)
    assert (report.created, report.skipped) == (40, 0)
    again = nyu_import(directory=nyu_dir, limit=40)
    assert (again.created, again.skipped) == (0, 40)
    assert Debate.objects.count() == 40

    room = json.loads((nyu_dir / "transcripts_included.jsonl").read_text().splitlines()[0])
    debate = Debate.objects.get(external_name=f"nyu:{room['name']}")
    assert debate.condition == room["condition"]
    assert debate.question.options == room["answers"]
    speeches = [t for t in room["turns"] if "debater_index" in t]
    stored = list(debate.turns.order_by("position"))
    assert [t.text for t in stored if t.kind == TurnKind.SPEECH] == [t["text"] for t in speeches]
    judge_turns = [t.probabilities for t in stored if t.kind == TurnKind.JUDGE]
    assert judge_turns == [
        t["distribution"] for t in room["turns"] if t["round"] == "JudgeFeedback"
    ]
    # Quotes are found but cannot be checked: this copy has no story text.
    assert any(q["verified"] is None for t in stored for q in t.quotes)
    live = Judgement.objects.get(debate=debate, live=True)
    assert live.probabilities == room["judgingInfo"]["finalJudgement"]
    assert Turn.objects.filter(debate__origin="imported").count() > 300


def test_the_report_reproduces_the_papers_judge_accuracy(nyu_dir: Path) -> None:
    """Michael et al. 2023: a judge is right when its final probability on the truth > 0.5."""
    nyu_import(directory=nyu_dir)
    report = analytics_report(origin="imported")
    accuracy = {r["condition"]: (r["n"], round(100 * r["accuracy"])) for r in report["accuracy"]}
    assert accuracy == {
        "AI Consultancy": (76, 80),
        "AI Debate": (87, 78),
        "Human Consultancy": (96, 74),
        "Human Debate": (154, 84),
    }
    honesty = {
        (r["condition"], r["consultant"]): round(100 * r["accuracy"]) for r in report["consultancy"]
    }
    assert honesty == {
        ("Human Consultancy", "honest"): 88,
        ("Human Consultancy", "dishonest"): 60,
        ("AI Consultancy", "honest"): 74,
        ("AI Consultancy", "dishonest"): 87,
    }
    human_debate = next(r for r in report["accuracy"] if r["condition"] == "Human Debate")
    assert human_debate["ci_low"] < human_debate["accuracy"] < human_debate["ci_high"]
    assert human_debate["correct"] + human_debate["incorrect"] == 154
    # Human debaters are named by pseudonym, so their persuasiveness can be rated.
    assert any(r["rating"] is not None for r in report["persuasiveness"])


def test_the_report_command_prints_json(nyu_dir: Path, capsys: pytest.CaptureFixture) -> None:
    nyu_import(directory=nyu_dir, limit=20)
    call_command("debates_report", "--json")
    rows = json.loads(capsys.readouterr().out)["accuracy"]
    assert sum(r["n"] for r in rows) == 20
    assert set(rows[0]) == {"origin", "condition", "judge", "n", "correct", "accuracy"}


def test_the_nyu_command_names_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="does not exist"):
        call_command("debates_import_nyu", str(tmp_path))
