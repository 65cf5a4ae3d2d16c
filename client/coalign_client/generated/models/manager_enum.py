from enum import StrEnum


class ManagerEnum(StrEnum):
    AGENT = "agent"
    EXTERNAL = "external"

    def __str__(self) -> str:
        return str(self.value)
