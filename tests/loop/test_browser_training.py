"""In the browser, the whole training journey: an admin starts a run from the form, watches its
progress arrive over the websocket, reads the new version's evaluation, publishes it past the
gates with an override reason, then rolls the line back to the version it replaced."""

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from accounts.roles import Role
from loop.gates import DEFAULT_GATES
from loop.services.policies import line_policy_set
from registry.models import ModelVersion, VersionStatus
from registry.selectors import published_version
from tests.browser import BROWSER_MARKS, chromium_launch
from tests.conftest import gpu_queue_held
from tests.factories import PASSWORD

pytestmark = [*BROWSER_MARKS, pytest.mark.worker]

# Enough steps that the bar shows values between 0 and the end: the worker streams every step and
# the page applies each as it arrives, though the run's row is written at most every 0.5 s (a
# page that refetched the row on each event missed every step between on a fast machine).
STEPS = 60
# Every aria-valuetext the run's progress bar shows, recorded in the page: the list survives
# only as long as the page is not reloaded, so it also shows that the updates came live.
RECORD_PROGRESS = """() => {
  const bar = document.querySelector('[role="progressbar"][aria-label="Training progress"]');
  window.progressSeen = [bar.getAttribute("aria-valuetext")];
  new MutationObserver(() => window.progressSeen.push(bar.getAttribute("aria-valuetext")))
    .observe(bar, { attributes: true, attributeFilter: ["aria-valuetext"] });
}"""


def test_an_admin_trains_publishes_with_an_override_and_rolls_back(
    server: str,
    celery_worker: str,
    small_eval: list[ModelVersion],
    record_preferences: Callable[..., list[Any]],
    make_user: Callable[..., Any],
) -> None:
    from playwright.sync_api import expect, sync_playwright

    record_preferences(24)
    [seed] = [version for version in small_eval if version.line.slug == "judge"]
    # A gate no run of 24 pairs can pass, so that publishing needs the admin's override.
    line_policy_set(line=seed.line, gates={**DEFAULT_GATES, "min_held_out_pairs": 1000})
    admin = make_user(Role.ADMIN)

    with sync_playwright() as pw:
        browser = chromium_launch(pw)
        page = browser.new_page()
        sockets: list[Any] = []
        frames: list[str | bytes] = []

        def socket_opened(ws: Any) -> None:
            sockets.append(ws)
            # A lambda: Playwright tags each handler with an attribute, which list.append refuses.
            ws.on("framereceived", lambda frame: frames.append(frame))

        page.on("websocket", socket_opened)
        page.goto(server + "/login")
        page.get_by_label("Username").fill(admin.username)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()

        page.get_by_role("navigation", name="Main").get_by_role("link", name="Training").click()
        expect(page.get_by_role("heading", name="Start a training run")).to_be_visible(
            timeout=15000
        )
        page.get_by_label("Model line").select_option(label="Judge")
        page.get_by_label("Recipe").select_option(value="dpo")
        page.get_by_label("Steps").fill(str(STEPS))

        # Training waits until the page has subscribed to the run's events, so that every
        # step the worker reports reaches it.
        with gpu_queue_held(celery_worker):
            page.get_by_role("button", name="Start run").click()
            expect(page).to_have_url(re.compile(r"/training/runs/\d+$"), timeout=15000)
            run_id = int(page.url.rsplit("/", 1)[1])
            status = page.get_by_role("paragraph").filter(has_text="Status:")
            # The snapshot is built on the default queue; the run then waits for the gpu.
            expect(status).to_contain_text("queued", timeout=60000)
            progress = page.get_by_label("Training progress")
            expect(progress).to_have_attribute("aria-valuetext", re.compile(r"^step 0 of"))
            _subscribed_wait(sockets, frames, f"run:{run_id}")
            page.evaluate(RECORD_PROGRESS)

        expect(progress).to_have_attribute(
            "aria-valuetext", f"step {STEPS} of {STEPS}", timeout=120000
        )
        expect(status).to_contain_text("done", timeout=120000)
        seen = page.evaluate("window.progressSeen")
        steps = [int(m.group(1)) for v in seen if (m := re.match(r"step (\d+) of", v))]
        assert any(0 < step < STEPS for step in steps), seen
        assert steps == sorted(steps), seen

        # The line had its seed alone, so the run registered the next number.
        number = seed.number + 1
        panel = page.get_by_role("region", name=f"judge version {number}")
        evaluation = panel.get_by_role("table", name="Evaluation")
        accuracy = evaluation.get_by_role("row", name="Held-out preference accuracy")
        expect(accuracy).to_contain_text(re.compile(r"\d+\.\d%"), timeout=15000)
        expect(panel.get_by_role("heading")).to_contain_text("draft")

        # Without a reason the gates refuse it and say why; with one, the admin overrides.
        publish = panel.get_by_role("button", name=f"Publish version {number}")
        decisions = panel.get_by_role("table", name="Publish decisions")
        reason = panel.get_by_label("Override reason")
        publish.click()
        expect(reason).to_have_accessible_description(
            re.compile("held_out_pairs is .*, below the required 1000"), timeout=15000
        )
        expect(decisions.get_by_role("row").filter(has_text="refused")).to_be_visible()
        reason.fill("Checked by hand on the red-team prompts.")
        publish.click()
        expect(panel.get_by_role("heading")).to_contain_text("published", timeout=15000)
        expect(decisions.get_by_role("row").filter(has_text="override")).to_contain_text(
            "Checked by hand on the red-team prompts."
        )

        page.get_by_role("link", name="All runs").click()
        page.get_by_role("link", name="Compare Judge versions").click()
        versions = page.get_by_role("table").filter(
            has=page.get_by_role("columnheader", name="Dataset")
        )
        seed_row = versions.get_by_role("row").filter(
            has=page.get_by_role("rowheader", name=f"v{seed.number}", exact=True)
        )
        expect(seed_row).to_contain_text("retired", timeout=15000)
        page.get_by_role("button", name=f"Details of version {seed.number}").click()
        page.get_by_role("button", name=f"Roll back to version {seed.number}").click()
        expect(seed_row).to_contain_text("published", timeout=15000)
        new_row = versions.get_by_role("row").filter(has_text=f"v{number} (from")
        expect(new_row).to_contain_text("retired")
        browser.close()

    # Playwright's sync API runs an event loop in this thread: the database is read after it.
    version = ModelVersion.objects.get(training_run_ref=f"loop.run:{run_id}")
    assert version.number == number
    assert version.status == VersionStatus.RETIRED
    assert published_version(line="judge") == seed
    shutil.rmtree(Path(version.uri).parent, ignore_errors=True)


def _subscribed_wait(sockets: list[Any], frames: list[str | bytes], group: str) -> None:
    """Until the app's events socket confirms its subscription to `group`."""

    def confirms(frame: str | bytes) -> bool:
        message = json.loads(frame)
        return bool(message.get("type") == "subscribed" and message.get("group") == group)

    # Playwright delivers events only inside its own calls, so no frame slips in between.
    if not any(confirms(frame) for frame in frames):
        socket = [ws for ws in sockets if ws.url.endswith("/ws/events/")][-1]
        socket.wait_for_event("framereceived", predicate=confirms, timeout=15000)
