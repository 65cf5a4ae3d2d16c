from enum import StrEnum


class SignalInKindEnum(StrEnum):
    COMMENT = "comment"
    PREFERENCE = "preference"

    def __str__(self) -> str:
        return str(self.value)
