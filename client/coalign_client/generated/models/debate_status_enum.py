from enum import StrEnum


class DebateStatusEnum(StrEnum):
    READY = "ready"
    RUNNING = "running"

    def __str__(self) -> str:
        return str(self.value)
