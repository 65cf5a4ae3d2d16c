from enum import StrEnum


class PublishActionEnum(StrEnum):
    OVERRIDE = "override"
    PUBLISH = "publish"
    REFUSED = "refused"
    ROLLBACK = "rollback"
    SEED = "seed"

    def __str__(self) -> str:
        return str(self.value)
