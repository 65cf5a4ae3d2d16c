#!/usr/bin/env python
"""Django's command-line entry point.

`platform/` is a source folder, not a package (a package named `platform` would hide the
standard-library module that uuid, Django, daphne and Celery import), so it goes on sys.path here.
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path[:0] = [str(ROOT), str(ROOT / "platform")]


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    from django.core.management import execute_from_command_line

    from config.startup import run_or_explain

    run_or_explain(lambda: execute_from_command_line(sys.argv))


if __name__ == "__main__":
    main()
