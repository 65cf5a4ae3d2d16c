from django.db.models import Prefetch, QuerySet

from webhooks.models import WebhookAttempt, WebhookDelivery, WebhookEndpoint


def endpoints_list() -> QuerySet[WebhookEndpoint]:
    return WebhookEndpoint.objects.select_related("created_by")


def deliveries_of(*, endpoint: WebhookEndpoint) -> QuerySet[WebhookDelivery]:
    """The endpoint's delivery log, newest first, each with its attempts (two queries a page)."""
    return WebhookDelivery.objects.filter(endpoint=endpoint).prefetch_related(
        Prefetch("attempt_log", queryset=WebhookAttempt.objects.order_by("number"))
    )
