"""The client's own logic, without a server: the error line, retries under one Idempotency-Key,
and where the login is kept."""

import json
import stat
from pathlib import Path

import httpx
import pytest

from coalign_client.config import ConfigError, Login, login_load, login_save
from coalign_client.errors import ApiError
from coalign_client.generated.models import RunStatusEnum
from coalign_client.session import Session


@pytest.mark.parametrize(
    ("status", "body", "line"),
    [
        (
            400,
            {
                "detail": "Invalid input: see the field messages.",
                "code": "invalid",
                "fields": {
                    "config": {"max_steps": ["Must be at least 1."]},
                    "debaters": [{}, {"line": ["No such line.", "Or version."]}],
                    "non_field_errors": ["Give a snapshot or a recipe."],
                },
            },
            "HTTP 400: config.max_steps: Must be at least 1.; "
            "debaters[1].line: No such line. Or version.; Give a snapshot or a recipe.",
        ),
        (
            409,
            {"detail": "The line has an active run.", "code": "conflict"},
            "HTTP 409: The line has an active run.",
        ),
        (502, "<html>\n<h1>Bad Gateway</h1>", "HTTP 502: <html>"),
    ],
)
def test_an_error_answer_reads_as_one_line(status: int, body: object, line: str) -> None:
    content = json.dumps(body).encode() if isinstance(body, dict) else str(body).encode()
    error = ApiError.from_answer(status, content)
    assert str(error) == line
    assert error.status == status


RUN = {
    "id": 7, "line": "judge", "recipe": "dpo", "config": {}, "base_version": 1,
    "base_version_number": 1, "snapshot": 3, "snapshot_hash": "", "trigger": "admin",
    "auto_publish": False, "status": "waiting", "step": 0, "total_steps": 0, "loss": None,
    "eta_s": None, "history": [], "attempts": 0, "resumed_from_step": 0, "devices": None,
    "cancelled_by": None, "cancel_reason": "", "version": None, "version_number": None,
    "timings": {}, "error": "", "created_at": "2026-11-30T10:00:00Z", "started_at": None,
    "finished_at": None,
}  # fmt: skip


def test_a_write_is_retried_after_a_503_with_the_same_idempotency_key(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("coalign_client.transport.time.sleep", lambda seconds: None)
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if len(seen) == 1:
            return httpx.Response(503, json={"detail": "Redis is down.", "code": "unavailable"})
        return httpx.Response(201, json=RUN)

    session = Session(Login(url="http://coalign.test", token="t"))
    session.client.set_httpx_client(
        httpx.Client(base_url="http://coalign.test", transport=httpx.MockTransport(answer))
    )
    run = session.run_start(line="judge", recipe="dpo", config={"max_steps": 2}, snapshot=None)
    assert (run.id, run.status) == (7, RunStatusEnum.WAITING)
    assert len(seen) == 2
    keys = {request.headers["Idempotency-Key"] for request in seen}
    assert len(keys) == 1
    # Arguments left as None are the server's to choose: they are not sent.
    assert json.loads(seen[1].content) == {
        "line": "judge",
        "recipe": "dpo",
        "config": {"max_steps": 2},
    }


def test_the_login_file_is_private_and_the_environment_overrides_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("COALIGN_URL", raising=False)
    monkeypatch.delenv("COALIGN_TOKEN", raising=False)
    path = tmp_path / "coalign" / "config.json"
    path.parent.mkdir()
    path.write_text("{}")
    path.chmod(0o644)
    with pytest.raises(ConfigError, match="Not logged in"):
        login_load(path=path)

    login_save(Login(url="https://a.example", token="secret"), path=path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert login_load(path=path) == Login(url="https://a.example", token="secret")
    monkeypatch.setenv("COALIGN_TOKEN", "other")
    assert login_load(path=path) == Login(url="https://a.example", token="other")
    monkeypatch.setenv("COALIGN_URL", "ftp://b.example")
    with pytest.raises(ConfigError, match="must look like https://"):
        login_load(path=path)
