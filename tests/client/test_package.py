"""The client installs with pip from the repository, and the committed generated layer is checked
against the schema (`make client-check`)."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

CLIENT = ROOT / "client"


def _client_copy(into: Path) -> Path:
    """client/ (and the schema beside it, as in the repository) copied, so that building or
    regenerating leaves nothing in the working tree."""
    shutil.copytree(CLIENT, into / "client", ignore=shutil.ignore_patterns("__pycache__", "build"))
    (into / "frontend").mkdir()
    shutil.copy(ROOT / "frontend" / "openapi.yaml", into / "frontend" / "openapi.yaml")
    return into / "client"


def test_pip_installs_the_package_with_its_coalign_command(tmp_path: Path) -> None:
    source, target = _client_copy(tmp_path), tmp_path / "installed"
    # No build isolation: the test must not need the package index for setuptools.
    pip = [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation"]
    subprocess.run([*pip, "--target", str(target), str(source)], check=True, capture_output=True)
    assert (
        target / "coalign_client" / "generated" / "api" / "loop" / "loop_runs_create.py"
    ).is_file()
    assert (target / "coalign_client" / "py.typed").is_file()
    # Only the installed copy is importable: not client/ of the repository (pytest's path).
    env = {**os.environ, "PYTHONPATH": str(target)}
    result = subprocess.run(
        [str(target / "bin" / "coalign"), "--help"], env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Usage: coalign [OPTIONS] COMMAND [ARGS]...")
    for command in ("login", "questions", "prompts", "debates", "campaigns", "runs", "studies"):
        assert f"  {command} " in result.stdout


def test_the_drift_check_passes_a_current_client_and_fails_a_stale_one(tmp_path: Path) -> None:
    source = _client_copy(tmp_path)

    def check() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, str(source / "generate.py"), "--check"],
            capture_output=True,
            text=True,
        )

    current = check()
    assert current.returncode == 0, current.stderr
    (source / "coalign_client" / "generated" / "models" / "run.py").write_text("# edited\n")
    stale = check()
    assert stale.returncode == 1
    assert "is out of date with frontend/openapi.yaml: run 'make client'" in stale.stderr
