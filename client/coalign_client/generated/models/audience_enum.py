from enum import StrEnum


class AudienceEnum(StrEnum):
    AI = "ai"
    HUMANS = "humans"
    SHARED = "shared"

    def __str__(self) -> str:
        return str(self.value)
