from enum import StrEnum


class RunStatusEnum(StrEnum):
    CANCELLED = "cancelled"
    DONE = "done"
    EVALUATING = "evaluating"
    FAILED = "failed"
    QUEUED = "queued"
    RUNNING = "running"
    WAITING = "waiting"

    def __str__(self) -> str:
        return str(self.value)
