"""A real HTTP receiver on the loopback interface, which deliveries reach only where the test
allows private addresses (the `settings` fixture, or the worker's environment)."""

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from accounts.roles import Role
from webhooks.models import WebhookEndpoint
from webhooks.services.endpoints import webhook_endpoint_create


@dataclass
class Received:
    headers: dict[str, str]
    body: bytes


@dataclass
class Receiver:
    url: str
    # Answers in order, one per request: (status, body, seconds to wait before answering);
    # once used up, every request gets 200.
    answers: list[tuple[int, str, float]] = field(default_factory=list)
    requests: list[Received] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def wait_for(self, count: int, timeout: float = 60) -> list[Received]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                if len(self.requests) >= count:
                    return list(self.requests)
            time.sleep(0.05)
        pytest.fail(f"the receiver got {len(self.requests)} requests, not {count}")


def _handler(receiver: Receiver) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            with receiver.lock:
                receiver.requests.append(Received(dict(self.headers.items()), body))
                status, text, delay = (
                    receiver.answers.pop(0) if receiver.answers else (200, "ok", 0.0)
                )
            time.sleep(delay)
            self.send_response(status)
            if 300 <= status < 400:
                self.send_header("Location", receiver.url + "elsewhere/")
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.end_headers()
            self.wfile.write(text.encode())

        def log_message(self, *args: Any) -> None:
            pass

    return Handler


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that went away (a killed worker) is part of the tests, not an error.
        pass


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    receiver = Receiver(url="")
    server = _Server(("127.0.0.1", 0), _handler(receiver))
    receiver.url = f"http://127.0.0.1:{server.server_address[1]}/hooks/"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield receiver
    server.shutdown()
    server.server_close()


@pytest.fixture
def allow_private(settings: Any) -> None:
    settings.WEBHOOKS_ALLOW_PRIVATE = True


@pytest.fixture
def endpoint_for(
    make_user: Callable[..., Any], allow_private: None
) -> Callable[..., WebhookEndpoint]:
    """An active endpoint at `url` subscribed to `event_types` (all of them by default)."""
    from webhooks.models import EventType

    def make(url: str, event_types: list[str] | None = None) -> WebhookEndpoint:
        return webhook_endpoint_create(
            url=url,
            event_types=event_types or list(EventType.values),
            user=make_user(Role.RESEARCHER),
        )

    return make
