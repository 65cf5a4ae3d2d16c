from enum import StrEnum


class DebatesAnalyticsExportRetrieveTable(StrEnum):
    ACCURACY = "accuracy"
    AGREEMENT = "agreement"
    CALIBRATION = "calibration"
    CONFIGURATIONS = "configurations"
    CONSULTANCY = "consultancy"
    PERSUASIVENESS = "persuasiveness"

    def __str__(self) -> str:
        return str(self.value)
