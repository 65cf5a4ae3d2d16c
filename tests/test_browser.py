"""What a person does in the browser: Debian's chromium, driven by Playwright, against daphne.

Skipped, with the reason, when no Chromium is installed or the frontend is not built.
"""

import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from accounts.roles import Role
from tests.conftest import ROOT, child_env, free_port
from tests.factories import PASSWORD

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DIST_INDEX = ROOT / "frontend" / "dist" / "index.html"

pytestmark = [
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


@pytest.fixture
def server(django_db_setup: None, tmp_path: Path) -> Iterator[str]:
    """daphne serving the API, websockets and the built frontend, on the test database."""
    port = free_port()
    log = (tmp_path / "daphne.log").open("wb")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "daphne",
            "-b",
            "127.0.0.1",
            "-p",
            str(port),
            "config.asgi:application",
        ],
        cwd=ROOT,
        env=child_env(ALLOWED_HOSTS="127.0.0.1,localhost"),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"daphne exited: {(tmp_path / 'daphne.log').read_text()[-2000:]}")
        try:
            if httpx.get(f"{url}/api/health/", timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            time.sleep(0.2)
    else:
        proc.kill()
        pytest.fail("daphne did not answer within 60 s")
    yield url
    proc.terminate()
    proc.wait(timeout=20)
    log.close()


def test_a_rater_logs_in_and_sees_their_work(server: str, make_user) -> None:
    from playwright.sync_api import expect, sync_playwright

    rater = make_user(Role.RATER)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        )
        page = browser.new_page()
        page.goto(server + "/")
        expect(page).to_have_url(f"{server}/login", timeout=15000)
        page.get_by_label("Username").fill(rater.username)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()

        expect(page.get_by_role("heading", name="Your work")).to_be_visible(timeout=15000)
        # A new rater is invited to fill in the optional background questions.
        expect(page.get_by_text("Tell us about your background")).to_be_visible()
        nav = page.get_by_role("navigation", name="Main")
        expect(nav.get_by_role("link", name="Profile")).to_be_visible()
        # Role-aware navigation: researcher pages are not offered to a rater.
        expect(nav.get_by_role("link", name="Models")).to_have_count(0)

        page.get_by_role("button", name="Sign out").click()
        expect(page).to_have_url(f"{server}/login", timeout=15000)
        browser.close()
