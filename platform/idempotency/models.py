from django.conf import settings
from django.db import models


class IdempotentRequest(models.Model):
    """The answer to a write sent with an Idempotency-Key, kept for the retries of that write.

    The row is inserted in the same transaction as the write it answers for, so a stored answer
    means the write committed, and a retry racing the first request waits on the unique index
    until that transaction ends.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=200)
    method = models.CharField(max_length=10)
    path = models.CharField(max_length=2000)
    status = models.PositiveSmallIntegerField(null=True)
    content_type = models.CharField(max_length=200, blank=True)
    body = models.BinaryField(default=b"")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="idempotency_user_key"),
        ]

    def __str__(self) -> str:
        return f"{self.method} {self.path} [{self.key}]"
