from enum import StrEnum


class ProposalActionEnum(StrEnum):
    ADD = "add"
    AMEND = "amend"
    RETIRE = "retire"

    def __str__(self) -> str:
        return str(self.value)
