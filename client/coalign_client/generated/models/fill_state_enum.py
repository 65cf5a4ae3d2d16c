from enum import StrEnum


class FillStateEnum(StrEnum):
    FULL = "full"
    OPEN = "open"
    UNDER = "under"

    def __str__(self) -> str:
        return str(self.value)
