"""Settings are read from the environment in platform/config/settings.py only (django-environ),
so the README's configuration table and start-up's one-sentence checks cover every variable."""

import re
from pathlib import Path

from tests.conftest import ROOT

SOURCES = ("platform", "annotation")

# Files that may read the environment, and why.
ALLOWED = {
    "platform/config/settings.py": "the one place settings are read",
    "platform/config/startup.py": "CheckedEnv, the django-environ reader settings.py uses",
    "platform/config/embedded.py": (
        "starts PostgreSQL and Redis before the settings exist and sets DATABASE_URL/REDIS_URL"
    ),
    "platform/ops/web_server.py": (
        "the web server's launcher, which starts before Django: WEB_CONCURRENCY, as uvicorn reads "
        "it (settings.WEB_CONCURRENCY documents it)"
    ),
    "platform/llm/openai_server.py": (
        "a program of its own without Django (vLLM's stand-in); VLLM_API_KEY is vLLM's variable"
    ),
}

ENVIRONMENT = re.compile(r"\b(environ|getenv|putenv)\b")
# Not reads of a setting: handing the whole environment on to a child process, and the
# entry points' default settings module.
HARMLESS = re.compile(
    r"\*\*os\.environ\b|dict\(os\.environ\)"
    r"|os\.environ\.setdefault\(\"DJANGO_SETTINGS_MODULE\""
)


def environment_reads(text: str) -> list[int]:
    """Line numbers of `text` that touch the environment other than harmlessly."""
    return [
        number
        for number, line in enumerate(text.splitlines(), start=1)
        if ENVIRONMENT.search(HARMLESS.sub("", line))
    ]


def _sources() -> list[Path]:
    return [
        path
        for folder in SOURCES
        for path in sorted((ROOT / folder).rglob("*.py"))
        if "migrations" not in path.parts
    ]


def test_only_settings_read_the_environment() -> None:
    found = [
        f"{relative}:{number}"
        for path in _sources()
        if (relative := path.relative_to(ROOT).as_posix()) not in ALLOWED
        for number in environment_reads(path.read_text())
    ]

    assert found == [], "read these in platform/config/settings.py and use settings.X"


def test_the_allowed_files_exist() -> None:
    assert [name for name in ALLOWED if not (ROOT / name).is_file()] == []


def test_the_guard_sees_each_way_of_reading_the_environment() -> None:
    text = "\n".join(
        [
            'port = os.environ.get("PORT")',
            'port = os.environ["PORT"]',
            'port = os.getenv("PORT")',
            "from os import environ",
            "env = {**os.environ, 'A': '1'}",
            "env = dict(os.environ)",
            'os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")',
        ]
    )

    assert environment_reads(text) == [1, 2, 3, 4]
