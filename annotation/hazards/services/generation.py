"""Responses from a campaign's target version: queued in batches, generated on the gpu queue
(CELERY_TASK_ROUTES sends the task there), streamed to the campaign's watchers."""

from collections.abc import Sequence
from functools import partial
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from annotation.hazards.models import ITEM_TYPE, Prompt, Response, ResponseStatus
from annotation.hazards.selectors.campaigns import campaign_group
from realtime.events import event_send, event_send_now
from realtime.relay import DeltaRelay
from registry.models import ModelVersion
from signalpool.kinds import SignalKind
from signalpool.services import signal_record


def responses_queue(*, prompts: Sequence[Prompt], version: ModelVersion) -> list[Response]:
    """Create queued responses of `version` to `prompts` (skipping those that exist) and send
    them to the gpu queue after the commit, GENERATION_BATCH_SIZE to a task."""
    from annotation.hazards.tasks import responses_generate_task

    have = set(
        Response.objects.filter(prompt__in=prompts, model_version=version).values_list(
            "prompt_id", flat=True
        )
    )
    created = Response.objects.bulk_create(
        Response(prompt=p, model_version=version) for p in prompts if p.pk not in have
    )
    # A batch per task: the gpu worker generates a campaign's prompts together, not one by one.
    size = settings.GENERATION_BATCH_SIZE
    ids = [response.pk for response in created]
    for start in range(0, len(ids), size):
        transaction.on_commit(partial(responses_generate_task.delay, ids[start : start + size]))
    return created


def responses_generate(*, response_ids: Sequence[int]) -> None:
    """Generate queued responses in one batch (gpu queue), streaming each one's text to its
    campaign's group.

    One backend call for the whole batch: the transformers backend decodes the prompts
    together, an OpenAI-compatible server (vLLM) receives them concurrently and batches them
    itself. Idempotent: finished responses are left alone; a redelivered task starts the
    others over, and nothing partial is stored because text, status and signal are written
    together at the end.
    """
    from llm.backends import BackendError, GenerationParams
    from llm.services import backend_for_version

    with transaction.atomic():
        responses = list(
            Response.objects.select_for_update(of=("self",))
            .select_related("prompt__campaign", "model_version__line")
            .filter(pk__in=response_ids, model_version__isnull=False)
            .exclude(status__in=[ResponseStatus.DONE, ResponseStatus.FAILED])
            .order_by("pk")
        )
        for response in responses:
            response.status = ResponseStatus.RUNNING
        Response.objects.bulk_update(responses, ["status"])
    # responses_queue sends one version and one campaign per batch; a batch made otherwise is
    # split here, since one generate call serves one model with one set of parameters.
    batches: dict[tuple[int, int], list[Response]] = {}
    for response in responses:
        assert response.model_version_id is not None
        key = (response.model_version_id, response.prompt.campaign_id)
        batches.setdefault(key, []).append(response)
    for batch in batches.values():
        campaign = batch[0].prompt.campaign
        version = batch[0].model_version
        assert version is not None
        relay = DeltaRelay(
            campaign_group(campaign.pk),
            "response.delta",
            partial(_delta_payload, [r.pk for r in batch]),
        )
        for response in batch:
            event_send_now(relay.group, "response.started", {"id": response.pk})
        try:
            completions = backend_for_version(version).generate(
                [r.prompt.text for r in batch],
                GenerationParams(max_new_tokens=campaign.max_new_tokens, temperature=0.7),
                on_delta=relay,
            )
        except BackendError as exc:
            for response in batch:
                _response_finish(response, status=ResponseStatus.FAILED, error=str(exc))
            continue
        relay.flush()
        for response, completion in zip(batch, completions, strict=True):
            _response_finish(response, status=ResponseStatus.DONE, text=completion.text)


def _delta_payload(response_ids: list[int], index: int) -> dict[str, Any]:
    """The response a streamed delta belongs to: stream `index` of the batch."""
    return {"id": response_ids[index]}


@transaction.atomic
def _response_finish(response: Response, *, status: str, text: str = "", error: str = "") -> None:
    response.status = status
    response.text = text
    response.error = error
    response.finished_at = timezone.now()
    response.save(update_fields=["status", "text", "error", "finished_at"])
    if status == ResponseStatus.DONE and response.model_version is not None:
        signal_record(
            kind=SignalKind.AI_OUTPUT,
            source_model=response.model_version,
            item_type=ITEM_TYPE,
            item_id=response.pk,
            payload={"prompt": response.prompt.text, "completion": text, "params": {}},
            idempotency_key=f"{ITEM_TYPE}:{response.pk}",
        )
    event_send(
        campaign_group(response.prompt.campaign_id),
        "response.completed",
        {"id": response.pk, "status": status},
    )
