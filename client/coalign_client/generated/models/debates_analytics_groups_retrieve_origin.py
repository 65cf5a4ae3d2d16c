from enum import StrEnum


class DebatesAnalyticsGroupsRetrieveOrigin(StrEnum):
    IMPORTED = "imported"
    NATIVE = "native"

    def __str__(self) -> str:
        return str(self.value)
