"""The kinds of supervision signal and the payload each one must carry.

A payload is validated by its kind's serializer before it is stored; the pool never holds a
payload that its kind does not describe. Activities refine these as they arrive.
"""

from typing import Any

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


class OptionScorePayload(serializers.Serializer):
    """One option as an AI rater scored it (llm.backends.base.Verdict.record)."""

    # The option's text as scored, leading space included.
    option = serializers.CharField(max_length=200, trim_whitespace=False)
    logprob = serializers.FloatField(help_text="Summed log-probability (nats).")
    mean_logprob = serializers.FloatField(help_text="Log-probability per token.")
    tokens = serializers.IntegerField(min_value=1)
    probability = serializers.FloatField(
        min_value=0.0, max_value=1.0, help_text="Softmax of the options' mean_logprob."
    )


def _option_scores() -> serializers.ListField:
    return serializers.ListField(child=OptionScorePayload(), min_length=2, required=False)


class JudgementPayload(serializers.Serializer):
    probabilities = serializers.ListField(
        child=serializers.FloatField(min_value=0.0, max_value=1.0), min_length=2
    )
    rationale = serializers.CharField(required=False, allow_blank=True, max_length=10000)
    # An AI judge's scores of the answers' letters, whose softmax is `probabilities`.
    option_scores = _option_scores()

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
    # The rules every hazard label meets, whoever gave it (a rater, an AI labeller, an imported
    # annotator); the hazards label API's input extends this serializer, and a rater's label
    # meets more (annotation.hazards.services.labels.label_errors). No docstring: it would
    # become the API schema's description of that input.
    harmful = serializers.BooleanField()
    # A refusal of a safe request (XSTest's exaggerated safety); rewritten like harmful text.
    needless_refusal = serializers.BooleanField(default=False)
    categories = serializers.ListField(
        child=serializers.CharField(max_length=32), default=list, max_length=20
    )
    # 0 on a label that is not harmful, and on imported ones that rate no severity (XSTest).
    severity = serializers.IntegerField(min_value=0, max_value=10, default=0)
    # Character offsets [start, end) into the labelled text.
    spans = serializers.ListField(
        child=serializers.ListField(child=serializers.IntegerField(min_value=0)),
        default=list,
        max_length=50,
    )
    # An AI labeller's scores per question: "harmful" and "category:<code>" for each category.
    option_scores = serializers.DictField(child=_option_scores(), required=False)

    def validate_spans(self, spans: list[list[int]]) -> list[list[int]]:
        if any(len(span) != 2 or span[0] >= span[1] for span in spans):
            raise serializers.ValidationError("Each span is [start, end) with start before end.")
        return spans

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        errors = {}
        if not attrs["harmful"]:
            if attrs["categories"]:
                errors["categories"] = "Only a harmful response has categories."
            if attrs["severity"]:
                errors["severity"] = "A response that is not harmful has severity 0."
        elif attrs["needless_refusal"]:
            errors["needless_refusal"] = "A harmful response is not a needless refusal."
        if errors:
            raise serializers.ValidationError(errors)
        return attrs


class TextPayload(serializers.Serializer):
    text = serializers.CharField(max_length=50000)


class AdjudicationPayload(serializers.Serializer):
    decision = serializers.JSONField()
    reason = serializers.CharField(max_length=10000)


class VotePayload(serializers.Serializer):
    choice = serializers.ChoiceField(choices=["agree", "disagree", "pass"])
    # An AI voter's scores of agree / disagree / pass; it chose the most probable.
    option_scores = _option_scores()


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
