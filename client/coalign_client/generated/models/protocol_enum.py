from enum import StrEnum


class ProtocolEnum(StrEnum):
    BASELINE = "baseline"
    CONSULTANCY = "consultancy"
    DEBATE = "debate"

    def __str__(self) -> str:
        return str(self.value)
