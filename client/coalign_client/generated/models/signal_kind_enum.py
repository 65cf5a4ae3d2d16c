from enum import StrEnum


class SignalKindEnum(StrEnum):
    ADJUDICATION = "adjudication"
    AI_OUTPUT = "ai_output"
    COMMENT = "comment"
    DEBATE_TURN = "debate_turn"
    ENACTMENT = "enactment"
    HAZARD_LABEL = "hazard_label"
    JUDGEMENT = "judgement"
    PREFERENCE = "preference"
    PROPOSAL = "proposal"
    SAFE_REWRITE = "safe_rewrite"
    VOTE = "vote"

    def __str__(self) -> str:
        return str(self.value)
