"""Question files (JSONL, CSV) and the NYU debate rooms (Michael et al. 2023) into the database.

Both are all-or-nothing: every line is checked before anything is stored, and a file that was
imported before changes nothing.
"""

import csv
import hashlib
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from rest_framework import serializers

from annotation.debates.models import (
    Debate,
    Debater,
    DebateStatus,
    JudgeKind,
    Judgement,
    Origin,
    Protocol,
    Question,
    QuestionSet,
    SpeakingOrder,
    Turn,
    TurnKind,
)
from annotation.debates.quotes import quotes_check
from annotation.debates.scoring import log_score
from signalpool.kinds import SignalKind
from signalpool.services import ImportedSignal, signals_import


class DebateImportError(ValidationError):
    """A file that cannot be imported; `fields` holds messages per line ("line 3": {...}).

    As a ValidationError its messages are lists of strings per line ("line 3": ["options:
    ..."]), what the upload form shows: the API's exception handler answers it as a 400.
    """

    def __init__(self, fields: dict[str, Any]) -> None:
        super().__init__(_messages_per_line(fields))
        self.fields = fields

    def __str__(self) -> str:
        return "; ".join(f"{k}: {v}" for k, v in self.fields.items())


def _messages_per_line(fields: dict[str, Any]) -> dict[str, list[str]]:
    """{"line 3": {"options": [...]}} as {"line 3": ["options: ..."]}."""
    flat: dict[str, list[str]] = {}
    for where, problems in fields.items():
        if isinstance(problems, dict):
            flat[where] = [
                f"{field}: {message}"
                for field, messages in problems.items()
                for message in (messages if isinstance(messages, list) else [messages])
            ]
        else:
            flat[where] = [str(m) for m in (problems if isinstance(problems, list) else [problems])]
    return flat


