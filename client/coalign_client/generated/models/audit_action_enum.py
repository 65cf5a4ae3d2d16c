from enum import StrEnum


class AuditActionEnum(StrEnum):
    ENACTED = "enacted"
    ROUND_CLOSED = "round_closed"
    ROUND_OPENED = "round_opened"
    SEEDED = "seeded"
    VETOED = "vetoed"

    def __str__(self) -> str:
        return str(self.value)
