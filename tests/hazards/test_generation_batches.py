"""A campaign's prompts reach the gpu queue in batches and each batch is generated in one call."""

from typing import Any

import pytest

from annotation.hazards import importers
from annotation.hazards.models import Response, ResponseStatus
from annotation.hazards.services.campaigns import campaign_create, prompts_add
from annotation.hazards.services.generation import responses_generate
from config.celery import app
from signalpool.models import Signal

pytestmark = pytest.mark.django_db(transaction=True)


def drain_gpu_queue() -> list[list[Any]]:
    """The positional arguments of every task waiting on the gpu queue, taken off it."""
    tasks = []
    with app.connection_for_read() as connection:
        queue = connection.SimpleQueue("gpu", no_ack=True)
        while True:
            try:
                message = queue.get(block=False)
            except queue.Empty:
                break
            args, _kwargs, _embed = message.decode()
            tasks.append(args)
        queue.close()
    return tasks


def test_prompts_are_queued_and_generated_in_batches(published_lines, settings) -> None:
    settings.GENERATION_BATCH_SIZE = 2
    app.control.purge()
    campaign = campaign_create(name="batches", user=None, line="redteam-target", max_new_tokens=4)
    rows = [importers.PromptRow(external_id=str(i), text=f"attack {i}") for i in range(3)]
    prompts_add(campaign=campaign, rows=rows, source="file")

    ids = sorted(Response.objects.filter(prompt__campaign=campaign).values_list("pk", flat=True))
    assert drain_gpu_queue() == [[ids[:2]], [ids[2:]]]

    responses_generate(response_ids=ids)
    responses = Response.objects.filter(pk__in=ids)
    assert {r.status for r in responses} == {ResponseStatus.DONE}
    assert Signal.objects.filter(kind="ai_output", item_id__in=[str(i) for i in ids]).count() == 3
    # A redelivered batch leaves finished responses alone: no second signal, no new text.
    texts = {r.pk: r.text for r in responses}
    responses_generate(response_ids=ids)
    assert {r.pk: r.text for r in Response.objects.filter(pk__in=ids)} == texts
    assert Signal.objects.filter(kind="ai_output", item_id__in=[str(i) for i in ids]).count() == 3
