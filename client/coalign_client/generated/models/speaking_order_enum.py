from enum import StrEnum


class SpeakingOrderEnum(StrEnum):
    SEQUENTIAL = "sequential"
    SIMULTANEOUS = "simultaneous"

    def __str__(self) -> str:
        return str(self.value)
