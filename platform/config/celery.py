"""The Celery app. Workers run from the repository root with platform/ on PYTHONPATH.

Queues: `default` for web-side work, `gpu` for generation and training (one task at a time).
"""

import os

from celery import Celery

from config.celery_lease import LeaseRenewal

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("coalign")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
app.steps["worker"].add(LeaseRenewal)


@app.on_after_finalize.connect
def _schedule_heartbeats(sender: Celery, **_: object) -> None:
    from django.conf import settings

    from ops.services import QUEUES

    for queue in QUEUES:
        sender.add_periodic_task(
            settings.HEARTBEAT_SECONDS,
            sender.signature("ops.tasks.heartbeat", args=(queue,), queue=queue),
            name=f"heartbeat-{queue}",
        )


@app.on_after_finalize.connect
def _schedule_loop_trigger(sender: Celery, **_: object) -> None:
    # A cheap check each minute; each line's policy says how often it really looks and how
    # many new signals it needs before it trains.
    sender.add_periodic_task(
        60.0, sender.signature("loop.tasks.periodic_trigger_task"), name="loop-periodic-trigger"
    )


@app.on_after_finalize.connect
def _schedule_idempotency_cleanup(sender: Celery, **_: object) -> None:
    sender.add_periodic_task(
        3600.0, sender.signature("idempotency.tasks.keys_forget_task"), name="idempotency-forget"
    )
