"""Browser tests' shared pieces: Debian's chromium, launched by Playwright, or a clear skip."""

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# The build the server under test serves (settings.FRONTEND_DIST reads the same variable).
DIST_INDEX = Path(os.environ.get("FRONTEND_DIST", ROOT / "frontend" / "dist")) / "index.html"

BROWSER_MARKS = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        CHROMIUM is None, reason="no Chromium found: install Debian's chromium to run it"
    ),
    pytest.mark.skipif(
        not DIST_INDEX.is_file(),
        reason="the frontend is not built: run `npm run build` in frontend/",
    ),
]


def chromium_launch(playwright: Any) -> Any:
    """The installed Chromium, headless; never a browser that Playwright downloads."""
    return playwright.chromium.launch(
        executable_path=CHROMIUM,
        args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
    )
