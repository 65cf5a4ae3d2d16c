"""Sending a delivery: one signed POST per attempt, retried with exponential backoff.

Each task names the attempt it is for (`attempt`): it runs only while the delivery is pending
and that attempt has not been made, under the delivery's row lock, held through the request.
So a task delivered twice (its worker killed after the commit, before the acknowledgement) and
the resume sweep's copy of a lost one make one attempt between them, and a delivery that
succeeded is never sent again. A worker killed during the request rolls the attempt back; the
redelivered task makes it again, so a receiver may see an event twice and should deduplicate
by its `Coalign-Event-Id`.
"""

import time
from dataclasses import dataclass
from datetime import timedelta
from functools import partial

import httpx
from celery.exceptions import SoftTimeLimitExceeded
from django.db import transaction
from django.utils import timezone

from webhooks.models import (
    TEST_EVENT,
    DeliveryStatus,
    WebhookAttempt,
    WebhookDelivery,
    WebhookEndpoint,
)
from webhooks.services.signing import (
    EVENT_ID_HEADER,
    EVENT_TYPE_HEADER,
    SIGNATURE_HEADER,
    signature_header,
)
from webhooks.services.ssrf import AddressRefused, url_target

# Attempts in all, the first included; the waits between them are 30 s, 1, 2, 4 and 8 min.
MAX_ATTEMPTS = 6
BACKOFF_BASE_S = 30
# Seconds an attempt may take to connect, and between two reads or writes of it.
TIMEOUT_S = 10.0
# Seconds a whole attempt may take: a server that answers a byte every few seconds stays within
# TIMEOUT_S at each read, so the task's soft time limit (tasks.py) and the body loop stop it.
ATTEMPT_LIMIT_S = 60
# Characters of an answer's body kept in the log; bytes read from it at most.
RESPONSE_LOG_CHARS = 1000
RESPONSE_READ_BYTES = 4 * RESPONSE_LOG_CHARS
# A pending delivery this long past its due time lost its task (the broker was down when it
# was queued): the resume sweep queues it again.
RESUME_AFTER = timedelta(minutes=5)
USER_AGENT = "Co-Align-Webhooks/1"


def backoff_s(attempt: int) -> int:
    """Seconds to wait after failed attempt number `attempt` (1-based) before the next."""
    return BACKOFF_BASE_S * 2 ** (attempt - 1)


@dataclass(frozen=True)
class Outcome:
    status_code: int | None = None
    error: str = ""
    response_body: str = ""
    # False when another attempt cannot help (the address is refused).
    retry: bool = True

    @property
    def succeeded(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


def _post(endpoint: WebhookEndpoint, delivery: WebhookDelivery) -> Outcome:
    """One signed POST of the delivery's body to the endpoint's checked address."""
    try:
        target = url_target(endpoint.url)
    except AddressRefused as exc:
        return Outcome(error=" ".join(exc.messages), retry=False)
    except (OSError, UnicodeError, ValueError) as exc:
        return Outcome(error=f"The host did not resolve: {exc}")
    body = delivery.body.encode()
    url = httpx.URL(endpoint.url)
    headers = {
        # The name the receiver is served under; the connection goes to the checked address.
        "Host": url.netloc.decode("ascii"),
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        EVENT_ID_HEADER: str(delivery.event_id),
        EVENT_TYPE_HEADER: delivery.event_type,
        # Signed at each attempt, so a receiver's tolerance for old timestamps counts from it.
        SIGNATURE_HEADER: signature_header(
            secret=endpoint.secret, timestamp=int(time.time()), body=body
        ),
    }
    # TLS still checks the certificate against the host name (IDNA-encoded), not the address.
    extensions = {"sni_hostname": url.raw_host.decode("ascii")} if url.scheme == "https" else {}
    deadline = time.monotonic() + ATTEMPT_LIMIT_S
    # No redirects (one could point inside our network) and no proxy from the environment
    # (it would resolve the name itself).
    with httpx.Client(timeout=TIMEOUT_S, follow_redirects=False, trust_env=False) as client:
        try:
            with client.stream(
                "POST",
                url.copy_with(host=str(target.address)),
                content=body,
                headers=headers,
                extensions=extensions,
            ) as response:
                start = b""
                for chunk in response.iter_bytes():
                    start += chunk
                    # The status is known: the rest of the answer is only for the log.
                    if len(start) >= RESPONSE_READ_BYTES or time.monotonic() > deadline:
                        break
        except httpx.HTTPError as exc:
            return Outcome(error=f"{type(exc).__name__}: {exc}"[:500])
        except SoftTimeLimitExceeded:
            return Outcome(error=f"The endpoint took over {ATTEMPT_LIMIT_S} s to answer.")
    text = start.decode(response.encoding or "utf-8", errors="replace")[:RESPONSE_LOG_CHARS]
    if 300 <= response.status_code < 400:
        error = "Redirects are not followed; give the final URL."
    elif not 200 <= response.status_code < 300:
        error = f"The endpoint answered {response.status_code}."
    else:
        error = ""
    return Outcome(status_code=response.status_code, error=error, response_body=text)


def webhook_deliver(*, delivery_id: int, attempt: int) -> WebhookAttempt | None:
    """Make attempt number `attempt` of the delivery, if it is still to be made; returns the
    attempt made, or None when there was nothing to do."""
    from webhooks.tasks import webhook_delivery_task

    with transaction.atomic():
        delivery = (
            WebhookDelivery.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("endpoint")
            .filter(pk=delivery_id)
            .first()
        )
        # Gone, finished, made already, or being made by another worker right now.
        if (
            delivery is None
            or delivery.status != DeliveryStatus.PENDING
            or delivery.attempts != attempt - 1
        ):
            return None
        endpoint = delivery.endpoint
        started = time.monotonic()
        if endpoint.active or delivery.event_type == TEST_EVENT:
            outcome = _post(endpoint, delivery)
        else:
            outcome = Outcome(error="The endpoint was disabled.", retry=False)
        made = WebhookAttempt.objects.create(
            delivery=delivery,
            number=attempt,
            status_code=outcome.status_code,
            error=outcome.error[:500],
            duration_ms=round((time.monotonic() - started) * 1000),
            response_body=outcome.response_body,
        )
        delivery.attempts = attempt
        now = timezone.now()
        if outcome.succeeded or not outcome.retry or attempt >= MAX_ATTEMPTS:
            delivery.status = (
                DeliveryStatus.SUCCEEDED if outcome.succeeded else DeliveryStatus.FAILED
            )
            delivery.finished_at = now
            delivery.next_attempt_at = None
        else:
            wait = backoff_s(attempt)
            delivery.next_attempt_at = now + timedelta(seconds=wait)
            transaction.on_commit(
                partial(
                    webhook_delivery_task.apply_async, (delivery.pk, attempt + 1), countdown=wait
                )
            )
        delivery.save(update_fields=["attempts", "status", "finished_at", "next_attempt_at"])
        return made


def webhook_deliveries_resume() -> int:
    """Queue again the pending deliveries whose task was lost; returns how many."""
    from webhooks.tasks import webhook_delivery_task

    overdue = WebhookDelivery.objects.filter(
        status=DeliveryStatus.PENDING, next_attempt_at__lt=timezone.now() - RESUME_AFTER
    ).values_list("pk", "attempts")
    count = 0
    for delivery_id, attempts in overdue:
        webhook_delivery_task.delay(delivery_id, attempts + 1)
        count += 1
    return count
