"""The kinds of supervision signal and the payload each one must carry.

A payload is validated by its kind's serializer before it is stored; the pool never holds a
payload that its kind does not describe. Activities refine these as they arrive.
"""

from django.db import models
from rest_framework import serializers


class SignalKind(models.TextChoices):
    JUDGEMENT = "judgement", "Debate judgement"
    DEBATE_TURN = "debate_turn", "Debate turn"
    HAZARD_LABEL = "hazard_label", "Hazard label"
    SAFE_REWRITE = "safe_rewrite", "Safe rewrite"
    ADJUDICATION = "adjudication", "Adjudication"
    VOTE = "vote", "Principle vote"
    PROPOSAL = "proposal", "Principle proposal"
    COMMENT = "comment", "Comment"
    ENACTMENT = "enactment", "Constitution enactment"
    PREFERENCE = "preference", "Preference pair"
    AI_OUTPUT = "ai_output", "AI output"


class JudgementPayload(serializers.Serializer):
    probabilities = serializers.ListField(
        child=serializers.FloatField(min_value=0.0, max_value=1.0), min_length=2
    )
    rationale = serializers.CharField(required=False, allow_blank=True, max_length=10000)

    def validate_probabilities(self, value: list[float]) -> list[float]:
        if abs(sum(value) - 1.0) > 1e-6:
            raise serializers.ValidationError("Probabilities must add up to 1.")
        return value


class DebateTurnPayload(serializers.Serializer):
    speaker = serializers.CharField(max_length=64)
    round = serializers.IntegerField(min_value=0)
    # A model may say nothing in its turn; that empty speech is part of the record.
    text = serializers.CharField(max_length=50000, allow_blank=True)


class HazardLabelPayload(serializers.Serializer):
    harmful = serializers.BooleanField()
    # A refusal of a safe request (XSTest's exaggerated safety); rewritten like harmful text.
    needless_refusal = serializers.BooleanField(default=False)
    categories = serializers.ListField(child=serializers.CharField(max_length=32), default=list)
    severity = serializers.IntegerField(min_value=0, max_value=10)
    spans = serializers.ListField(
        child=serializers.ListField(child=serializers.IntegerField(min_value=0), min_length=2),
        default=list,
    )


class TextPayload(serializers.Serializer):
    text = serializers.CharField(max_length=50000)


class AdjudicationPayload(serializers.Serializer):
    decision = serializers.JSONField()
    reason = serializers.CharField(max_length=10000)


class VotePayload(serializers.Serializer):
    choice = serializers.ChoiceField(choices=["agree", "disagree", "pass"])


class ProposalPayload(serializers.Serializer):
    action = serializers.ChoiceField(choices=["add", "amend", "retire"])
    principle = serializers.CharField(max_length=64, required=False, allow_blank=True)
    title = serializers.CharField(max_length=200, required=False, allow_blank=True)
    text = serializers.CharField(max_length=10000, required=False, allow_blank=True)
    rationale = serializers.CharField(max_length=10000)


class EnactmentPayload(serializers.Serializer):
    version = serializers.IntegerField(min_value=1)
    proposals = serializers.ListField(child=serializers.IntegerField(), default=list)


class PreferencePayload(serializers.Serializer):
    prompt = serializers.CharField(max_length=50000)
    chosen = serializers.CharField(max_length=50000)
    rejected = serializers.CharField(max_length=50000)


class AIOutputPayload(serializers.Serializer):
    # A model's input and output as they were, whitespace included (DRF trims by default).
    prompt = serializers.CharField(max_length=100000, allow_blank=True, trim_whitespace=False)
    completion = serializers.CharField(max_length=100000, allow_blank=True, trim_whitespace=False)
    params = serializers.DictField(default=dict)


PAYLOAD_SERIALIZERS: dict[str, type[serializers.Serializer]] = {
    SignalKind.JUDGEMENT: JudgementPayload,
    SignalKind.DEBATE_TURN: DebateTurnPayload,
    SignalKind.HAZARD_LABEL: HazardLabelPayload,
    SignalKind.SAFE_REWRITE: TextPayload,
    SignalKind.ADJUDICATION: AdjudicationPayload,
    SignalKind.VOTE: VotePayload,
    SignalKind.PROPOSAL: ProposalPayload,
    SignalKind.COMMENT: TextPayload,
    SignalKind.ENACTMENT: EnactmentPayload,
    SignalKind.PREFERENCE: PreferencePayload,
    SignalKind.AI_OUTPUT: AIOutputPayload,
}
