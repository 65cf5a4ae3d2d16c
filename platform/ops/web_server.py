"""The web server: uvicorn worker processes, each accepting on a listening socket of its own.

    python -m ops.web_server --host 0.0.0.0 --port 8000 --workers 2

uvicorn's `--workers` binds one socket in the parent and every worker accepts from it. The
worker whose event loop wakes first takes every connection waiting (asyncio and uvloop accept
in a loop), so keep-alive clients that connect at about the same time all land on one process
while the others idle: with 2 workers on 2 cores the write-path benchmark ran at one process's
rate (bench/README.md, "Write path"). Here each worker binds its own socket to the address with
SO_REUSEPORT and the kernel spreads new connections over the workers by a hash of the
connection's addresses (uvicorn pull request #2472 proposes the same upstream; uvicorn's
supervisor hands every worker the same sockets, and its `--fd` takes any socket for a Unix one,
which would lose the clients' addresses). This process starts the workers, restarts one that
dies, and passes SIGINT and SIGTERM on to them (uvicorn's graceful shutdown); the workers stop
when it dies. A socket goes with its worker: connections queued on a worker killed with SIGKILL
are reset, and clients reconnect to the others while it restarts.
"""

import argparse
import ctypes
import os
import signal
import socket
import subprocess
import sys
import threading
import time

import uvicorn

APP = "config.asgi:application"


def server_config(argv: list[str]) -> tuple[uvicorn.Config, bool]:
    """uvicorn's configuration from the command line, and whether this is one of the workers."""
    parser = argparse.ArgumentParser(prog="python -m ops.web_server", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument(
        "--workers",
        type=int,
        default=os.environ.get("WEB_CONCURRENCY") or "1",
        help="worker processes (default: WEB_CONCURRENCY, else 1)",
    )
    parser.add_argument(
        "--proxy-headers",
        action="store_true",
        help="take the client's address and scheme from X-Forwarded-For/-Proto (behind a proxy)",
    )
    parser.add_argument(
        "--timeout-graceful-shutdown",
        type=int,
        default=10,
        help="seconds open websockets get after SIGTERM before they are closed (1012)",
    )
    parser.add_argument("--serve-one-worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.workers < 1:
        parser.error(f"--workers is {args.workers}: give 1 or more worker processes.")
    config = uvicorn.Config(
        APP,
        host=args.host,
        port=args.port,
        workers=args.workers,
        # Django's ASGI handler has no lifespan events.
        lifespan="off",
        # Without a proxy the client's address is the peer's; REST_FRAMEWORK's NUM_PROXIES
        # reads X-Forwarded-For as far as it is trusted.
        proxy_headers=args.proxy_headers,
        forwarded_allow_ips="*" if args.proxy_headers else None,
        access_log=False,
        # Events are small JSON messages and one event goes to every socket of a group: with
        # permessage-deflate each socket compressed each one again, for a few bytes saved.
        # Without it p99 at 1,000 sockets on one process fell from 79-95 to 57-60 ms
        # (bench/README.md, "Write path and live events").
        ws_per_message_deflate=False,
        timeout_graceful_shutdown=args.timeout_graceful_shutdown,
    )
    return config, args.serve_one_worker


def bound_socket(config: uvicorn.Config) -> socket.socket:
    """A socket bound to the server's address that the other workers' sockets may share."""
    family, kind, proto, _, address = socket.getaddrinfo(
        config.host, config.port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
    )[0]
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind(address)
    return sock


# prctl(2): the signal the kernel sends this process when its parent dies.
PR_SET_PDEATHSIG = 1


def serve_one_worker(config: uvicorn.Config) -> None:
    """A worker process: a listening socket of its own at the address, uvicorn's server on it."""
    if sys.platform == "linux":
        # Stop (gracefully) when the supervising process dies, even by SIGKILL, rather than
        # go on serving the port alone with nobody to restart or stop it.
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    sock = bound_socket(config)
    sock.listen(config.backlog)
    uvicorn.Server(config).run(sockets=[sock])


# A worker that exits with an error this soon after its start failed to start (the address, the
# application's import, the settings): starting it again would fail the same way.
STARTUP_S = 10.0


def supervise_workers(argv: list[str], workers: int) -> int:
    """Start the workers, replace one that exits, stop them on SIGINT/SIGTERM. Exit code out."""
    stopping = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda _sig, _frame: stopping.set())
    command = [sys.executable, "-m", "ops.web_server", *argv, "--serve-one-worker"]

    def start() -> tuple[subprocess.Popen[bytes], float]:
        return subprocess.Popen(command), time.monotonic()

    children = [start() for _ in range(workers)]
    failed = False
    while not stopping.wait(0.5):
        for index, (child, started) in enumerate(children):
            code = child.poll()
            if code is None:
                continue
            if code > 0 and time.monotonic() - started < STARTUP_S:
                print(
                    f"co-align web: a worker exited with code {code} while starting "
                    "(its log is above); stopping the others.",
                    file=sys.stderr,
                )
                failed = True
                stopping.set()
                break
            print(
                f"co-align web: worker {child.pid} exited with code {code}; starting another.",
                file=sys.stderr,
            )
            children[index] = start()
    for child, _ in children:
        if child.poll() is None:
            child.send_signal(signal.SIGTERM)
    for child, _ in children:
        child.wait()
    return 1 if failed else 0


def main(argv: list[str]) -> None:
    config, one_worker = server_config(argv)
    if one_worker:
        serve_one_worker(config)
    elif config.workers == 1:
        uvicorn.Server(config).run()
    else:
        # The parent only checks that the address is free: a socket it kept listening on would
        # be given connections nobody accepts. Bound, not listening, it takes none.
        try:
            bound_socket(config).close()
        except OSError as exc:
            address = f"{config.host}:{config.port}"
            sys.exit(f"co-align web: cannot listen on {address} ({exc.strerror}).")
        sys.exit(supervise_workers(argv, config.workers))


if __name__ == "__main__":
    main(sys.argv[1:])
