from celery import shared_task

from loop.services.policies import periodic_trigger
from loop.services.runs import training_run_execute, training_runs_release
from loop.services.snapshots import snapshot_build


@shared_task(acks_late=True)
def snapshot_build_task(snapshot_id: int) -> None:
    # Both steps are idempotent: a delivery after a killed worker finishes what is left.
    snapshot_build(snapshot_id=snapshot_id)
    training_runs_release(snapshot_id=snapshot_id)


@shared_task(acks_late=True)
def training_run_task(run_id: int) -> None:
    training_run_execute(run_id=run_id)


@shared_task(acks_late=True)
def periodic_trigger_task() -> None:
    periodic_trigger()
