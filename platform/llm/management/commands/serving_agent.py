"""Run the serving agent of this host (see llm.serving_agent and deploy/README.md)."""

import logging
import signal
import threading
from types import FrameType
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, close_old_connections

from llm.serving_agent import AgentConfig, AgentConfigError, ServingAgent

log = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Start, watch and stop the OpenAI-compatible servers (vLLM) of the LLM_OPENAI_LINES' "
        "versions, and switch each line to its published version once that one answers."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.LLM_OPENAI_LINES:
            raise CommandError(
                "LLM_OPENAI_LINES is empty: name the lines to serve, e.g. debater,redteam-target."
            )
        try:
            agent = ServingAgent(AgentConfig.from_settings())
        except AgentConfigError as exc:
            raise CommandError(str(exc)) from exc
        agent.adopt()
        stop = threading.Event()

        def request_stop(signum: int, _frame: FrameType | None) -> None:
            stop.set()

        signal.signal(signal.SIGTERM, request_stop)
        signal.signal(signal.SIGINT, request_stop)
        self.stdout.write(
            f"serving agent {settings.SERVING_AGENT_NAME}: lines "
            f"{', '.join(settings.LLM_OPENAI_LINES)} ({settings.SERVING_MANAGER})"
        )
        try:
            while not stop.is_set():
                try:
                    agent.reconcile()
                except DatabaseError as exc:
                    # A database restart must not take the servers down with the agent.
                    log.warning("serving agent pass failed, retrying: %s", exc)
                    close_old_connections()
                stop.wait(settings.SERVING_POLL_S)
        finally:
            agent.shutdown()
