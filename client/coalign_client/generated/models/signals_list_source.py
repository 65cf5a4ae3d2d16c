from enum import StrEnum


class SignalsListSource(StrEnum):
    HUMAN = "human"
    IMPORTED = "imported"
    MODEL = "model"

    def __str__(self) -> str:
        return str(self.value)
