from enum import StrEnum


class VersionStatusEnum(StrEnum):
    DRAFT = "draft"
    EVALUATING = "evaluating"
    PUBLISHED = "published"
    RETIRED = "retired"

    def __str__(self) -> str:
        return str(self.value)