class QuestionRow(serializers.Serializer):
    key = serializers.CharField(max_length=200, required=False, allow_blank=True)
    question = serializers.CharField(max_length=5000)
    passage = serializers.CharField(required=False, allow_blank=True, max_length=200000)
    passage_title = serializers.CharField(required=False, allow_blank=True, max_length=300)
    options = serializers.ListField(
        child=serializers.CharField(max_length=2000), min_length=2, max_length=8
    )
    correct = serializers.CharField(max_length=8, help_text="Index from 0, or a letter A, B, ...")
    tags = serializers.ListField(
        child=serializers.CharField(max_length=64), required=False, default=list
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        raw = attrs["correct"].strip()
        if raw.isdigit():
            index = int(raw)
        elif len(raw) == 1 and raw.isalpha():
            index = ord(raw.upper()) - ord("A")
        else:
            raise serializers.ValidationError({"correct": ["Give an index from 0 or a letter."]})
        if not 0 <= index < len(attrs["options"]):
            raise serializers.ValidationError(
                {"correct": [f"No option {raw!r}: there are {len(attrs['options'])} options."]}
            )
        attrs["correct_index"] = index
        return attrs


def _rows_jsonl(text: str) -> list[tuple[int, Any]]:
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rows.append((number, json.loads(line)))
        except json.JSONDecodeError as exc:
            rows.append((number, exc))
    return rows


def _rows_csv(text: str) -> list[tuple[int, Any]]:
    """CSV columns: key, question, passage, option_a, option_b, ..., correct, tags (a;b)."""
    reader = csv.DictReader(io.StringIO(text))
    rows = []
    try:
        # Each row with the line it ends on (the header is line 1).
        records = [(row, reader.line_num) for row in reader]
    except csv.Error as exc:  # e.g. a field over IMPORT_FIELD_MAX_CHARS
        raise DebateImportError({f"line {reader.line_num}": [f"Not valid CSV: {exc}."]}) from exc
    for row, line in records:
        options = [
            (row.get(f"option_{chr(c)}") or "").strip()
            for c in range(ord("a"), ord("i"))
            if (row.get(f"option_{chr(c)}") or "").strip()
        ]
        tags = [t.strip() for t in (row.get("tags") or "").split(";") if t.strip()]
        item = {k: v for k, v in row.items() if k and not k.startswith("option_") and v}
        item.update(options=options, tags=tags)
        rows.append((line, item))
    return rows


@transaction.atomic
def question_set_import(
    *,
    content: bytes,
    file_format: str,
    name: str,
    source: str,
    split: str = "",
    user: User | None = None,
) -> tuple[QuestionSet, bool]:
    """Import a JSONL or CSV question file as one set; returns (set, created)."""
    digest = hashlib.sha256(content).hexdigest()
    existing = QuestionSet.objects.filter(content_hash=digest).first()
    if existing is not None:
        return existing, False
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DebateImportError({"file": ["The file is not UTF-8 text."]}) from exc
    if file_format not in {"jsonl", "csv"}:
        raise DebateImportError({"format": ["Use jsonl or csv."]})
    rows = _rows_jsonl(text) if file_format == "jsonl" else _rows_csv(text)
    if not rows:
        raise DebateImportError({"file": ["The file holds no questions."]})
    errors: dict[str, Any] = {}
    valid: list[tuple[int, dict[str, Any]]] = []
    for number, row in rows:
        if isinstance(row, Exception) or not isinstance(row, dict):
            errors[f"line {number}"] = ["Not a JSON object."]
            continue
        checked = QuestionRow(data=row)
        if checked.is_valid():
            valid.append((number, dict(checked.validated_data)))
        else:
            errors[f"line {number}"] = checked.errors
    keys = [data.get("key") or f"line-{number}" for number, data in valid]
    for (number, _), key in zip(valid, keys, strict=True):
        if keys.count(key) > 1:
            errors[f"line {number}"] = {"key": [f"The key {key!r} appears more than once."]}
    if errors:
        raise DebateImportError(errors)
    question_set = QuestionSet.objects.create(
        name=name, source=source, split=split, content_hash=digest, created_by=user
    )
    Question.objects.bulk_create(
        Question(
            question_set=question_set,
            key=key,
            text=data["question"],
            passage=data.get("passage", ""),
            passage_title=data.get("passage_title", ""),
            options=data["options"],
            correct_index=data["correct_index"],
            source=source,
            split=split,
            tags=data.get("tags", []),
        )
        for (_, data), key in zip(valid, keys, strict=True)
    )
    return question_set, True


NYU_FILE = "transcripts_included.jsonl"
NYU_SOURCE = "nyu_debate"


@dataclass(frozen=True)
class NyuImportReport:
    created: int
    skipped: int


def _nyu_check(rooms: list[tuple[int, Any]]) -> None:
    errors: dict[str, Any] = {}
    for number, room in rooms:
        if not isinstance(room, dict):
            errors[f"line {number}"] = ["Not a JSON object."]
            continue
        missing = [
            f
            for f in ("name", "condition", "question", "answers", "correctAnswerIndex", "turns")
            if f not in room
        ]
        if missing:
            errors[f"line {number}"] = [f"Missing {', '.join(missing)}."]
        elif room["condition"] not in {
            "AI Debate",
            "AI Consultancy",
            "Human Debate",
            "Human Consultancy",
        }:
            errors[f"line {number}"] = [f"Unknown condition {room['condition']!r}."]
    if errors:
        raise DebateImportError(errors)


@transaction.atomic
def nyu_import(*, directory: Path, limit: int | None = None, gold: bool = False) -> NyuImportReport:
    """Import the NYU rooms in `directory`/transcripts_included.jsonl as human-judged debates.

    Rooms already imported (by name) are skipped, so running it again imports nothing twice;
    `limit` imports only the first rooms of the file (demo content). With `gold` the file's
    rooms, new or already here, become gold debates (their correct answer is in the file).
    """
    path = directory / NYU_FILE
    if not path.is_file():
        raise DebateImportError({"directory": [f"{path} does not exist."]})
    content = path.read_bytes()
    rooms = _rows_jsonl(content.decode("utf-8"))
    _nyu_check(rooms)
    picked = [room for _, room in rooms][:limit]
    done = set(
        Debate.objects.filter(
            external_name__in=[f"nyu:{room['name']}" for room in picked]
        ).values_list("external_name", flat=True)
    )
    todo = [room for room in picked if f"nyu:{room['name']}" not in done]
    if todo:
        question_set, _ = QuestionSet.objects.get_or_create(
            content_hash=hashlib.sha256(content).hexdigest(),
            defaults={"name": "NYU debate (Michael et al. 2023)", "source": NYU_SOURCE},
        )
        for room in todo:
            _nyu_room_import(room, question_set)
    if gold:
        Debate.objects.filter(external_name__in=[f"nyu:{room['name']}" for room in picked]).update(
            gold=True
        )
    # Also for rooms imported before the pool took imported signals; keys make it idempotent.
    _nyu_signals_record([f"nyu:{room['name']}" for room in picked])
    return NyuImportReport(created=len(todo), skipped=len(picked) - len(todo))


def _nyu_signals_record(debate_names: list[str]) -> None:
    """Each NYU judge's final verdict enters the signal pool as an imported judgement, under
    the judge's pseudonym in the NYU data."""
    judgements = Judgement.objects.filter(
        debate__external_name__in=debate_names, kind=JudgeKind.HUMAN
    ).select_related("debate")
    signals_import(
        dataset=NYU_SOURCE,
        signals=[
            ImportedSignal(
                annotator=judgement.external_name,
                kind=SignalKind.JUDGEMENT,
                item_type="debates.debate",
                item_id=judgement.debate_id,
                payload={"probabilities": judgement.probabilities, "rationale": ""},
                idempotency_key=(
                    f"{judgement.debate.external_name}:{'live' if judgement.live else 'offline'}"
                ),
            )
            for judgement in judgements.order_by("id")
            if judgement.external_name
        ],
    )


def _nyu_question(room: dict[str, Any], question_set: QuestionSet) -> Question:
    # The same question appears in several rooms, sometimes with its answers in another order.
    key = hashlib.sha256(
        json.dumps([room.get("story_id"), room["question"], room["answers"]]).encode()
    ).hexdigest()[:32]
    found = Question.objects.filter(source=NYU_SOURCE, key=key).first()
    if found is not None:
        return found
    return Question.objects.create(
        question_set=question_set,
        key=key,
        text=room["question"],
        passage_title=room.get("story_title", ""),
        options=room["answers"],
        correct_index=room["correctAnswerIndex"],
        source=NYU_SOURCE,
        tags=["QuALITY", f"story:{room.get('story_id', '')}"],
    )


def _nyu_room_import(room: dict[str, Any], question_set: QuestionSet) -> None:
    condition: str = room["condition"]
    question = _nyu_question(room, question_set)
    is_debate = room["setting"]["isDebate"]
    debate = Debate.objects.create(
        question=question,
        protocol=Protocol.DEBATE if is_debate else Protocol.CONSULTANCY,
        rounds=0,
        max_rounds=0,
        interactive=True,
        word_limit=0,
        speaking_order=SpeakingOrder.SEQUENTIAL,
        origin=Origin.IMPORTED,
        condition=condition,
        external_name=f"nyu:{room['name']}",
        status=DebateStatus.READY,
    )
    roles: dict[str, str] = room["roles"]
    # "Debater A" argues answer 0 and "Debater B" answer 1 in every room.
    debaters = {
        index: Debater.objects.create(
            debate=debate, slot="AB"[index], answer_index=index, external_name=roles[role]
        )
        for index, role in enumerate(("Debater A", "Debater B"))
        if role in roles
    }
    turns: list[Turn] = []
    round_, spoken = 0, set[int]()
    for turn in room["turns"]:
        if turn["round"] == "JudgeFeedback":
            if spoken:
                round_, spoken = round_ + 1, set()
            turns.append(
                Turn(
                    debate=debate,
                    position=len(turns),
                    round=round_,
                    kind=TurnKind.JUDGE,
                    speaker_name=turn.get("speaker", ""),
                    text=turn.get("text", ""),
                    probabilities=turn.get("distribution"),
                )
            )
        elif turn.get("debater_index") in debaters:
            index = turn["debater_index"]
            if index in spoken:
                round_, spoken = round_ + 1, set()
            spoken.add(index)
            turns.append(
                Turn(
                    debate=debate,
                    position=len(turns),
                    round=round_,
                    kind=TurnKind.SPEECH,
                    debater=debaters[index],
                    speaker_name=turn.get("speaker", ""),
                    text=turn.get("text", ""),
                    # The story text was dropped from this copy, so quotes stay unchecked.
                    quotes=quotes_check(turn.get("text", ""), passage=""),
                )
            )
    Turn.objects.bulk_create(turns)
    debate.rounds = debate.max_rounds = round_ + 1
    debate.save(update_fields=["rounds", "max_rounds"])
    correct = room["correctAnswerIndex"]
    judgements = []
    if room.get("judgingInfo"):
        final = room["judgingInfo"]["finalJudgement"]
        judgements.append(
            _imported_judgement(debate, roles.get("Judge", "live judge"), final, correct, True)
        )
    for name, result in (room.get("offlineJudgingResults") or {}).items():
        if result.get("judgments"):
            final = result["judgments"][-1]["distribution"]
            judgements.append(_imported_judgement(debate, name, final, correct, False))
    Judgement.objects.bulk_create(judgements)


def _imported_judgement(
    debate: Debate, name: str, probabilities: list[float], correct: int, live: bool
) -> Judgement:
    return Judgement(
        debate=debate,
        kind=JudgeKind.HUMAN,
        external_name=name,
        live=live,
        probabilities=probabilities,
        rounds_seen=debate.rounds,
        correct=probabilities[correct] > 0.5,
        score=log_score(probabilities, correct),
    )
