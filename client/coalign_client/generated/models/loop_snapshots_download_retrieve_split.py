from enum import StrEnum


class LoopSnapshotsDownloadRetrieveSplit(StrEnum):
    EVAL = "eval"
    TRAIN = "train"

    def __str__(self) -> str:
        return str(self.value)
