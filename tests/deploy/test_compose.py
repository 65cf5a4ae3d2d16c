"""deploy/compose.yaml: valid against the Compose Specification's JSON schema, and complete."""

import copy
import json
import re
import subprocess
from typing import Any

import jsonschema
import pytest
import yaml

from llm.serving_agent import command_args
from tests.conftest import ROOT

DEPLOY = ROOT / "deploy"
SCHEMA = json.loads((DEPLOY / "schemas" / "compose-spec.json").read_text())
RAW = (DEPLOY / "compose.yaml").read_text()
COMPOSE: dict[str, Any] = yaml.safe_load(RAW)
SERVICES: dict[str, Any] = COMPOSE["services"]
# ${NAME}, ${NAME:-default}, ${NAME:?error}; "$$" is a literal dollar sign.
VARIABLE = re.compile(r"(?<!\$)\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?[-?][^}]*)?\}")


def schema_errors(document: dict[str, Any]) -> list[str]:
    validator = jsonschema.Draft202012Validator(SCHEMA)
    errors = validator.iter_errors(document)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors]


def env_example() -> dict[str, str]:
    pairs = {}
    for line in (DEPLOY / "env.example").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, value = line.partition("=")
            pairs[name] = value
    return pairs


def test_the_compose_file_validates_against_the_compose_spec() -> None:
    assert schema_errors(COMPOSE) == []


@pytest.mark.parametrize(
    "break_it",
    [
        lambda c: c["services"]["web"].update(replica=2),
        lambda c: c["services"]["beat"].update(depends_on=7),
        lambda c: c["services"]["redis"]["healthcheck"].update(interval=[5]),
    ],
    ids=["unknown-key", "wrong-type", "bad-healthcheck"],
)
def test_a_broken_compose_file_does_not_validate(break_it: Any) -> None:
    broken = copy.deepcopy(COMPOSE)
    break_it(broken)

    assert schema_errors(broken)


def test_every_part_of_a_single_host_deployment_is_there() -> None:
    assert {
        "postgres",
        "redis",
        "migrate",
        "web",
        "worker-default",
        "worker-gpu",
        "beat",
        "serving",
    } <= set(SERVICES)
    assert "postgres" in COMPOSE["volumes"]
    assert "data" in COMPOSE["volumes"]


def test_services_depend_only_on_services_that_exist_and_wait_for_the_migration() -> None:
    for name, service in SERVICES.items():
        assert set(service.get("depends_on", {})) <= set(SERVICES), name
    for name in ("web", "worker-default", "worker-gpu", "beat", "serving"):
        migrate = SERVICES[name]["depends_on"]["migrate"]
        assert migrate == {"condition": "service_completed_successfully"}, name


def test_the_workers_listen_on_their_own_queues_and_beat_runs_once() -> None:
    assert SERVICES["worker-default"]["command"][4:6] == ["-Q", "default"]
    # The gpu worker keeps the image's command: the gpu queue, one task at a time.
    gpu_cmd = (DEPLOY / "docker" / "gpu.Dockerfile").read_text().splitlines()[-1]
    assert '"-Q", "gpu"' in gpu_cmd
    assert '"-c", "1"' in gpu_cmd
    assert SERVICES["beat"]["deploy"]["replicas"] == 1


@pytest.mark.parametrize("name", ["worker-gpu", "serving"])
def test_gpu_services_reserve_an_nvidia_device(name: str) -> None:
    [device] = SERVICES[name]["deploy"]["resources"]["reservations"]["devices"]

    assert device["driver"] == "nvidia"
    assert device["capabilities"] == ["gpu"]


def test_the_serving_agent_runs_vllm_once_and_advertises_its_service_name() -> None:
    serving = SERVICES["serving"]
    env = serving["environment"]
    args = command_args(
        env["SERVING_COMMAND"], path="/m", served_name="debater-v2", host="h", port=1
    )

    assert serving["command"] == ["python", "manage.py", "serving_agent"]
    assert serving["deploy"]["replicas"] == 1
    assert args[:3] == ["vllm", "serve", "/m"]
    assert args[args.index("--served-model-name") + 1] == "debater-v2"
    assert env["SERVING_ADVERTISE_HOST"] == "serving"
    # Settings are read from the environment: the platform's and the agent's own.
    assert env["DATABASE_URL"] == SERVICES["web"]["environment"]["DATABASE_URL"]
    assert "LLM_OPENAI_BASE_URL" not in SERVICES["web"]["environment"]


def test_the_example_env_file_sets_every_variable_the_compose_file_requires() -> None:
    required = set(re.findall(r"\$\{([A-Za-z_][A-Za-z0-9_]*):\?", RAW))
    used = set(VARIABLE.findall(RAW))
    example = env_example()

    assert required
    assert required <= set(example)
    # Nothing in the example is ignored by the compose file.
    assert set(example) <= used


def test_no_secret_is_committed_in_the_compose_file() -> None:
    for service in SERVICES.values():
        for key, value in (service.get("environment") or {}).items():
            if any(word in key for word in ("PASSWORD", "SECRET", "KEY")) and value:
                assert str(value).startswith("${"), key


def test_the_real_env_file_is_ignored_by_git() -> None:
    result = subprocess.run(
        ["git", "check-ignore", "--no-index", "deploy/.env"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=30,
    )

    assert result.stdout.strip() == "deploy/.env"


def test_services_on_the_web_image_that_serve_no_http_replace_its_health_check() -> None:
    """The web image's HEALTHCHECK asks localhost:8000, which only `web` listens on."""
    for name, service in SERVICES.items():
        if service.get("image", "").startswith("${COALIGN_WEB_IMAGE") and name != "web":
            assert "healthcheck" in service, name
