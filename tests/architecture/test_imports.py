"""Layering guards: web processes start without the training stack, `training/` without Django.

Each check runs in a fresh interpreter, so what the test process itself imported does not count.
"""

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT

HEAVY = ("torch", "transformers", "trl", "peft", "accelerate", "vllm")

# Lists every registered task with the queue Celery routes it to (decorator option, then
# CELERY_TASK_ROUTES), as a worker would.
TASK_QUEUES = """
import json
import django
django.setup()
from config.celery import app
app.loader.import_default_modules()
print(json.dumps({
    name: [task.__module__, app.amqp.router.route(options, name)["queue"].name]
    for name, task in app.tasks.items()
    if not name.startswith("celery.")
    for options in [{"queue": task.queue} if getattr(task, "queue", None) else {}]
}))
"""

# Imports what a web process or a default-queue worker imports, one step at a time, and names
# the first step after which each heavy package was loaded.
WEB_IMPORTS = """
import importlib, json, sys
import django
heavy, loaded = sys.argv[1].split(","), {}
def step(name):
    for module in heavy:
        if module in sys.modules and module not in loaded:
            loaded[module] = name
django.setup()
step("django.setup()")
for module in ["config.urls", "config.asgi", *sys.argv[2:]]:
    importlib.import_module(module)
    step(module)
print(json.dumps(loaded))
"""

# Imports every module under training/, with only the repository root on the path and no
# settings, as on a bare GPU box, then the modules given; prints the Django modules loaded after
# each of the two steps.
TRAINING_IMPORTS = """
import importlib, json, pkgutil, sys
def django_loaded():
    return sorted(m for m in sys.modules if m == "django" or m.startswith("django."))
import training
for info in pkgutil.walk_packages(training.__path__, "training."):
    importlib.import_module(info.name)
after_training = django_loaded()
for module in sys.argv[1:]:
    importlib.import_module(module)
print(json.dumps({"training": after_training, "then": django_loaded()}))
"""


def _python(code: str, *args: str, platform_on_path: bool = True) -> object:
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "DJANGO_SETTINGS_MODULE"}}
    paths = [str(ROOT), str(ROOT / "platform")] if platform_on_path else [str(ROOT)]
    env["PYTHONPATH"] = os.pathsep.join(paths)
    if platform_on_path:
        env["DJANGO_SETTINGS_MODULE"] = "config.settings"
    result = subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def default_queue_task_modules() -> list[str]:
    """Task modules that hold a task routed to the default queue: default workers run them."""
    tasks = _python(TASK_QUEUES)
    assert isinstance(tasks, dict)
    assert tasks, "no Celery task is registered"
    return sorted({module for module, queue in tasks.values() if queue == "default"})


def heavy_loaded_by_web(*modules: str, heavy: tuple[str, ...] = HEAVY) -> dict[str, str]:
    loaded = _python(WEB_IMPORTS, ",".join(heavy), *modules)
    assert isinstance(loaded, dict)
    return loaded


def test_default_queue_task_modules_are_found(default_queue_task_modules: list[str]) -> None:
    assert "ops.tasks" in default_queue_task_modules
    assert "llm.tasks" not in default_queue_task_modules, "llm.tasks holds gpu tasks only"


def test_web_processes_and_default_workers_load_no_training_stack(
    default_queue_task_modules: list[str],
) -> None:
    loaded = heavy_loaded_by_web(*default_queue_task_modules)

    assert loaded == {}, f"heavy packages loaded (package: the import that loaded it): {loaded}"


def test_the_web_probe_names_the_import_that_loaded_a_package() -> None:
    # A standard-library module nothing in the web stack imports stands in for torch, which
    # takes seconds to import.
    assert heavy_loaded_by_web("colorsys", heavy=("colorsys",)) == {"colorsys": "colorsys"}


def test_training_imports_no_django() -> None:
    loaded = _python(TRAINING_IMPORTS, "django.conf", platform_on_path=False)
    assert isinstance(loaded, dict)

    assert loaded["training"] == []
    # The probe sees Django once something imports it.
    assert "django.conf" in loaded["then"]
