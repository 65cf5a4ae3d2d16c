from celery import Task, shared_task

from ops.services import heartbeat_record


@shared_task(bind=True, ignore_result=True)
def heartbeat(self: Task, queue: str) -> None:
    """Beat sends one to each queue; whichever worker takes it proves that queue is served."""
    heartbeat_record(hostname=self.request.hostname or "unknown", queue=queue)
