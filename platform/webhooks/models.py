"""Endpoints that researchers register for platform events, and the delivery of each event to
each endpoint with its attempts (the delivery log)."""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models


class EventType(models.TextChoices):
    SIGNAL_RECORDED = "signal.recorded", "A signal was recorded in the signal pool"
    LABEL_AGGREGATED = "label.aggregated", "A hazard campaign's labels were aggregated"
    ROUND_CLOSED = "round.closed", "A principles voting round closed"
    ROUND_ENACTED = "round.enacted", "A round enacted a new constitution version"
    RUN_FINISHED = "run.finished", "A training run finished (done, failed or cancelled)"
    VERSION_PUBLISHED = "version.published", "A model version was published"
    VERSION_ROLLED_BACK = "version.rolled_back", "A line was rolled back to an earlier version"


# Sent only by "send test event", to the one endpoint asked; no endpoint subscribes to it.
TEST_EVENT = "webhook.test"


class WebhookEndpoint(models.Model):
    """An HTTPS URL that receives the events it subscribes to, signed with its secret.

    The secret is kept as it is, not hashed: every delivery signs with it. The API shows it
    once, in the answer to the creation.
    """

    url = models.URLField(max_length=2000)
    description = models.CharField(max_length=200, blank=True)
    event_types = ArrayField(models.CharField(max_length=40, choices=EventType.choices))
    secret = models.CharField(max_length=100)
    active = models.BooleanField(default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        permissions = [("manage_webhookendpoint", "Can register and manage webhook endpoints")]

    def __str__(self) -> str:
        return self.url


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", "Waiting for its next attempt"
    SUCCEEDED = "succeeded", "Answered with a 2xx status"
    FAILED = "failed", "Given up: refused, or out of attempts"


class WebhookDelivery(models.Model):
    """One event for one endpoint: unique per (endpoint, event id), so an event emitted again
    (its task redelivered) adds no second delivery, and a delivery that succeeded is not sent
    again. The body is fixed at creation; every attempt sends the same bytes."""

    endpoint = models.ForeignKey(
        WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries"
    )
    event_id = models.UUIDField()
    event_type = models.CharField(max_length=40)
    body = models.TextField()
    status = models.CharField(
        max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["endpoint", "event_id"], name="webhooks_delivery_endpoint_event"
            ),
        ]
        indexes = [
            # The resume sweep's look-up (delivery.webhook_deliveries_resume).
            models.Index(
                fields=["next_attempt_at"],
                name="webhooks_delivery_pending",
                condition=models.Q(status="pending"),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event_type} {self.event_id} -> {self.endpoint_id}"


class WebhookAttempt(models.Model):
    """One HTTP request of a delivery (or its refusal before any request was made)."""

    delivery = models.ForeignKey(
        WebhookDelivery, on_delete=models.CASCADE, related_name="attempt_log"
    )
    number = models.PositiveSmallIntegerField()
    # None when no answer came: refused address, DNS, connection error or timeout.
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    error = models.CharField(max_length=500, blank=True)
    duration_ms = models.PositiveIntegerField()
    # The start of the answer's body, for the log (RESPONSE_LOG_CHARS).
    response_body = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(
                fields=["delivery", "number"], name="webhooks_attempt_delivery_number"
            ),
        ]

    def __str__(self) -> str:
        return f"attempt {self.number} of delivery {self.delivery_id}"
