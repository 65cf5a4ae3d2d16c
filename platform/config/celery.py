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


@app.on_after_finalize.connect
def _schedule_study_resume(sender: Celery, **_: object) -> None:
    # Studies whose step task was lost between a commit and its send; see STUDY_STALL_S.
    sender.add_periodic_task(
        60.0, sender.signature("annotation.studies.tasks.studies_resume_task"), name="study-resume"
    )


@app.on_after_finalize.connect
def _schedule_trust(sender: Celery, **_: object) -> None:
    # Trust scores are computed here, never in a request: Dawid-Skene over every label is slow.
    from django.conf import settings

    sender.add_periodic_task(
        float(settings.RATER_TRUST_INTERVAL_S),
        sender.signature("trust.tasks.trust_compute_task"),
        name="trust-compute",
    )


@app.on_after_finalize.connect
def _schedule_webhook_resume(sender: Celery, **_: object) -> None:
    # Deliveries whose task was lost (the broker was down when they were queued) go out again.
    sender.add_periodic_task(
        300.0,
        sender.signature("webhooks.tasks.webhook_deliveries_resume_task"),
        name="webhooks-resume",
    )
