from enum import StrEnum


class ReportPlotKindEnum(StrEnum):
    BAR = "bar"
    LINE = "line"
    POINTS = "points"

    def __str__(self) -> str:
        return str(self.value)
