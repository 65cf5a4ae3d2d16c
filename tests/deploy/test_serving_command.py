"""`manage.py serving_agent` as deployments run it: it serves the published versions of the
served lines, stops its servers on SIGTERM, and refuses settings it cannot work with."""

import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from llm.models import EndpointState, ServingEndpoint
from llm.openai_server import SERVING_COMMAND
from registry.models import ModelVersion
from tests.conftest import ROOT, child_env, free_port
from tests.deploy.serving import alive, route_of, wait_until

pytestmark = pytest.mark.django_db(transaction=True)


def agent_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    first = free_port()
    settings = {
        "DATA_DIR": str(tmp_path),
        "LLM_OPENAI_LINES": "debater",
        "SERVING_COMMAND": SERVING_COMMAND,
        "SERVING_AGENT_NAME": "command-under-test",
        "SERVING_BIND_HOST": "127.0.0.1",
        "SERVING_ADVERTISE_HOST": "127.0.0.1",
        "SERVING_PORTS": f"{first}-{first + 15}",
        "SERVING_POLL_S": "0.3",
    }
    return child_env(**(settings | extra))


def test_the_agent_serves_the_published_version_and_stops_it_on_sigterm(
    published_lines: list[ModelVersion], tmp_path: Path
) -> None:
    debater = next(v for v in published_lines if v.line.slug == "debater")
    log = tmp_path / "agent.log"
    with log.open("wb") as out:
        agent = subprocess.Popen(
            [sys.executable, "manage.py", "serving_agent"],
            cwd=ROOT,
            env=agent_env(tmp_path),
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_until(lambda: route_of("debater") == debater.pk, "debater-v1 serves the line")
            pid = ServingEndpoint.objects.get(version=debater).pid
            agent.send_signal(signal.SIGTERM)
            code = agent.wait(timeout=90)
        finally:
            if agent.poll() is None:
                agent.kill()
                agent.wait()

    endpoint = ServingEndpoint.objects.get(version=debater)
    assert code == 0, log.read_text()
    assert (endpoint.state, endpoint.error) == (EndpointState.STOPPED, "the serving agent stopped")
    assert pid is not None
    assert not alive(pid)
    assert (
        "serving debater-v1 on http://127.0.0.1:"
        in (tmp_path / "serving" / "debater-v1.log").read_text()
    )


@pytest.mark.parametrize(
    ("env", "message"),
    [
        (
            {"LLM_OPENAI_LINES": ""},
            "CommandError: LLM_OPENAI_LINES is empty: name the lines to serve, "
            "e.g. debater,redteam-target.",
        ),
        (
            {"SERVING_COMMAND": "vllm serve {model}"},
            "CommandError: SERVING_COMMAND 'vllm serve {model}' cannot be filled in ('model'): "
            "use only the placeholders {python}, {path}, {served_name}, {host}, {port}",
        ),
    ],
)
def test_settings_it_cannot_work_with_stop_it_with_one_line(
    env: dict[str, str], message: str, tmp_path: Path, django_db_setup: Any
) -> None:
    result = subprocess.run(
        [sys.executable, "manage.py", "serving_agent"],
        cwd=ROOT,
        env=agent_env(tmp_path, **env),
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [message]
