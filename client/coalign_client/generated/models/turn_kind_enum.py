from enum import StrEnum


class TurnKindEnum(StrEnum):
    JUDGE = "judge"
    SPEECH = "speech"

    def __str__(self) -> str:
        return str(self.value)
