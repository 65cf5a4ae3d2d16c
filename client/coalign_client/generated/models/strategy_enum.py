from enum import StrEnum


class StrategyEnum(StrEnum):
    EVIDENCE_FIRST = "evidence-first"
    REBUTTAL_FIRST = "rebuttal-first"
    STANDARD = "standard"

    def __str__(self) -> str:
        return str(self.value)
