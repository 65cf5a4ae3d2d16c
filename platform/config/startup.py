"""Start-up failures explained in one sentence instead of a stack trace."""

import logging
import os
import sys
from collections.abc import Callable
from typing import Any, NoReturn

import environ
from django.core.exceptions import ImproperlyConfigured


def fail(message: str, code: int = 2) -> NoReturn:
    print(f"co-align: {message}", file=sys.stderr)
    raise SystemExit(code)


def run_or_explain(command: Callable[[], object]) -> None:
    """Run a command, turning the failures a newcomer can fix into one line and exit code 1."""
    from django.db import OperationalError
    from redis.exceptions import ConnectionError as RedisConnectionError

    _quiet_pool_until_connected()
    try:
        command()
    except OperationalError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        fail(f"cannot reach the database (check DATABASE_URL): {first}", code=1)
    except RedisConnectionError as exc:
        fail(f"cannot reach Redis (check REDIS_URL): {exc}", code=1)


def _quiet_pool_until_connected() -> None:
    """Keep psycopg's pool from logging each failed attempt before the first connection.

    The pool retries in the background and warns at every attempt, so an unreachable database
    would print a screenful before the one sentence below; once a connection has been made,
    its warnings (a server lost later) are worth seeing and come through again.
    """
    from django.db.backends.signals import connection_created

    logger = logging.getLogger("psycopg.pool")
    previous = logger.level
    logger.setLevel(logging.ERROR)

    def restore(**_: Any) -> None:
        logger.setLevel(previous)
        connection_created.disconnect(restore)

    connection_created.connect(restore, weak=False)


_BOOLEANS = {"true", "false", "1", "0", "yes", "no", "on", "off"}


class CheckedEnv(environ.Env):
    """django-environ, except that a missing or malformed value stops start-up in one sentence.

    Plain django-environ raises a stack trace for a bad number and reads any unknown word as
    false, so `DEBUG=ture` would quietly start a production configuration.
    """

    def get_value(
        self,
        var: str,
        cast: Any = None,
        default: Any = environ.Env.NOTSET,
        parse_default: bool = False,
    ) -> Any:
        raw = os.environ.get(var)
        if cast is bool and raw is not None and raw.strip().lower() not in _BOOLEANS:
            fail(f"{var} is {raw!r}: use true or false.")
        try:
            return super().get_value(var, cast=cast, default=default, parse_default=parse_default)
        except ImproperlyConfigured:
            fail(f"{var} is not set: set it in the environment.")
        except ValueError:
            kind = getattr(cast, "__name__", "value")
            fail(f"{var} is {raw!r}: it must be a valid {kind}.")
