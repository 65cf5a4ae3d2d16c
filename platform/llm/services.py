from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from llm.backends.base import (
    BackendConfig,
    BackendError,
    GenerationParams,
    LLMBackend,
    ModelRef,
    Verdict,
)
from llm.backends.factory import backend_for
from llm.models import Generation, GenerationStatus
from llm.serving import endpoint_url, serving_managed, serving_version
from realtime.events import event_send, event_send_now
from realtime.relay import DeltaRelay
from registry.models import ModelVersion
from signalpool.kinds import SignalKind
from signalpool.services import signal_record


def backend_config(*, openai_base_url: str = "") -> BackendConfig:
    """The backend settings: the OpenAI-compatible server at `openai_base_url` when given,
    else the configured LLM_BACKEND."""
    return BackendConfig(
        kind="openai" if openai_base_url else settings.LLM_BACKEND,
        device=settings.LLM_DEVICE,
        openai_base_url=openai_base_url or settings.LLM_OPENAI_BASE_URL,
        openai_api_key=settings.LLM_OPENAI_API_KEY,
        timeout_s=settings.LLM_TIMEOUT_S,
        hub_offline=settings.HF_HUB_OFFLINE,
    )


def backend_for_version(version: ModelVersion) -> LLMBackend:
    """The backend serving `version`: the server the serving agent runs for it on lines in
    LLM_OPENAI_LINES (waiting for it to answer), the workers' own backend on other lines."""
    url = endpoint_url(version) if serving_managed(version.line.slug) else ""
    return backend_for(
        ModelRef(uri=version.uri, served_name=version.served_name),
        backend_config(openai_base_url=url),
    )


def options_score(
    *, version: ModelVersion, prompts: Sequence[str], options: Sequence[str]
) -> list[Verdict]:
    """How `version` chooses among `options` after each prompt: what AI judges, labellers and
    voters decide by. Raises BackendError when the model cannot be reached or cannot score.

    Call it outside any transaction: it waits on the model.
    """
    return backend_for_version(version).score(prompts, options)


@transaction.atomic
def generation_request(
    *, user: Any, line: str, prompt: str, max_new_tokens: int = 128, temperature: float = 0.7
) -> Generation:
    """Queue a generation by the line's current version; the gpu queue runs it."""
    from llm.tasks import generation_run_task

    version = serving_version(line=line)
    if version is None:
        raise ValidationError({"line": f"Model line {line!r} has no published version."})
    try:
        GenerationParams(max_new_tokens=max_new_tokens, temperature=temperature)
    except ValueError as exc:
        raise ValidationError({"params": str(exc)}) from exc
    generation = Generation.objects.create(
        requested_by=user,
        model_version=version,
        prompt=prompt,
        params={"max_new_tokens": max_new_tokens, "temperature": temperature},
    )
    transaction.on_commit(lambda: generation_run_task.delay(generation.pk))
    return generation


def generation_run(*, generation_id: int) -> None:
    """Run one queued generation (idempotent: a finished one is left as it is).

    A redelivered task, after its worker died, starts the generation over; nothing partial is
    stored because the output and its signal are written together at the end.
    """
    with transaction.atomic():
        generation = (
            # Only the generation's row: locking the joined version and line rows too would
            # deadlock with a publish, which locks the line and then updates the versions.
            Generation.objects.select_for_update(of=("self",))
            .select_related("model_version__line")
            .filter(pk=generation_id)
            .first()
        )
        if generation is None or generation.status in {
            GenerationStatus.DONE,
            GenerationStatus.FAILED,
        }:
            return
        # A generation asks for its line's model, not one version: if the line switched while
        # this one waited in the queue, it runs on (and records) the new version. The old
        # version's server is then only needed by the generations already running on it.
        current = serving_version(line=generation.model_version.line.slug)
        if current is not None:
            generation.model_version = current
        generation.status = GenerationStatus.RUNNING
        generation.started_at = timezone.now()
        generation.save(update_fields=["model_version", "status", "started_at"])
    group = f"generation:{generation.pk}"
    event_send_now(group, "generation.started", {"id": generation.pk})
    relay = DeltaRelay(group, "generation.delta", lambda _index: {"id": generation.pk})
    params = GenerationParams(
        max_new_tokens=generation.params["max_new_tokens"],
        temperature=generation.params["temperature"],
    )
    try:
        backend = backend_for_version(generation.model_version)
        [completion] = backend.generate([generation.prompt], params, on_delta=relay)
    except BackendError as exc:
        _generation_finish(generation, status=GenerationStatus.FAILED, error=str(exc))
        return
    relay.flush()
    _generation_finish(generation, status=GenerationStatus.DONE, output=completion.text)


@transaction.atomic
def _generation_finish(
    generation: Generation, *, status: str, output: str = "", error: str = ""
) -> None:
    generation.status = status
    generation.output = output
    generation.error = error
    generation.finished_at = timezone.now()
    generation.save(update_fields=["status", "output", "error", "finished_at"])
    if status == GenerationStatus.DONE:
        signal_record(
            kind=SignalKind.AI_OUTPUT,
            source_model=generation.model_version,
            item_type="llm.generation",
            item_id=generation.pk,
            payload={
                "prompt": generation.prompt,
                "completion": output,
                "params": generation.params,
            },
            idempotency_key=f"llm.generation:{generation.pk}",
        )
    event_send(
        f"generation:{generation.pk}",
        "generation.completed",
        {"id": generation.pk, "status": status},
    )
