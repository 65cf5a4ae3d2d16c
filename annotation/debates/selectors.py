"""Reads: what a judge may see, and the analytics tables built from stored judgements."""

from datetime import datetime
from typing import Any

from django.contrib.auth.models import User
from django.db.models import Count, F, Max, Prefetch, Q, QuerySet
from django.utils import timezone

from annotation.debates import analytics
from annotation.debates.models import (
    ASSIGNMENT_TTL,
    Assignment,
    AssignmentStatus,
    Debate,
    Debater,
    JudgeKind,
    Judgement,
    Origin,
    Protocol,
    SpeakingOrder,
    Turn,
    TurnKind,
)
from annotation.results_cache import cached_read


def assignments_of(*, user: User) -> QuerySet[Assignment]:
    return Assignment.objects.filter(judge=user).select_related("debate__question")


def assignments_shown_to(*, user: User) -> QuerySet[Assignment]:
    """The judge's assignments with what the judge's view of them reads (debaters, turns with
    their debaters, judgements) prefetched: a fixed number of queries for a page of them."""
    return assignments_of(user=user).prefetch_related(
        "debate__debaters",
        Prefetch("debate__turns", queryset=Turn.objects.select_related("debater", "model_version")),
        "debate__judgements",
    )


def open_cutoff() -> datetime:
    """Open assignments made before this have expired."""
    return timezone.now() - ASSIGNMENT_TTL


def holds_a_place(prefix: str = "") -> Q:
    """Assignments that count towards a debate's k judges: committed, or open and unexpired."""
    return Q(**{f"{prefix}status": AssignmentStatus.COMMITTED}) | Q(
        **{f"{prefix}status": AssignmentStatus.OPEN, f"{prefix}created_at__gte": open_cutoff()}
    )


def debates_open_to(*, user: User) -> QuerySet[Debate]:
    """Debates `user` may be assigned now: not full, question neither judged nor argued by them
    (a debater read the passage, which judges must not have)."""
    seen = Assignment.objects.filter(judge=user).values("question_id")
    argued = Debater.objects.filter(user=user).values("debate__question_id")
    return (
        Debate.objects.exclude(question_id__in=seen)
        .exclude(question_id__in=argued)
        .annotate(taken=Count("assignments", filter=holds_a_place("assignments__"), distinct=True))
        .filter(taken__lt=F("judges_wanted"))
        .order_by("created_at", "pk")
    )


def turns_visible(*, assignment: Assignment) -> list[Turn]:
    """Speeches for everyone; imported judges' own feedback (their beliefs) only after commit.

    In position order (Turn's ordering), from the turns assignments_shown_to prefetches.
    """
    turns = list(assignment.debate.turns.all())
    if assignment.status != AssignmentStatus.COMMITTED:
        turns = [turn for turn in turns if turn.kind == TurnKind.SPEECH]
    return turns


def speaker_next(*, debate: Debate) -> tuple[int, Debater] | None:
    """The (round, debater) whose speech comes next, or None when all rounds are written."""
    written = set(
        Turn.objects.filter(debate=debate, kind=TurnKind.SPEECH).values_list("round", "debater_id")
    )
    for round_ in range(debate.rounds):
        for debater in debate.debaters.select_related("model_version__line").order_by("slot"):
            if (round_, debater.pk) not in written:
                return round_, debater
    return None


def seats_of(*, user: User) -> QuerySet[Debater]:
    """The debates `user` argues in as a human debater."""
    return Debater.objects.filter(user=user).select_related("debate__question")


def turns_visible_to_debater(*, debater: Debater) -> QuerySet[Turn]:
    """Speeches only: judges' beliefs never reach a debater. Speaking simultaneously, the
    opponent's speech of a round shows once the debater's own speech of that round is in."""
    turns = debater.debate.turns.filter(kind=TurnKind.SPEECH).select_related(
        "debater", "model_version"
    )
    if debater.debate.speaking_order == SpeakingOrder.SIMULTANEOUS:
        own_rounds = debater.debate.turns.filter(debater=debater).values("round")
        turns = turns.filter(Q(debater=debater) | Q(round__in=own_rounds))
    return turns.order_by("position")


def debate_visible_to(user: Any, key: str) -> bool:
    """Who may watch a debate's live transcript; its events never carry the truth."""
    if not key.isdigit():
        return False
    if user.has_perm("debates.view_debate_analytics"):
        return Debate.objects.filter(pk=int(key)).exists()
    return (
        Assignment.objects.filter(debate_id=int(key), judge=user).exists()
        or Debater.objects.filter(debate_id=int(key), user=user).exists()
    )


