from enum import StrEnum


class RecipeEnum(StrEnum):
    ALTERNATING = "alternating"
    DPO = "dpo"
    REWARD = "reward"
    SFT = "sft"
    WEAK_TO_STRONG = "weak_to_strong"

    def __str__(self) -> str:
        return str(self.value)
