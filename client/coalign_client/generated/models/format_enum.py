from enum import StrEnum


class FormatEnum(StrEnum):
    AILUMINATE = "ailuminate"
    PROMPTS = "prompts"

    def __str__(self) -> str:
        return str(self.value)
