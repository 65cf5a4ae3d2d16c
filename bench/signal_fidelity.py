"""Signal fidelity: does what raters say, through the activities, change what the model does?

    .venv/bin/python bench/signal_fidelity.py --smallest       # a few minutes on 2 CPU cores
    .venv/bin/python bench/signal_fidelity.py --items 80 --steps 80 --seed 1

Simulated raters label replies to XSTest's unsafe prompts through the HTTP API (several rater
accounts per scenario), one loop iteration per scenario runs on the real Celery worker, and the
table shows the parent and the new version: held-out preference accuracy on the snapshot's
held-out pairs (what the gates see), refusal accuracy and margin on unsafe prompts nobody rated,
and whether the gates let the version through. Scenarios (bench/fidelity/):

- consistent: every rater calls compliance harmful and rewrites it as a refusal;
- random: every rater's label is a coin flip;
- adversarial_weighted / _unweighted: half the raters invert their answers, gold items included,
  with the dataset recipe's rater-quality weighting on / off.

Everything happens in a scratch database made next to the one in DATABASE_URL (embedded when
unset) and dropped at the end, with a daphne server and a Celery worker started on it and model
files in a temporary folder, so the database is left as it was found. The last line printed is
one JSON object: {"scenarios": {name: {"before", "after", "published", ...}}}.
"""

import argparse
import dataclasses
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "platform")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "true")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
DATA = Path(tempfile.mkdtemp(prefix="bench-fidelity-"))
# The worker and the server read the same folder for models and snapshots.
os.environ["DATA_DIR"] = str(DATA)

import django  # noqa: E402

django.setup()

import httpx  # noqa: E402
from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402

from bench.fidelity import common, debates, hazards  # noqa: E402
from training.tiny import build_tiny_model  # noqa: E402

SCENARIOS = ("consistent", "random", "adversarial_weighted", "adversarial_unweighted", "debate")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def scratch_database() -> Iterator[str]:
    """A migrated database of its own, dropped afterwards; yields its URL for the children."""
    original = connection.settings_dict["NAME"]
    connection.settings_dict.setdefault("TEST", {})["NAME"] = f"{original}_fidelity"
    name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    parts = urlsplit(os.environ["DATABASE_URL"])
    try:
        yield urlunsplit(parts._replace(path="/" + name))
    finally:
        with connection.cursor() as cursor:
            # The worker and the server may still hold sessions, which block the drop.
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        connection.creation.destroy_test_db(original, verbosity=0)


@contextmanager
def process(args: list[str], env: dict[str, str], log: Path) -> Iterator[subprocess.Popen[bytes]]:
    with log.open("wb") as out:
        proc = subprocess.Popen(args, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        try:
            yield proc
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def wait_until(
    check: Callable[[], bool], what: str, proc: subprocess.Popen[bytes], log: Path
) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"{what} exited: {log.read_text()[-2000:]}")
        if check():
            return
        time.sleep(0.3)
    raise SystemExit(f"{what} did not start within 90 s: {log.read_text()[-2000:]}")


@contextmanager
def platform(database_url: str) -> Iterator[str]:
    """daphne and a Celery worker on both queues, against the scratch database."""
    from config.celery import app

    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "platform")]),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
    }
    # Tasks left in the queues by other runs name rows of other databases.
    app.control.purge()
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    name = f"fidelity-{uuid.uuid4().hex[:8]}@%h"
    hostname = name.replace("%h", socket.gethostname())
    server_log, worker_log = DATA / "daphne.log", DATA / "worker.log"
    server_args = [sys.executable, "-m", "daphne", "-b", "127.0.0.1", "-p", str(port)]
    worker_args = [sys.executable, "-m", "celery", "-A", "config", "worker", "-Q", "default,gpu"]
    worker_args += ["-n", name, "-c", "1", "-l", "WARNING", "--without-mingle", "--without-gossip"]

    def answers() -> bool:
        try:
            health = httpx.get(f"{url}/api/health/", timeout=1)
        except httpx.TransportError:
            return False
        if health.status_code != 200:
            server_log.open("a").write(f"{health.text}\n")
        return health.status_code == 200

    with (
        process([*server_args, "config.asgi:application"], env, server_log) as server,
        process(worker_args, env, worker_log) as worker,
    ):
        wait_until(answers, "daphne", server, server_log)
        wait_until(
            lambda: bool(app.control.ping(destination=[hostname], timeout=1.0)),
            "the Celery worker",
            worker,
            worker_log,
        )
        yield url


def main() -> None:
    # A terminated run still stops its server and worker and drops its scratch database.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--smallest", action="store_true", help="The quickest telling run.")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--scenarios", nargs="+", choices=SCENARIOS, default=list(SCENARIOS))
    for f in dataclasses.fields(common.Sizes):
        flag = f"--{f.name.replace('_', '-')}"
        parser.add_argument(flag, type=f.type, help=f.metadata["help"])
    args = parser.parse_args()
    sizes = common.SMALLEST if args.smallest else common.Sizes()
    chosen = {
        f.name: getattr(args, f.name)
        for f in dataclasses.fields(sizes)
        if getattr(args, f.name) is not None
    }
    sizes = dataclasses.replace(sizes, **chosen)
    try:
        with scratch_database() as database_url, platform(database_url) as url:
            tiny = build_tiny_model(Path(settings.MODELS_DIR) / "tiny-llama-seed0", seed=0)
            admin = common.study_admin()
            outcomes = []
            for name in args.scenarios:
                started = time.monotonic()
                shared = {"base_url": url, "admin": admin, "sizes": sizes, "seed": args.seed}
                outcomes.append(
                    debates.debate_scenario_run(tiny_model=tiny, **shared)
                    if name == "debate"
                    else hazards.hazard_scenario_run(
                        scenario=hazards.HAZARD_SCENARIOS[name], tiny_model=tiny, **shared
                    )
                )
                seconds = outcomes[-1].seconds
                print(f"  {name}: {time.monotonic() - started:.0f} s {seconds}", file=sys.stderr)
    except BaseException:
        print(f"The worker's and the server's logs are kept in {DATA}.", file=sys.stderr)
        raise
    shutil.rmtree(DATA, ignore_errors=True)
    print(f"signal fidelity: {dataclasses.asdict(sizes)}, seed {args.seed}")
    for row in common.table(outcomes):
        print(row)
    for o in outcomes:
        for d in o.decisions:
            if d["gate_failures"]:
                print(f"  {o.name}: {d['action']}: {' '.join(d['gate_failures'])}")
    print(json.dumps({"scenarios": {o.name: o.as_json() for o in outcomes}}))


if __name__ == "__main__":
    main()
