"""Reads: the constitution in force, what a participant may see of a round, and analyses."""

from collections import Counter, defaultdict
from collections.abc import Collection, Mapping
from typing import Any

from django.contrib.auth.models import User
from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce

from annotation.principles.models import (
    Audience,
    AuditEntry,
    Choice,
    Comment,
    ConstitutionVersion,
    PolisConversation,
    Principle,
    Proposal,
    RoundStatus,
    Vote,
    VotingRound,
)

_CONSTITUTION_KEY = "principles:constitution-current"
_CONSTITUTION_TTL_S = 3600
_MISSING = object()


def constitution_current_number() -> int | None:
    """The number of the constitution version in force, for recording on every signal.

    Read on every signal, changed only by an enactment: cached, kept right by
    `constitution_changed`. A miss fills the cache with `add`, never `set`, so a request that
    read the old number just before an enactment committed cannot overwrite the new one.
    """
    connection = transaction.get_connection()
    changing = getattr(connection, "constitution_changing", False)
    number = _MISSING if changing else cache.get(_CONSTITUTION_KEY, _MISSING)
    if number is _MISSING:
        number = (
            ConstitutionVersion.objects.filter(is_current=True)
            .values_list("number", flat=True)
            .first()
        )
        if not changing:
            cache.add(_CONSTITUTION_KEY, number, _CONSTITUTION_TTL_S)
    assert number is None or isinstance(number, int)
    return number


def constitution_changed(sender: Any, instance: ConstitutionVersion, **kwargs: Any) -> None:
    """post_save of a version: the cached number is dropped now and replaced at the commit.

    Until then this connection reads the table (its transaction sees the new version, others
    must not), and if the transaction rolls back the cache was never given the new number (the
    connection then keeps reading the table until the next enactment commits: slower, not wrong).
    """
    if not instance.is_current:
        return
    connection = transaction.get_connection()
    connection.constitution_changing = True
    cache.delete(_CONSTITUTION_KEY)

    def committed() -> None:
        connection.constitution_changing = False
        cache.set(_CONSTITUTION_KEY, instance.number, _CONSTITUTION_TTL_S)

    transaction.on_commit(committed)


def constitution_cache_clear() -> None:
    """For tests, whose rolled-back transactions never commit an enactment."""
    transaction.get_connection().constitution_changing = False
    cache.delete(_CONSTITUTION_KEY)


def constitution_for_ai() -> list[str]:
    """The current principles that bind AI (for AI, and shared), as the loop's judge reads them."""
    return [
        f"{title}: {text}"
        for title, text in Principle.objects.filter(
            version__is_current=True, audience__in=[Audience.AI, Audience.SHARED]
        )
        .order_by("position", "key")
        .values_list("title", "text")
    ]


def versions_list() -> QuerySet[ConstitutionVersion]:
    return ConstitutionVersion.objects.order_by("-number")


def principles_of(version: ConstitutionVersion) -> QuerySet[Principle]:
    return version.principles.order_by("position", "key")


def version_diff(*, version: ConstitutionVersion, against: ConstitutionVersion) -> list[dict]:
    """Per principle key: added, removed, changed or unchanged from `against` to `version`."""
    before = {p.key: p for p in principles_of(against)}
    after = {p.key: p for p in principles_of(version)}
    rows = []
    for key in list(before) + [k for k in after if k not in before]:
        old, new = before.get(key), after.get(key)
        if old is None:
            change = "added"
        elif new is None:
            change = "removed"
        elif (old.title, old.text, old.audience) != (new.title, new.text, new.audience):
            change = "changed"
        else:
            change = "unchanged"
        rows.append({"key": key, "change": change, "before": old, "after": new})
    return rows


def version_changelog(*, version: ConstitutionVersion) -> list[dict[str, Any]]:
    """The proposals that made this version, with the vote statistics behind each."""
    voting_round = version.round
    if voting_round is None:
        return []
    stats = voting_round.outcome.get("proposals", {})
    rows = []
    for proposal in voting_round.proposals.order_by("pk"):
        entry = stats.get(str(proposal.pk), {})
        if entry.get("passed"):
            rows.append({"proposal": proposal, "stats": entry})
    return rows


def rounds_list() -> QuerySet[VotingRound]:
    return VotingRound.objects.select_related("base_version", "enacted_version").order_by(
        "-opens_at", "-pk"
    )


def proposals_of(voting_round: VotingRound) -> QuerySet[Proposal]:
    return voting_round.proposals.select_related("author_user", "author_model__line").order_by("pk")


