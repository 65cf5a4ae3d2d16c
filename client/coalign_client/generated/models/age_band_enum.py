from enum import StrEnum


class AgeBandEnum(StrEnum):
    VALUE_0 = "18-24"
    VALUE_1 = "25-34"
    VALUE_2 = "35-44"
    VALUE_3 = "45-54"
    VALUE_4 = "55-64"
    VALUE_5 = "65+"

    def __str__(self) -> str:
        return str(self.value)
