from enum import StrEnum


class WebhookEventTypeEnum(StrEnum):
    LABEL_AGGREGATED = "label.aggregated"
    ROUND_CLOSED = "round.closed"
    ROUND_ENACTED = "round.enacted"
    RUN_FINISHED = "run.finished"
    SIGNAL_RECORDED = "signal.recorded"
    VERSION_PUBLISHED = "version.published"
    VERSION_ROLLED_BACK = "version.rolled_back"

    def __str__(self) -> str:
        return str(self.value)
