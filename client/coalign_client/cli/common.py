"""What every command shares: failures as one line, option types, and the logged-in session."""

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click
import httpx

from coalign_client.config import ConfigError, login_load
from coalign_client.errors import ApiError
from coalign_client.session import Session


class Failure(click.ClickException):
    """Shown as one line, `Error: <message>`; exit code 1."""


class UsageFailure(Failure):
    """A mistake on the command line, as one line; exit code 2, as click's own."""

    exit_code = 2


class Group(click.Group):
    """Turns what goes wrong below it into one Failure line."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.UsageError as exc:
            # click would print the usage and a hint around the message: three lines more.
            where = (exc.ctx or ctx).command_path
            raise UsageFailure(f"{exc.format_message()} (see '{where} --help')") from exc
        except ApiError as exc:
            again = " Run 'coalign login' again." if exc.status == 401 else ""
            raise Failure(f"{exc}{again}") from exc
        except ConfigError as exc:
            raise Failure(str(exc)) from exc
        except httpx.TransportError as exc:
            raise Failure(f"Cannot reach the server: {exc or type(exc).__name__}.") from exc
        except OSError as exc:
            raise Failure(str(exc)) from exc


class JsonObject(click.ParamType):
    name = "JSON"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, dict):
            return value
        try:
            parsed = json.loads(value)
        except ValueError as exc:
            self.fail(f"not valid JSON ({exc}): {value!r}", param, ctx)
        if not isinstance(parsed, dict):
            self.fail(
                f"must be a JSON object like '{{\"max_steps\": 20}}', not {value!r}", param, ctx
            )
        return parsed


JSON_OBJECT = JsonObject()
INPUT_FILE = click.Path(exists=True, dir_okay=False, readable=True, path_type=Path)
OUTPUT_FILE = click.Path(dir_okay=False, writable=True, path_type=Path)


def choice(enum: Any) -> click.Choice[str]:
    """The values the schema allows, so the command line refuses what the server would."""
    return click.Choice([member.value for member in enum])


@contextmanager
def session_open() -> Iterator[Session]:
    with Session(login_load()) as session:
        yield session
