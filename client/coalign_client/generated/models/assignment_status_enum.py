from enum import StrEnum


class AssignmentStatusEnum(StrEnum):
    COMMITTED = "committed"
    OPEN = "open"
    SKIPPED = "skipped"

    def __str__(self) -> str:
        return str(self.value)