def votes_of_user(*, user: User, voting_round: VotingRound) -> dict[int, str]:
    return dict(
        Vote.objects.filter(proposal__round=voting_round, voter_user=user).values_list(
            "proposal_id", "choice"
        )
    )


def user_has_voted(*, user: Any, proposal_id: int) -> bool:
    return Vote.objects.filter(proposal_id=proposal_id, voter_user_id=user.pk).exists()


def tally_visible(*, voting_round: VotingRound, voted: bool) -> bool:
    """Nobody sees a proposal's tally, comments or others' votes before voting on it."""
    return voting_round.status == RoundStatus.CLOSED or voted


def may_see_tally(*, user: User, proposal: Proposal) -> bool:
    return tally_visible(
        voting_round=proposal.round, voted=user_has_voted(user=user, proposal_id=proposal.pk)
    )


def proposal_tallies(*, proposal_ids: Collection[int]) -> dict[int, dict[str, Any]]:
    """Each proposal's tally, in one query: human and AI counts kept apart, since AI votes are
    shown but never count toward enactment."""
    counts: dict[int, dict[str, Counter[str]]] = {
        pk: {"human": Counter(), "ai": Counter()} for pk in proposal_ids
    }
    rows = (
        Vote.objects.filter(proposal_id__in=proposal_ids)
        .values_list("proposal_id", "choice", "voter_user_id")
        .order_by()
    )
    for proposal_id, choice, by_person in rows:
        counts[proposal_id]["human" if by_person is not None else "ai"][choice] += 1
    return {
        pk: {voters: {c.value: tally[c.value] for c in Choice} for voters, tally in kinds.items()}
        for pk, kinds in counts.items()
    }


def proposal_tally(*, proposal_id: int) -> dict[str, Any]:
    return proposal_tallies(proposal_ids=[proposal_id])[proposal_id]


def comments_of(*, proposal: Proposal) -> QuerySet[Comment]:
    return proposal.comments.select_related("author").order_by("created_at", "pk")


def round_group_authorizer(user: Any, key: str) -> bool:
    """Live tallies ("round:<round>.<proposal>") go only to those who voted on the proposal."""
    round_id, _, proposal_id = key.partition(".")
    if not (round_id.isdigit() and proposal_id.isdigit()):
        return False
    return Vote.objects.filter(
        proposal_id=int(proposal_id), proposal__round_id=int(round_id), voter_user_id=user.pk
    ).exists()


def round_participation(*, voting_round: VotingRound) -> dict[str, Any]:
    """Human voters, and counts by background for those whose profile shares it."""
    from accounts.models import RaterProfile

    voters = set(
        Vote.objects.filter(proposal__round=voting_round, voter_user__isnull=False).values_list(
            "voter_user_id", flat=True
        )
    )
    ai_voters = (
        Vote.objects.filter(proposal__round=voting_round, voter_model__isnull=False)
        .values("voter_model_id")
        .distinct()
        .count()
    )
    by: dict[str, Counter[str]] = defaultdict(Counter)
    profiles = RaterProfile.objects.filter(user_id__in=voters, consent_given=True)
    for profile in profiles:
        by["region"][profile.region or "unspecified"] += 1
        by["age_band"][profile.age_band or "unspecified"] += 1
        by["expertise"][profile.expertise or "unspecified"] += 1
        for language in profile.languages or ["unspecified"]:
            by["languages"][language] += 1
    return {
        "human_voters": len(voters),
        "ai_voters": ai_voters,
        "with_profile": profiles.count(),
        "by_background": {field: dict(counts) for field, counts in by.items()},
    }


# Rater backgrounds stable across rounds, unlike opinion groups, which are re-clustered from
# each round's own votes; so only background groups can be followed as lines over rounds.
TRACKED_BACKGROUNDS = ("region", "expertise")


