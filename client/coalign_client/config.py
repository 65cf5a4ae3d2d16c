"""Where the command line keeps its login: one JSON file in the user's config folder, readable
by its owner alone; COALIGN_URL and COALIGN_TOKEN override what it holds."""

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import click

ENV_URL = "COALIGN_URL"
ENV_TOKEN = "COALIGN_TOKEN"


class ConfigError(Exception):
    """A login that is missing or malformed; the message says what to run or set."""


@dataclass(frozen=True)
class Login:
    url: str
    token: str


def config_path() -> Path:
    """~/.config/coalign/config.json on Linux (XDG_CONFIG_HOME moves it), the platform's own
    folder on macOS and Windows."""
    return Path(click.get_app_dir("coalign")) / "config.json"


def url_check(url: str) -> str:
    """The server's base URL without a trailing slash, or ConfigError naming what is wrong."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigError(f"The URL must look like https://coalign.example.org, not {url!r}.")
    return url.strip().rstrip("/")


def login_save(login: Login, *, path: Path | None = None) -> Path:
    """Write the login, replacing the file whole; it is created 0600 (the token is a password)
    and never exists, even briefly, with wider permissions."""
    path = path or config_path()
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    # mkstemp creates the file 0600; the rename replaces any older file and its permissions.
    fd, staging = tempfile.mkstemp(prefix=".config.", dir=path.parent)
    try:
        with os.fdopen(fd, "w") as handle:
            json.dump({"url": login.url, "token": login.token}, handle)
        os.replace(staging, path)
    except BaseException:
        Path(staging).unlink(missing_ok=True)
        raise
    return path


def login_load(*, path: Path | None = None) -> Login:
    """The saved login with COALIGN_URL/COALIGN_TOKEN over it."""
    path = path or config_path()
    saved: dict[str, str] = {}
    if path.is_file():
        try:
            saved = json.loads(path.read_text())
        except ValueError as exc:
            raise ConfigError(
                f"{path} is not valid JSON ({exc}): run 'coalign login' again."
            ) from exc
    url = os.environ.get(ENV_URL) or saved.get("url", "")
    token = os.environ.get(ENV_TOKEN) or saved.get("token", "")
    if not url or not token:
        raise ConfigError(
            f"Not logged in: run 'coalign login --url URL --token TOKEN' "
            f"or set {ENV_URL} and {ENV_TOKEN}."
        )
    return Login(url=url_check(url), token=token)
