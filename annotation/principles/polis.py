"""Import of Polis conversation exports (comments.csv, votes.csv, participants-votes.csv).

Re-importing the same folder updates rows in place, so the import is idempotent.
"""

import csv
import datetime as dt
import tempfile
from pathlib import Path

import numpy as np
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from annotation.principles.models import (
    PolisComment,
    PolisConversation,
    PolisParticipant,
    PolisVote,
)
from audit.models import AuditAction
from audit.services import audit_record
from signalpool.kinds import SignalKind
from signalpool.services import ImportedSignal, signals_import

REQUIRED = ("comments.csv", "votes.csv", "participants-votes.csv")


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _summary(path: Path) -> dict[str, str]:
    if not path.is_file():
        return {}
    with path.open(newline="", encoding="utf-8") as handle:
        return {row[0]: row[1] for row in csv.reader(handle) if len(row) >= 2}


@transaction.atomic
def polis_import(
    *, directory: Path, slug: str = "", actor: User | None = None
) -> PolisConversation:
    """Load one export folder; each participant keeps only their latest vote per comment."""
    missing = [name for name in REQUIRED if not (directory / name).is_file()]
    if missing:
        raise ValidationError(
            {"directory": f"{directory} is not a Polis export: missing {', '.join(missing)}."}
        )
    summary = _summary(directory / "summary.csv")
    try:
        comments = _rows(directory / "comments.csv")
        votes = sorted(_rows(directory / "votes.csv"), key=lambda r: int(r["timestamp"]))
        participants = _rows(directory / "participants-votes.csv")
        conversation, _ = PolisConversation.objects.update_or_create(
            slug=slug or slugify(directory.name),
            defaults={
                "topic": summary.get("topic", ""),
                "description": summary.get("conversation-description", ""),
                "url": summary.get("url", ""),
            },
        )
        comment_rows = {
            int(r["comment-id"]): PolisComment(
                conversation=conversation,
                polis_id=int(r["comment-id"]),
                text=r["comment-body"],
                author_polis_id=int(r["author-id"]),
                moderated=int(r["moderated"]),
            )
            for r in comments
        }
        groups = {
            int(r["participant"]): (int(r["group-id"]) if r["group-id"] != "" else None)
            for r in participants
        }
        latest: dict[tuple[int, int], tuple[int, int]] = {}
        for r in votes:
            latest[(int(r["voter-id"]), int(r["comment-id"]))] = (
                int(r["vote"]),
                int(r["timestamp"]),
            )
    except (KeyError, ValueError) as exc:
        raise ValidationError(
            {"directory": f"Unreadable Polis export in {directory}: {exc}"}
        ) from exc
    voters = {voter for voter, _ in latest} | set(groups)

    PolisComment.objects.bulk_create(
        comment_rows.values(),
        update_conflicts=True,
        unique_fields=["conversation", "polis_id"],
        update_fields=["text", "author_polis_id", "moderated"],
    )
    PolisParticipant.objects.bulk_create(
        [
            PolisParticipant(conversation=conversation, polis_id=p, polis_group=groups.get(p))
            for p in sorted(voters)
        ],
        update_conflicts=True,
        unique_fields=["conversation", "polis_id"],
        update_fields=["polis_group"],
    )
    comment_pk = dict(conversation.comments.values_list("polis_id", "pk"))
    participant_pk = dict(conversation.participants.values_list("polis_id", "pk"))
    PolisVote.objects.bulk_create(
        [
            PolisVote(
                participant_id=participant_pk[voter],
                comment_id=comment_pk[comment],
                value=value,
                voted_at=dt.datetime.fromtimestamp(stamp / 1000, tz=dt.UTC),
            )
            for (voter, comment), (value, stamp) in latest.items()
            if comment in comment_pk
        ],
        update_conflicts=True,
        unique_fields=["participant", "comment"],
        update_fields=["value", "voted_at"],
        batch_size=2000,
    )
    _polis_signals_record(conversation, latest, comment_pk)
    audit_record(
        action=AuditAction.POLIS_IMPORT,
        actor=actor,
        target=conversation,
        object_id=conversation.slug,
        summary=f"Polis conversation {conversation.slug} imported: {len(comment_rows)} comments, "
        f"{len(voters)} participants, {len(latest)} votes",
        details={"comments": len(comment_rows), "participants": len(voters), "votes": len(latest)},
    )
    return conversation


def polis_import_upload(
    *, files: dict[str, bytes], slug: str, actor: User | None = None
) -> PolisConversation:
    """An export uploaded file by file (keyed by its Polis file name), imported as a folder.

    The files only live for the import: the conversation's rows are what is kept.
    """
    with tempfile.TemporaryDirectory(prefix="polis-") as temporary:
        folder = Path(temporary) / slug
        folder.mkdir()
        for name, content in files.items():
            (folder / name).write_bytes(content)
        try:
            return polis_import(directory=folder, slug=slug, actor=actor)
        except ValidationError as exc:
            # The message would name the temporary folder; the person knows the files.
            messages = " ".join(exc.messages).replace(str(folder), "the uploaded files")
            raise ValidationError({"files": messages}) from exc


POLIS_DATASET = "polis"
POLIS_CHOICES = {1: "agree", -1: "disagree", 0: "pass"}


def _polis_signals_record(
    conversation: PolisConversation,
    latest: dict[tuple[int, int], tuple[int, int]],
    comment_pk: dict[int, int],
) -> None:
    """Each participant's latest vote enters the signal pool as an imported vote.

    Polis participant ids are numbers within one conversation, so the pseudonym is
    "<conversation>/<participant id>". The vote's timestamp is in the key: a later vote in a
    newer export is a new signal, and importing the same export again adds nothing.
    """
    signals_import(
        dataset=POLIS_DATASET,
        signals=[
            ImportedSignal(
                annotator=f"{conversation.slug}/{voter}",
                kind=SignalKind.VOTE,
                item_type="principles.poliscomment",
                item_id=comment_pk[comment],
                payload={"choice": POLIS_CHOICES[value]},
                idempotency_key=f"{conversation.slug}:comment:{comment}:{stamp}",
            )
            for (voter, comment), (value, stamp) in sorted(latest.items())
            if comment in comment_pk and value in POLIS_CHOICES
        ],
    )


def polis_matrix(*, conversation: PolisConversation) -> tuple[list[int], list[int], np.ndarray]:
    """(participant Polis ids, comment Polis ids, votes matrix P x C) without hidden comments."""
    comments = sorted(
        conversation.comments.filter(moderated__gte=0).values_list("polis_id", flat=True)
    )
    participants = sorted(conversation.participants.values_list("polis_id", flat=True))
    column = {c: i for i, c in enumerate(comments)}
    row = {p: i for i, p in enumerate(participants)}
    matrix = np.full((len(participants), len(comments)), np.nan)
    votes = PolisVote.objects.filter(participant__conversation=conversation).values_list(
        "participant__polis_id", "comment__polis_id", "value"
    )
    for participant, comment, value in votes:
        if comment in column:
            matrix[row[participant], column[comment]] = value
    return participants, comments, matrix
