"""Live events: worker -> browser latency with many open websockets per web process.

    .venv/bin/python bench/events.py                          # 1, 100, 1,000, 5,000 sockets
    .venv/bin/python bench/events.py --sockets 2000 --processes 2 --events 10

A worker-side `event_send_now` to the `registry` group (the path every published version,
generation and tally takes) is timed from the sender's clock to each websocket's receipt, on
loopback. The web server is the one `make web` runs (ops/web_server.py, ops/supervisor.
web_command) with --processes worker processes, each on a socket of its own at the port, which
share groups through the Redis channel layer. Each level opens N sockets (one logged-in user,
as N browser tabs), subscribes each to `registry`, sends --events events --interval seconds
apart, and counts what every socket got: refused or failed subscriptions, events delivered out
of N x events, latency p50/p99.

PostgreSQL: an instance of its own (bench/write_path.own_postgres); Redis: REDIS_URL's, under a
prefix of its own. Prints one table with the machine and the date.
"""

import argparse
import asyncio
import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import websockets
from websockets.asyncio.client import ClientConnection, connect

sys.path[:0] = [str(Path(__file__).resolve().parents[1])]
from bench.lib.databases import createdb, own_postgres  # noqa: E402
from bench.lib.machine import cpu_name  # noqa: E402
from bench.lib.processes import free_port  # noqa: E402
from bench.lib.servers import ROOT, coalign_env, serve  # noqa: E402

SESSION = """
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.models import User
from django.contrib.sessions.backends.db import SessionStore

user = User.objects.create(username="bench-events")
session = SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = "accounts.permission_cache.CachedModelBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.create()
print(session.session_key)
"""

SENDER = """
import sys, time
from realtime.events import event_send_now

events, interval = int(sys.argv[1]), float(sys.argv[2])
for i in range(events):
    event_send_now("registry", "bench.ping", {"i": i, "sent": time.time()})
    time.sleep(interval)
"""


@dataclass
class Level:
    processes: int
    sockets: int
    events: int
    subscribed: int = 0
    refused: dict[str, int] = field(default_factory=dict)
    latencies_ms: list[float] = field(default_factory=list)
    connect_s: float = 0.0

    def pct(self, q: float) -> float:
        if not self.latencies_ms:
            return float("nan")
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def django(env: dict[str, str], code: str, *args: str) -> str:
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); exec(open('/dev/stdin').read())",
            *args,
        ],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "config.settings"},
        input=code,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""


async def subscriber(
    port: int, cookie: str, level: Level, opened: asyncio.Semaphore, ready: list[ClientConnection]
) -> None:
    """Open a socket and subscribe it to `registry`; a failure is counted, not raised."""
    async with opened:
        try:
            socket = await connect(
                f"ws://127.0.0.1:{port}/ws/events/",
                additional_headers={"Cookie": cookie, "Origin": f"http://127.0.0.1:{port}"},
                open_timeout=60,
                ping_interval=None,
                max_queue=None,
            )
            await socket.send(json.dumps({"action": "subscribe", "group": "registry"}))
            while True:
                reply = json.loads(await asyncio.wait_for(socket.recv(), timeout=60))
                if reply.get("group") == "registry":
                    break
            if reply["type"] != "subscribed":
                level.refused[reply["type"]] = level.refused.get(reply["type"], 0) + 1
                await socket.close()
                return
        except (OSError, TimeoutError, websockets.exceptions.WebSocketException) as exc:
            name = type(exc).__name__
            level.refused[name] = level.refused.get(name, 0) + 1
            return
    level.subscribed += 1
    ready.append(socket)


async def listen(socket: ClientConnection, level: Level, deadline: float) -> None:
    got = 0
    try:
        while got < level.events:
            message = json.loads(
                await asyncio.wait_for(socket.recv(), timeout=max(0.1, deadline - time.time()))
            )
            if message.get("type") == "bench.ping":
                level.latencies_ms.append((time.time() - message["payload"]["sent"]) * 1000)
                got += 1
    except (TimeoutError, websockets.exceptions.WebSocketException):
        return


async def run_level(
    level: Level, port: int, cookie: str, env: dict[str, str], interval: float
) -> None:
    ready: list[ClientConnection] = []
    opened = asyncio.Semaphore(200)
    start = time.perf_counter()
    await asyncio.gather(
        *(subscriber(port, cookie, level, opened, ready) for _ in range(level.sockets))
    )
    level.connect_s = time.perf_counter() - start
    deadline = time.time() + level.events * interval + 60
    listeners = [asyncio.create_task(listen(s, level, deadline)) for s in ready]
    sender = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        "import django; django.setup(); exec(open('/dev/stdin').read())",
        str(level.events),
        str(interval),
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "config.settings"},
        stdin=asyncio.subprocess.PIPE,
    )
    await sender.communicate(SENDER.encode())
    await asyncio.gather(*listeners)
    await asyncio.gather(*(s.close() for s in ready), return_exceptions=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sockets", type=int, nargs="+", default=[1, 100, 1000, 5000])
    parser.add_argument("--processes", type=int, default=1, help="web worker processes")
    parser.add_argument("--events", type=int, default=20)
    parser.add_argument("--interval", type=float, default=0.25, help="seconds between events")
    args = parser.parse_args()
    sys.path[:0] = [str(ROOT / "platform")]
    from ops.supervisor import web_command

    results: list[Level] = []
    with own_postgres(max_connections=200) as server:
        env = coalign_env(createdb(server, "coalign"), args.processes)
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "-v", "0"], cwd=ROOT, env=env, check=True
        )
        cookie = f"sessionid={django(env, SESSION)}"
        port = free_port()
        argv = web_command(host="127.0.0.1", port=port, workers=args.processes)
        with serve(argv, env=env, cwd=ROOT, url=f"http://127.0.0.1:{port}/api/health/"):
            for sockets in args.sockets:
                level = Level(args.processes, sockets, args.events)
                asyncio.run(run_level(level, port, cookie, env, args.interval))
                results.append(level)
                delivered = len(level.latencies_ms)
                print(
                    f"  {sockets:>5} sockets: subscribed {level.subscribed} in "
                    f"{level.connect_s:.1f} s, refused {level.refused or 0}, delivered "
                    f"{delivered}/{sockets * args.events}, p50 {level.pct(0.5):.0f} ms "
                    f"p99 {level.pct(0.99):.0f} ms",
                    flush=True,
                )
    print(
        f"\nLive events, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores, "
        f"{cpu_name()}, load average {os.getloadavg()[0]:.1f}; {args.processes} web "
        f"process(es); {args.events} events {args.interval} s apart"
    )
    print(
        "| sockets | per process | subscribed | refused or failed | delivered | p50 ms | p99 ms |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for r in results:
        refused = ", ".join(f"{k}: {v}" for k, v in sorted(r.refused.items())) or "0"
        print(
            f"| {r.sockets:,} | {r.sockets // r.processes:,} | {r.subscribed:,} | {refused} | "
            f"{len(r.latencies_ms):,} / {r.sockets * r.events:,} | {r.pct(0.5):,.0f} | "
            f"{r.pct(0.99):,.0f} |"
        )


if __name__ == "__main__":
    main()
