from enum import StrEnum


class TriggerEnum(StrEnum):
    ADMIN = "admin"
    COMMAND = "command"
    PERIODIC = "periodic"

    def __str__(self) -> str:
        return str(self.value)
