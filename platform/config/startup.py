"""Start-up failures explained in one sentence instead of a stack trace."""

import sys
from collections.abc import Callable
from typing import NoReturn


def fail(message: str, code: int = 2) -> NoReturn:
    print(f"co-align: {message}", file=sys.stderr)
    raise SystemExit(code)


def run_or_explain(command: Callable[[], object]) -> None:
    """Run a command, turning the failures a newcomer can fix into one line and exit code 1."""
    from django.db import OperationalError
    from redis.exceptions import ConnectionError as RedisConnectionError

    try:
        command()
    except OperationalError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        fail(f"cannot reach the database (check DATABASE_URL): {first}", code=1)
    except RedisConnectionError as exc:
        fail(f"cannot reach Redis (check REDIS_URL): {exc}", code=1)
