"""Every middleware runs in the request's thread under ASGI.

Django runs a middleware in async mode when it lies between the view and the innermost
sync-only middleware, and then hands each of its request and response hooks from the event
loop to the request's thread and back: ten hand-offs per request with the idempotency
middleware in the middle of the chain, five with it last (bench/README.md, "Write path").
"""

from typing import Any

import pytest
from asgiref.sync import SyncToAsync
from asgiref.testing import ApplicationCommunicator

from config.asgi import application


async def test_no_middleware_hook_is_handed_to_a_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    handed: list[str] = []
    hand_off = SyncToAsync.__call__

    async def recorded(self: SyncToAsync, *args: Any, **kwargs: Any) -> Any:
        handed.append(getattr(self.func, "__qualname__", ""))
        return await hand_off(self, *args, **kwargs)

    monkeypatch.setattr(SyncToAsync, "__call__", recorded)
    path = "/api/auth/me/"
    scope = {
        "type": "http",
        "http_version": "1.1",
        "method": "GET",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "headers": [(b"host", b"localhost")],
        "scheme": "http",
        "server": ("localhost", 80),
        "client": ("127.0.0.1", 50000),
    }
    request = ApplicationCommunicator(application, scope)
    await request.send_input({"type": "http.request", "body": b"", "more_body": False})
    started = await request.receive_output(5)
    await request.receive_output(5)
    assert started["status"] == 401
    assert "View.as_view.<locals>.view" in handed  # the recording sees hand-offs
    hooks = [name for name in handed if name.endswith(("process_request", "process_response"))]
    assert hooks == []
