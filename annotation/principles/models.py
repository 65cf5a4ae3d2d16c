"""A versioned constitution, the rounds in which it is amended, and imported Polis conversations.

Constitution versions and their principles are append-only (Wagtail-style revisions): a change
is a new version, never an edit. Votes hold each participant's current choice; every change of
mind is also a new signal in the pool, so the history lives there.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q


class Audience(models.TextChoices):
    HUMANS = "humans", "For humans"
    AI = "ai", "For AI"
    SHARED = "shared", "Shared"


class ConstitutionVersion(models.Model):
    number = models.PositiveIntegerField(unique=True)
    summary = models.CharField(max_length=500, blank=True)
    # The round whose passing proposals produced this version; null for the seeded version 1.
    round = models.OneToOneField(
        "VotingRound",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="enacted_version",
    )
    is_current = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_current"], condition=Q(is_current=True), name="one_current_constitution"
            )
        ]

    def __str__(self) -> str:
        return f"constitution v{self.number}"


class Principle(models.Model):
    version = models.ForeignKey(
        ConstitutionVersion, on_delete=models.PROTECT, related_name="principles"
    )
    # Stable across versions: an amended principle keeps its key.
    key = models.SlugField(max_length=64)
    title = models.CharField(max_length=200)
    text = models.TextField(max_length=10000)
    audience = models.CharField(max_length=8, choices=Audience.choices)
    rationale = models.TextField(max_length=10000, blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["version", "position", "key"]
        constraints = [
            models.UniqueConstraint(fields=["version", "key"], name="principle_key_per_version")
        ]

    def __str__(self) -> str:
        return f"{self.key} (v{self.version.number})"


class RoundStatus(models.TextChoices):
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"


class VotingRound(models.Model):
    title = models.CharField(max_length=200)
    base_version = models.ForeignKey(
        ConstitutionVersion, on_delete=models.PROTECT, related_name="rounds"
    )
    opens_at = models.DateTimeField()
    closes_at = models.DateTimeField()
    status = models.CharField(max_length=8, choices=RoundStatus.choices, default=RoundStatus.OPEN)
    # The enactment rule, fixed when the round opens so everyone votes under a known rule.
    min_participants = models.PositiveIntegerField(
        default=3, help_text="Human voters a proposal needs (agree, disagree or pass)."
    )
    min_agreement = models.FloatField(
        default=0.6, help_text="Share of a proposal's human votes that must be 'agree'."
    )
    min_group_agreement = models.FloatField(
        default=0.5, help_text="Agreement every opinion group must reach (bridging)."
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="principle_rounds"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    # Per-proposal statistics and the groups found when the round closed (see analysis.py).
    outcome = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-opens_at", "-pk"]
        permissions = [("manage_votinground", "Can open, close and veto in principle rounds")]
        constraints = [
            models.CheckConstraint(
                name="round_closes_after_opening", condition=Q(closes_at__gt=models.F("opens_at"))
            ),
            models.CheckConstraint(
                name="round_thresholds_are_shares",
                condition=Q(min_agreement__gte=0, min_agreement__lte=1)
                & Q(min_group_agreement__gte=0, min_group_agreement__lte=1),
            ),
        ]

    def __str__(self) -> str:
        return self.title


class ProposalAction(models.TextChoices):
    ADD = "add", "Add a principle"
    AMEND = "amend", "Amend a principle"
    RETIRE = "retire", "Retire a principle"


class Proposal(models.Model):
    round = models.ForeignKey(VotingRound, on_delete=models.PROTECT, related_name="proposals")
    action = models.CharField(max_length=8, choices=ProposalAction.choices)
    principle_key = models.SlugField(max_length=64)
    title = models.CharField(max_length=200, blank=True)
    text = models.TextField(max_length=10000, blank=True)
    audience = models.CharField(max_length=8, choices=Audience.choices, blank=True)
    rationale = models.TextField(max_length=10000)
    author_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="principle_proposals",
    )
    author_model = models.ForeignKey(
        "registry.ModelVersion",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="principle_proposals",
    )
    vetoed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="principle_vetoes",
    )
    veto_reason = models.TextField(max_length=5000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["round", "pk"]
        constraints = [
            models.CheckConstraint(
                name="proposal_exactly_one_author",
                condition=Q(author_user__isnull=False, author_model__isnull=True)
                | Q(author_user__isnull=True, author_model__isnull=False),
            )
        ]

    def __str__(self) -> str:
        return f"{self.action} {self.principle_key} (round {self.round_id})"

    @property
    def ai_authored(self) -> bool:
        return self.author_model_id is not None


class Choice(models.TextChoices):
    AGREE = "agree", "Agree"
    DISAGREE = "disagree", "Disagree"
    PASS = "pass", "Pass"


class Vote(models.Model):
    proposal = models.ForeignKey(Proposal, on_delete=models.PROTECT, related_name="votes")
    voter_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="principle_votes",
    )
    voter_model = models.ForeignKey(
        "registry.ModelVersion",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="principle_votes",
    )
    choice = models.CharField(max_length=8, choices=Choice.choices)
    # How many times the voter changed their mind; part of each vote signal's idempotency key.
    revision = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                name="vote_exactly_one_voter",
                condition=Q(voter_user__isnull=False, voter_model__isnull=True)
                | Q(voter_user__isnull=True, voter_model__isnull=False),
            ),
            models.UniqueConstraint(
                fields=["proposal", "voter_user"],
                condition=Q(voter_user__isnull=False),
                name="one_vote_per_person_per_proposal",
            ),
            models.UniqueConstraint(
                fields=["proposal", "voter_model"],
                condition=Q(voter_model__isnull=False),
                name="one_vote_per_model_per_proposal",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.choice} on proposal {self.proposal_id}"


class Comment(models.Model):
    proposal = models.ForeignKey(Proposal, on_delete=models.PROTECT, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="principle_comments"
    )
    text = models.TextField(max_length=5000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"comment #{self.pk} on proposal {self.proposal_id}"


class AuditAction(models.TextChoices):
    ROUND_OPENED = "round_opened", "Round opened"
    ROUND_CLOSED = "round_closed", "Round closed without a change"
    ENACTED = "enacted", "New version enacted"
    VETOED = "vetoed", "Proposal vetoed"
    SEEDED = "seeded", "Version 1 seeded"


class AuditEntry(models.Model):
    action = models.CharField(max_length=16, choices=AuditAction.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="principle_audit_entries",
    )
    round = models.ForeignKey(
        VotingRound, null=True, blank=True, on_delete=models.PROTECT, related_name="audit"
    )
    version = models.ForeignKey(
        ConstitutionVersion, null=True, blank=True, on_delete=models.PROTECT, related_name="audit"
    )
    proposal = models.ForeignKey(
        Proposal, null=True, blank=True, on_delete=models.PROTECT, related_name="audit"
    )
    reason = models.TextField(blank=True)
    details = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.action} at {self.created_at:%Y-%m-%d %H:%M}"


class PolisConversation(models.Model):
    """An imported Polis export: statements, participants (with Polis's group) and votes."""

    slug = models.SlugField(max_length=100, unique=True)
    topic = models.CharField(max_length=300, blank=True)
    description = models.TextField(blank=True)
    url = models.URLField(blank=True)
    imported_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return self.slug


class PolisComment(models.Model):
    conversation = models.ForeignKey(
        PolisConversation, on_delete=models.CASCADE, related_name="comments"
    )
    polis_id = models.PositiveIntegerField()
    text = models.TextField()
    author_polis_id = models.IntegerField()
    # Polis moderation: -1 hidden, 0 unmoderated, 1 accepted. Hidden statements are not analysed.
    moderated = models.SmallIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["conversation", "polis_id"], name="polis_comment_id")
        ]

    def __str__(self) -> str:
        return f"polis comment {self.polis_id}"


class PolisParticipant(models.Model):
    conversation = models.ForeignKey(
        PolisConversation, on_delete=models.CASCADE, related_name="participants"
    )
    polis_id = models.PositiveIntegerField()
    # Polis's own opinion group; null where Polis left the participant out of its groups.
    polis_group = models.IntegerField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["conversation", "polis_id"], name="polis_participant_id"
            )
        ]

    def __str__(self) -> str:
        return f"polis participant {self.polis_id}"


class PolisVote(models.Model):
    participant = models.ForeignKey(
        PolisParticipant, on_delete=models.CASCADE, related_name="votes"
    )
    comment = models.ForeignKey(PolisComment, on_delete=models.CASCADE, related_name="votes")
    # Polis's sign: agree 1, disagree -1, pass 0. Only each participant's last vote is kept.
    value = models.SmallIntegerField()
    voted_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["participant", "comment"], name="polis_vote_once")
        ]

    def __str__(self) -> str:
        return f"{self.value} by {self.participant_id} on {self.comment_id}"
