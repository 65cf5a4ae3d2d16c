from enum import StrEnum


class RoleEnum(StrEnum):
    HELPFUL = "helpful"
    SNEAKY = "sneaky"

    def __str__(self) -> str:
        return str(self.value)
