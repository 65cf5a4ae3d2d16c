from enum import StrEnum


class HazardsCampaignsAnalyticsGroupsRetrieveBy(StrEnum):
    AGE_BAND = "age_band"
    EXPERTISE = "expertise"
    LANGUAGES = "languages"
    REGION = "region"

    def __str__(self) -> str:
        return str(self.value)