def principle_tracking() -> list[dict[str, Any]]:
    """Per principle key, its support in each closed round that had a proposal about it.

    Each point carries that round's opinion groups (with their sizes) and, for voters whose
    profile shares it, agreement by region and by expertise.
    """
    from accounts.models import RaterProfile

    series: dict[str, list[dict[str, Any]]] = defaultdict(list)
    closed = VotingRound.objects.filter(status=RoundStatus.CLOSED).order_by("closed_at", "pk")
    for voting_round in closed:
        stats = voting_round.outcome.get("proposals", {})
        placed = voting_round.outcome.get("groups", {}).get("voters", [])
        group_of = {v["user"]: v["group"] for v in placed if v["group"] is not None}
        human_votes = list(
            Vote.objects.filter(proposal__round=voting_round, voter_user__isnull=False).values_list(
                "proposal_id", "voter_user_id", "choice"
            )
        )
        profiles = list(
            RaterProfile.objects.filter(
                user_id__in={user for _, user, _ in human_votes}, consent_given=True
            )
        )
        background_of = {
            field: {p.user_id: getattr(p, field) or "unspecified" for p in profiles}
            for field in TRACKED_BACKGROUNDS
        }
        for proposal in voting_round.proposals.order_by("pk"):
            entry = stats.get(str(proposal.pk))
            if not entry:
                continue
            choices = [(user, choice) for pid, user, choice in human_votes if pid == proposal.pk]
            series[proposal.principle_key].append(
                {
                    "round": voting_round.pk,
                    "round_title": voting_round.title,
                    "closed_at": voting_round.closed_at,
                    "proposal": proposal.pk,
                    "action": proposal.action,
                    "agreement": entry["agreement"],
                    "min_group_agreement": entry["min_group_agreement"],
                    "group_agreement": entry["group_agreement"],
                    "groups": _agreement_by(choices, group_of),
                    "backgrounds": {
                        field: _agreement_by(choices, background_of[field])
                        for field in TRACKED_BACKGROUNDS
                    },
                    "passed": entry["passed"],
                }
            )
    return [{"key": key, "points": points} for key, points in sorted(series.items())]


def _agreement_by(
    choices: list[tuple[int, str]], group_of: Mapping[int, Any]
) -> list[dict[str, Any]]:
    """Human votes on one proposal split by group: voters, agrees and agreement share per group.

    Voters without a group (left out of the clustering, or sharing no profile) are skipped.
    """
    votes: Counter[str] = Counter()
    agrees: Counter[str] = Counter()
    for user, choice in choices:
        group = group_of.get(user)
        if group is None:
            continue
        votes[str(group)] += 1
        agrees[str(group)] += choice == Choice.AGREE
    return [
        {"group": g, "voters": votes[g], "agree": agrees[g], "agreement": agrees[g] / votes[g]}
        for g in sorted(votes)
    ]


def audit_list() -> QuerySet[AuditEntry]:
    return AuditEntry.objects.select_related("actor", "version").order_by("-created_at", "-pk")


def polis_groups(*, conversation: PolisConversation) -> dict[int, int | None]:
    """Each imported participant's Polis id mapped to the platform's opinion group for them."""
    from annotation.principles.analysis import opinion_groups
    from annotation.principles.polis import polis_matrix

    participant_ids, _, matrix = polis_matrix(conversation=conversation)
    groups = opinion_groups(matrix)
    return dict(zip(participant_ids, groups.labels, strict=True))


def open_rounds_work(user: User) -> list[Any]:
    """The rater home's entries: each open round with proposals this person has not voted on."""
    from django.utils import timezone

    from accounts.work import WorkItem
    from diversity.quotas import quota_routing

    if not user.has_perm("principles.add_vote"):
        return []
    now = timezone.now()
    items = []
    # Counted in the rounds' query, so the home costs one query however many rounds are open.
    waiting = (
        Proposal.objects.filter(round=OuterRef("pk"), vetoed_by__isnull=True)
        .exclude(votes__voter_user=user)
        .order_by()
        .values("round")
        .annotate(n=Count("pk"))
        .values("n")
    )
    rounds = (
        VotingRound.objects.filter(status=RoundStatus.OPEN, opens_at__lte=now, closes_at__gt=now)
        .annotate(
            waiting=Coalesce(Subquery(waiting), 0),
            voted=Exists(Vote.objects.filter(proposal__round=OuterRef("pk"), voter_user=user)),
        )
        .order_by("closes_at")
    )
    # A round whose quota for one of this person's groups is met takes no new voter from it
    # (quotas.voter_admitted_check); one who has voted there goes on.
    full = quota_routing(activity="principles", user=user).blocked
    for voting_round in rounds:
        if voting_round.pk in full and not voting_round.voted:
            continue
        items.append(
            WorkItem(
                kind="principles",
                title=f"Vote on proposed principles: {voting_round.title}",
                description=(
                    "Agree, disagree or pass on each proposed change to the constitution; "
                    f"voting closes {voting_round.closes_at:%Y-%m-%d %H:%M} UTC."
                ),
                url=f"/principles/rounds/{voting_round.pk}",
                count=voting_round.waiting,
            )
        )
    return items
