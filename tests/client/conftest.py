from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from coalign_client.cli.main import cli
from tests.conftest import daphne_serving


@pytest.fixture(scope="module")
def live_url(django_db_setup: None, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """daphne serving the API on the test database, for the client to talk to over HTTP."""
    log = tmp_path_factory.mktemp("daphne") / "daphne.log"
    with daphne_serving(log, ALLOWED_HOSTS="127.0.0.1,localhost") as url:
        yield url


@pytest.fixture
def config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The command line's config folder, empty, with no login in the environment."""
    home = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    monkeypatch.delenv("COALIGN_URL", raising=False)
    monkeypatch.delenv("COALIGN_TOKEN", raising=False)
    return home


@pytest.fixture
def coalign(config_home: Path) -> Callable[..., Result]:
    """Run `coalign ARGS` in this process, with extra environment variables."""
    runner = CliRunner()

    def run(*args: str, **env: str) -> Result:
        return runner.invoke(cli, list(args), env=env, prog_name="coalign", catch_exceptions=False)

    return run


def error_line(result: Result) -> str:
    """The one line a failed command prints (nothing on stdout)."""
    assert result.exit_code != 0, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert not result.stdout.strip(), result.stdout
    return lines[0]
