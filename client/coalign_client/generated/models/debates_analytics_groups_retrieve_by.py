from enum import StrEnum


class DebatesAnalyticsGroupsRetrieveBy(StrEnum):
    AGE_BAND = "age_band"
    EXPERTISE = "expertise"
    LANGUAGES = "languages"
    REGION = "region"

    def __str__(self) -> str:
        return str(self.value)
