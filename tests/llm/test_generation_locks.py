"""A generation locks only its own row: publishing (which locks the line, then updates its
versions) and generations starting at the same moment never wait on each other in a cycle."""

import threading
from typing import Any

import pytest
from django.db import connection, transaction

from accounts.roles import Role
from llm.models import GenerationStatus
from llm.services import generation_run
from registry.models import ModelLine, ModelVersion
from tests.factories import GenerationFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_generation_starts_while_a_publish_holds_its_line(
    published_lines: list[ModelVersion], make_user: Any
) -> None:
    debater = next(v for v in published_lines if v.line.slug == "debater")
    generation = GenerationFactory.create(
        requested_by=make_user(Role.RESEARCHER),
        model_version=debater,
        params={"max_new_tokens": 2, "temperature": 0.0},
    )
    locked, release = threading.Event(), threading.Event()

    def publish_in_progress() -> None:
        with transaction.atomic():
            ModelLine.objects.select_for_update().get(slug="debater")
            locked.set()
            release.wait(60)
        connection.close()

    holder = threading.Thread(target=publish_in_progress)
    holder.start()
    try:
        assert locked.wait(30)
        runner = threading.Thread(target=_run, args=(generation.pk,))
        runner.start()
        runner.join(60)
        finished_while_locked = not runner.is_alive()
    finally:
        release.set()
        holder.join(30)
    generation.refresh_from_db()
    assert finished_while_locked
    assert generation.status == GenerationStatus.DONE


def _run(generation_id: int) -> None:
    generation_run(generation_id=generation_id)
    connection.close()
