from django.db import models


class WorkerHeartbeat(models.Model):
    """The last time a worker consuming `queue` ran the periodic heartbeat task."""

    hostname = models.CharField(max_length=200)
    queue = models.CharField(max_length=64)
    seen_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["hostname", "queue"], name="heartbeat_worker_queue")
        ]

    def __str__(self) -> str:
        return f"{self.hostname} on {self.queue}"