def _condition(debate: Debate, debaters: list[Debater]) -> str:
    if debate.origin == Origin.IMPORTED:
        return debate.condition
    if debate.protocol == Protocol.BASELINE:
        return "Baseline"
    kind = "AI" if all(d.is_ai for d in debaters) else "Human"
    return f"{kind} {Protocol(debate.protocol).label}"


def _identity(debater: Debater) -> str:
    if debater.external_name:
        return debater.external_name
    if debater.user is not None:
        return f"user:{debater.user.username}"
    return debater.label


def judgement_records(*, origin: str | None = None, live_only: bool = True) -> list[dict[str, Any]]:
    """One flat record per judgement, with the configuration it was made under."""
    judgements = Judgement.objects.select_related(
        "debate__question", "model_version__line"
    ).prefetch_related("debate__debaters__model_version__line", "debate__debaters__user")
    if origin:
        judgements = judgements.filter(debate__origin=origin)
    if live_only:
        judgements = judgements.filter(live=True)
    records = []
    for judgement in judgements.order_by("pk"):
        debate = judgement.debate
        debaters = list(debate.debaters.all())
        correct_index = debate.question.correct_index
        helpful = [d.label for d in debaters if d.answer_index == correct_index]
        sneaky = [d.label for d in debaters if d.answer_index != correct_index]
        version = judgement.model_version
        records.append(
            {
                "debate": debate.pk,
                "origin": debate.origin,
                "condition": _condition(debate, debaters),
                "protocol": debate.protocol,
                "judge_kind": judgement.kind,
                "judge": (
                    f"{version.line.slug} v{version.number}"
                    if judgement.kind == JudgeKind.AI and version is not None
                    else "human"
                ),
                "helpful": helpful[0] if helpful else "-",
                "sneaky": sneaky[0] if sneaky else "-",
                "consultant": (
                    ("honest" if helpful else "dishonest")
                    if debate.protocol == Protocol.CONSULTANCY
                    else "-"
                ),
                "correct": judgement.correct,
                "correct_index": correct_index,
                "probabilities": judgement.probabilities,
                "debaters": [
                    {"identity": _identity(d), "answer_index": d.answer_index} for d in debaters
                ],
            }
        )
    return records


TABLES = ("accuracy", "configurations", "consultancy", "calibration", "persuasiveness", "agreement")


def analytics_report(*, origin: str | None = None) -> dict[str, Any]:
    """Every analytics table, for the researcher page, the API and its exports."""
    records = judgement_records(origin=origin)
    calibration = []
    for key in sorted({(r["origin"], r["judge"]) for r in records}):
        subset = [r for r in records if (r["origin"], r["judge"]) == key]
        calibration.append({"origin": key[0], "judge": key[1], **analytics.calibration(subset)})
    return {
        "accuracy": analytics.accuracy_table(records, by=["origin", "condition", "judge"]),
        "configurations": analytics.accuracy_table(
            records, by=["origin", "protocol", "helpful", "sneaky", "judge"]
        ),
        "consultancy": analytics.accuracy_table(
            [r for r in records if r["protocol"] == Protocol.CONSULTANCY],
            by=["origin", "condition", "consultant"],
        ),
        "calibration": calibration,
        "persuasiveness": analytics.persuasiveness(records),
        "agreement": analytics.agreement(records),
    }


def analytics_version(*, origin: str | None = None) -> str:
    """Changes whenever a judgement that the report reads is added or changes liveness; the
    newest time keeps a new database, whose ids start again, from matching a stored result."""
    judgements = Judgement.objects.all()
    if origin:
        judgements = judgements.filter(debate__origin=origin)
    figures = judgements.aggregate(
        n=Count("pk"), last=Max("pk"), live=Count("pk", Q(live=True)), at=Max("created_at")
    )
    return f"{figures['n']}:{figures['last']}:{figures['live']}:{figures['at']}"


def analytics_key(origin: str | None) -> str:
    return f"analytics:debates:{origin or 'all'}"


def analytics_cached(*, origin: str | None = None) -> dict[str, Any]:
    """The report as last computed by debate_analytics_compute_task, queued when stale, with
    `computed_at` and `recomputing`; every table is empty until the first result is stored."""
    from annotation.debates.tasks import debate_analytics_compute_task

    cached = cached_read(
        key=analytics_key(origin),
        version=analytics_version(origin=origin),
        enqueue=lambda: debate_analytics_compute_task.delay(origin),
    )
    report = cached["result"] or {table: [] for table in TABLES}
    return {**report, "computed_at": cached["computed_at"], "recomputing": cached["recomputing"]}


def table_rows(report: dict[str, Any], table: str) -> list[dict[str, Any]]:
    """A table's rows flattened for CSV (the reliability bins stay in the JSON export)."""
    if table == "calibration":
        return [{k: v for k, v in row.items() if k != "bins"} for row in report[table]]
    rows: list[dict[str, Any]] = report[table]
    return rows
