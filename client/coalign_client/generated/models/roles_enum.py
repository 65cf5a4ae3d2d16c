from enum import StrEnum


class RolesEnum(StrEnum):
    ADMIN = "admin"
    RATER = "rater"
    RESEARCHER = "researcher"

    def __str__(self) -> str:
        return str(self.value)
