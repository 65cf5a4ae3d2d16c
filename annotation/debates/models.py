"""Questions, debates with their debaters and turns, judge assignments and judgements.

The correct answer lives on Question and nowhere a judge's pre-commit view reads it from:
serializers for judges are built in api.py from selectors that leave it out.
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q


class QuestionSet(models.Model):
    """One imported file; its content hash makes re-importing the same file a no-op."""

    name = models.CharField(max_length=200)
    source = models.CharField(max_length=100, help_text="Dataset the questions come from.")
    split = models.CharField(max_length=32, blank=True)
    content_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.name


class Question(models.Model):
    question_set = models.ForeignKey(
        QuestionSet, on_delete=models.CASCADE, related_name="questions"
    )
    key = models.CharField(max_length=200, help_text="Identifier within its set.")
    text = models.TextField()
    passage = models.TextField(blank=True, help_text="Source passage (story) debaters quote.")
    passage_title = models.CharField(max_length=300, blank=True)
    options = models.JSONField(help_text="Answer options, two or more strings.")
    correct_index = models.PositiveSmallIntegerField()
    source = models.CharField(max_length=100)
    split = models.CharField(max_length=32, blank=True)
    tags = models.JSONField(default=list, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["question_set", "key"], name="question_key_in_set")
        ]

    def __str__(self) -> str:
        return self.text[:80]


class Protocol(models.TextChoices):
    DEBATE = "debate", "Debate"
    CONSULTANCY = "consultancy", "Consultancy"
    BASELINE = "baseline", "No advocate (judge answers alone)"


class SpeakingOrder(models.TextChoices):
    SIMULTANEOUS = "simultaneous", "Simultaneous"
    SEQUENTIAL = "sequential", "Sequential"


class Origin(models.TextChoices):
    NATIVE = "native", "Run on this platform"
    IMPORTED = "imported", "Imported human debate"


class DebateStatus(models.TextChoices):
    RUNNING = "running", "Turns being written"
    READY = "ready", "All turns written"


class Debate(models.Model):
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="debates")
    protocol = models.CharField(max_length=16, choices=Protocol.choices)
    rounds = models.PositiveSmallIntegerField(help_text="Rounds to write now.")
    max_rounds = models.PositiveSmallIntegerField(
        help_text="Rounds judges may ask for in interactive debates."
    )
    interactive = models.BooleanField(default=False)
    word_limit = models.PositiveIntegerField(default=150)
    speaking_order = models.CharField(
        max_length=16, choices=SpeakingOrder.choices, default=SpeakingOrder.SEQUENTIAL
    )
    judges_wanted = models.PositiveSmallIntegerField(default=3, help_text="k human judges.")
    prompt_version = models.PositiveSmallIntegerField(default=1)
    origin = models.CharField(max_length=16, choices=Origin.choices, default=Origin.NATIVE)
    # The NYU condition ("AI Debate", "Human Consultancy", ...) for imported rooms.
    condition = models.CharField(max_length=32, blank=True)
    external_name = models.CharField(max_length=200, null=True, blank=True, unique=True)
    # Gold debates are mixed into judges' assignments (settings.DEBATE_GOLD_RATE) to measure
    # them against the question's known answer (Question.correct_index).
    gold = models.BooleanField(default=False)
    status = models.CharField(
        max_length=16, choices=DebateStatus.choices, default=DebateStatus.RUNNING
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="debates_created",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        permissions = [
            ("run_debate", "Can import questions and start debates"),
            ("view_debate_analytics", "Can see judge-accuracy analytics and truths"),
        ]
        indexes = [models.Index(fields=["status", "origin"], name="debate_status_origin")]

    def __str__(self) -> str:
        return f"{self.protocol} #{self.pk}"


class Debater(models.Model):
    """One side: argues option `answer_index`, as a model version or a person.

    Which side gets which answer is drawn at random when the debate is created and stored here.
    """

    debate = models.ForeignKey(Debate, on_delete=models.CASCADE, related_name="debaters")
    slot = models.CharField(max_length=1, help_text="A or B.")
    answer_index = models.PositiveSmallIntegerField()
    model_version = models.ForeignKey(
        "registry.ModelVersion", null=True, blank=True, on_delete=models.PROTECT
    )
    strategy = models.CharField(max_length=32, blank=True, help_text="Prompt strategy.")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="debates_argued",
    )
    # Imported debaters are pseudonyms or "GPT-4"; no account stands behind them.
    external_name = models.CharField(max_length=100, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["debate", "slot"], name="debater_slot"),
            models.CheckConstraint(
                name="debater_not_both_model_and_person",
                condition=Q(model_version__isnull=True) | Q(user__isnull=True),
            ),
        ]
        ordering = ["slot"]

    def __str__(self) -> str:
        return f"Debater {self.slot} of debate #{self.debate_id}"

    @property
    def is_ai(self) -> bool:
        return self.model_version_id is not None or self.external_name == "GPT-4"

    @property
    def label(self) -> str:
        if self.model_version_id is not None:
            version = self.model_version
            assert version is not None
            return f"{version.line.slug} v{version.number}/{self.strategy or 'default'}"
        if self.user_id is not None:
            return "human"
        return "GPT-4" if self.external_name == "GPT-4" else "human"


class TurnKind(models.TextChoices):
    SPEECH = "speech", "Debater speech"
    JUDGE = "judge", "Judge feedback"


class Turn(models.Model):
    debate = models.ForeignKey(Debate, on_delete=models.CASCADE, related_name="turns")
    position = models.PositiveIntegerField(help_text="Order in the transcript.")
    round = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=8, choices=TurnKind.choices, default=TurnKind.SPEECH)
    debater = models.ForeignKey(
        Debater, null=True, blank=True, on_delete=models.CASCADE, related_name="turns"
    )
    speaker_name = models.CharField(max_length=100, blank=True)
    text = models.TextField(blank=True)
    # [{"text": str, "verified": bool | null}]; null when there is no passage to check against.
    quotes = models.JSONField(default=list, blank=True)
    # Judge turns of imported rooms: the judge's probabilities over the options at that point.
    probabilities = models.JSONField(null=True, blank=True)
    model_version = models.ForeignKey(
        "registry.ModelVersion", null=True, blank=True, on_delete=models.PROTECT
    )
    prompt_version = models.PositiveSmallIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["debate", "position"], name="turn_position"),
            # One speech per debater per round makes a redelivered generation task harmless.
            models.UniqueConstraint(
                fields=["debate", "round", "debater"],
                condition=Q(kind="speech"),
                name="turn_one_speech_per_round",
            ),
        ]
        ordering = ["debate", "position"]

    def __str__(self) -> str:
        return f"turn {self.position} of debate #{self.debate_id}"


# An open assignment a judge walked away from frees its place after this long (longer than for
# a hazard label: a judge reads the whole transcript and may ask for more rounds).
ASSIGNMENT_TTL = timedelta(hours=1)


class AssignmentStatus(models.TextChoices):
    OPEN = "open", "Open"
    COMMITTED = "committed", "Committed"
    SKIPPED = "skipped", "Skipped"


class Assignment(models.Model):
    debate = models.ForeignKey(Debate, on_delete=models.CASCADE, related_name="assignments")
    judge = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="debate_assignments"
    )
    # Denormalised so "never the same question twice for one judge" is a database constraint.
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(
        max_length=16, choices=AssignmentStatus.choices, default=AssignmentStatus.OPEN
    )
    skip_reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["judge", "question"], name="assignment_question_once")
        ]

    def __str__(self) -> str:
        return f"debate #{self.debate_id} for judge #{self.judge_id} ({self.status})"


class JudgeKind(models.TextChoices):
    HUMAN = "human", "Human"
    AI = "ai", "AI"


class Judgement(models.Model):
    """A judge's final probabilities over the options, with its proper score."""

    debate = models.ForeignKey(Debate, on_delete=models.CASCADE, related_name="judgements")
    kind = models.CharField(max_length=8, choices=JudgeKind.choices)
    judge = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT
    )
    model_version = models.ForeignKey(
        "registry.ModelVersion", null=True, blank=True, on_delete=models.PROTECT
    )
    # Imported judges are pseudonyms; `live` is the room's own judge, the others judged offline.
    external_name = models.CharField(max_length=100, blank=True)
    live = models.BooleanField(default=True)
    probabilities = models.JSONField()
    rationale = models.TextField(blank=True)
    rounds_seen = models.PositiveSmallIntegerField(default=0)
    correct = models.BooleanField(help_text="Probability on the correct answer above 0.5.")
    score = models.FloatField(help_text="Log score: log2 of the probability on the truth.")
    prompt_version = models.PositiveSmallIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["debate", "judge"],
                condition=Q(judge__isnull=False),
                name="judgement_once_per_person",
            ),
            models.UniqueConstraint(
                fields=["debate", "model_version"],
                condition=Q(model_version__isnull=False),
                name="judgement_once_per_model",
            ),
            models.UniqueConstraint(
                fields=["debate", "external_name"],
                condition=~Q(external_name=""),
                name="judgement_once_per_imported_judge",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} judgement of debate #{self.debate_id}"
