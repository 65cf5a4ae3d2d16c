"""The HTTP API: judges' views hold no truth before commit; researchers import, run and report."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from accounts.roles import Role
from annotation.debates.importers import nyu_import
from annotation.debates.models import Assignment, Debate, Protocol, QuestionSet
from annotation.debates.services.ai_judges import ai_judgements_run
from annotation.debates.services.debates import DebaterSpec, debate_create
from annotation.debates.services.turns import debate_turns_run
from annotation.debates.tasks import debate_analytics_compute_task

pytestmark = pytest.mark.django_db

TRUTH_KEYS = ("correct_index", "helpful", "sneaky", "correct", "score", "judgements")


def _keys(value):
    if isinstance(value, dict):
        for key, inner in value.items():
            yield key
            yield from _keys(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _keys(inner)


def test_a_judge_cannot_learn_the_truth_before_committing(
    questions, published_lines, client_as, make_user
) -> None:
    debate = debate_create(
        question=questions[0],
        protocol=Protocol.DEBATE,
        debaters=[DebaterSpec(model_version=published_lines[0])] * 2,
        rounds=1,
        word_limit=8,
    )
    debate_turns_run(debate_id=debate.pk)
    ai_judgements_run(debate_id=debate.pk)
    early = client_as(Role.RATER)
    assert early.post("/api/debates/assignments/next/").status_code == 200
    early.post(
        f"/api/debates/assignments/{Assignment.objects.get().pk}/judgement/",
        {"probabilities": [0.83, 0.17]},
        format="json",
    )
    judge = client_as(Role.RATER)
    taken = judge.post("/api/debates/assignments/next/").json()
    assert taken["outcome"] is None
    assert taken["debate"]["id"] == debate.pk
    pk = taken["id"]
    views = [
        taken,
        judge.get(f"/api/debates/assignments/{pk}/").json(),
        judge.get("/api/debates/assignments/").json(),
    ]
    for view in views:
        leaked = set(_keys(view)) & set(TRUTH_KEYS)
        assert not leaked, leaked
        assert "0.83" not in json.dumps(view)  # another judge's verdict
    for url in (
        f"/api/debates/{debate.pk}/",
        "/api/debates/",
        "/api/debates/analytics/",
        "/api/debates/analytics/export/?table=accuracy",
        "/api/signals/",
    ):
        assert judge.get(url).status_code in {403, 404}, url

    committed = judge.post(
        f"/api/debates/assignments/{pk}/judgement/",
        {"probabilities": [0.4, 0.6], "rationale": "B quoted better"},
        format="json",
    )
    assert committed.status_code == 201, committed.content
    outcome = committed.json()["outcome"]
    assert outcome["correct_index"] == 0
    assert outcome["correct"] is False
    assert outcome["score"] == pytest.approx(-1.3219, abs=1e-3)
    assert {d["role"] for d in outcome["debaters"]} == {"helpful", "sneaky"}


def test_bad_judgements_are_400_with_field_messages_and_store_nothing(questions, client_as) -> None:
    debate_create(question=questions[0], protocol=Protocol.BASELINE, debaters=[])
    judge = client_as(Role.RATER)
    pk = judge.post("/api/debates/assignments/next/").json()["id"]
    for body, field in (
        ({"probabilities": [0.7, 0.7]}, "probabilities"),
        ({"probabilities": [1.5, -0.5]}, "probabilities"),
        ({"probabilities": [0.5, 0.3, 0.2]}, "probabilities"),
        ({}, "probabilities"),
    ):
        response = judge.post(f"/api/debates/assignments/{pk}/judgement/", body, format="json")
        assert response.status_code == 400
        assert field in response.json()["fields"]
    skip = judge.post(f"/api/debates/assignments/{pk}/skip/", {"reason": ""}, format="json")
    assert skip.status_code == 400
    assert "reason" in skip.json()["fields"]
    assert Assignment.objects.get().status == "open"


def test_judges_only_reach_their_own_assignments(questions, client_as) -> None:
    debate_create(question=questions[0], protocol=Protocol.BASELINE, debaters=[])
    pk = client_as(Role.RATER).post("/api/debates/assignments/next/").json()["id"]
    other = client_as(Role.RATER)
    assert other.get(f"/api/debates/assignments/{pk}/").status_code == 404
    assert (
        other.post(
            f"/api/debates/assignments/{pk}/judgement/",
            {"probabilities": [0.5, 0.5]},
            format="json",
        ).status_code
        == 404
    )
    assert client_as(Role.RATER).post("/api/debates/assignments/next/").status_code == 200
    assert client_as(Role.RESEARCHER).post("/api/debates/assignments/next/").status_code == 403


def test_researchers_upload_question_files_once(client_as) -> None:
    client = client_as(Role.RESEARCHER)
    content = b'{"question": "Q?", "options": ["a", "b"], "correct": "A"}\n'

    def upload(data: bytes, name: str = "q.jsonl"):
        return client.post(
            "/api/debates/question-sets/",
            {"file": SimpleUploadedFile(name, data), "dataset": "unit"},
            format="multipart",
        )

    first = upload(content)
    assert first.status_code == 201
    assert first.json()["questions"] == 1
    assert upload(content).status_code == 200
    bad = upload(b'{"question": "Q?", "options": ["a"], "correct": 0}\n')
    assert bad.status_code == 400
    assert bad.json()["fields"] == {
        "line 1": ["options: Ensure this field has at least 2 elements."]
    }
    assert QuestionSet.objects.count() == 1
    assert client_as(Role.RATER).get("/api/debates/question-sets/").status_code == 403


def test_researchers_start_debates_and_see_them_whole(
    questions, published_lines, client_as, django_capture_on_commit_callbacks
) -> None:
    client = client_as(Role.RESEARCHER)
    bad = client.post(
        "/api/debates/",
        {"question": questions[0].pk, "protocol": "debate", "debaters": [{}]},
        format="json",
    )
    assert bad.status_code == 400
    assert "debaters" in bad.json()["fields"]
    assert not Debate.objects.exists()
    with django_capture_on_commit_callbacks() as queued:
        created = client.post(
            "/api/debates/",
            {
                "question": questions[0].pk,
                "protocol": "consultancy",
                "debaters": [{"line": "debater", "strategy": "evidence-first"}],
                "rounds": 1,
                "word_limit": 10,
            },
            format="json",
        )
    assert created.status_code == 201, created.content
    assert len(queued) == 1  # the AI turns go to the gpu queue once the debate is stored
    body = created.json()
    assert body["question"]["correct_index"] == 0
    assert body["debaters"][0]["strategy"] == "evidence-first"
    assert client.get(f"/api/debates/{body['id']}/").json()["status"] == "running"


def test_analytics_and_exports_for_researchers(nyu_dir, client_as) -> None:
    nyu_import(directory=nyu_dir, limit=30)
    client = client_as(Role.RESEARCHER)
    # The page reads what the task stored (tests/debates/test_analytics_cache.py runs it on
    # a worker); here it runs in the test's own transaction.
    debate_analytics_compute_task("imported")
    debate_analytics_compute_task(None)
    report = client.get("/api/debates/analytics/?origin=imported").json()
    assert set(report) == {
        "accuracy",
        "configurations",
        "consultancy",
        "calibration",
        "persuasiveness",
        "agreement",
        "computed_at",
        "recomputing",
    }
    assert report["recomputing"] is False
    assert sum(r["n"] for r in report["accuracy"]) == 30
    assert all(0 <= b["accuracy"] <= 1 for c in report["calibration"] for b in c["bins"])
    csv_export = client.get("/api/debates/analytics/export/?table=accuracy&file_format=csv")
    lines = csv_export.content.decode().splitlines()
    assert lines[0].startswith("origin,condition,judge,n,correct,incorrect,accuracy")
    assert len(lines) == 1 + len(report["accuracy"])
    as_json = client.get("/api/debates/analytics/export/?table=calibration&file_format=json")
    assert json.loads(as_json.content)[0]["n"] > 0
    wrong = client.get("/api/debates/analytics/export/?table=nope")
    assert wrong.status_code == 400
    assert "table" in wrong.json()["fields"]


def test_human_debaters_see_their_side_and_speak_in_turn(questions, client_as, make_user) -> None:
    a, b = make_user(Role.RATER), make_user(Role.RATER)
    debate = debate_create(
        question=questions[0],
        protocol=Protocol.DEBATE,
        debaters=[DebaterSpec(user=a), DebaterSpec(user=b)],
        rounds=1,
        word_limit=5,
    )
    judge = client_as(Role.RATER)
    assignment = judge.post("/api/debates/assignments/next/").json()["id"]
    first_seat = debate.debaters.get(slot="A")
    first, second = (a, b) if first_seat.user == a else (b, a)
    client = APIClient()
    client.force_authenticate(first)
    work = {item["kind"]: item for item in client.get("/api/work/").json()["results"]}
    assert work["debate-argue"]["url"] == "/debates/argue"
    [seat] = client.get("/api/debates/seats/").json()["results"]
    assert seat["answer_index"] == first_seat.answer_index
    assert seat["your_turn"] is True
    assert seat["debate"]["question"]["passage"] == questions[0].passage
    too_long = client.post(f"/api/debates/{debate.pk}/turns/", {"text": "a b c d e f"})
    assert too_long.status_code == 400
    assert "5 words" in json.dumps(too_long.json()["fields"])
    said = client.post(
        f"/api/debates/{debate.pk}/turns/", {"text": "<quote>no one else knew how</quote>"}
    )
    assert said.status_code == 201
    assert said.json()["quotes"][0]["verified"] is True
    assert client.get(f"/api/debates/seats/{seat['id']}/").json()["your_turn"] is False

    judge.post(
        f"/api/debates/assignments/{assignment}/judgement/",
        {"probabilities": [0.9, 0.1]},
        format="json",
    )
    other = APIClient()
    other.force_authenticate(second)
    [view] = other.get("/api/debates/seats/").json()["results"]
    assert view["your_turn"] is True
    assert [turn["text"] for turn in view["turns"]] == ["<quote>no one else knew how</quote>"]
    # A debater never learns the judges' verdicts, nor which answer is correct.
    assert not set(_keys(view)) & set(TRUTH_KEYS)
    assert other.get(f"/api/debates/seats/{seat['id']}/").status_code == 404
