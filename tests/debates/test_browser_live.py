"""In Chromium: a researcher starts an AI debate, watches the worker's tiny model write its
speeches into the transcript live, then reads the debate analytics."""

import re
from itertools import pairwise

import pytest
from django.core.cache import cache

from accounts.roles import Role
from annotation.debates.importers import nyu_import
from annotation.debates.models import Debate
from annotation.debates.selectors import analytics_key
from tests.browser import BROWSER_MARKS, chromium_launch
from tests.conftest import gpu_queue_held
from tests.debates.conftest import NYU_DIR
from tests.factories import PASSWORD

pytestmark = [*BROWSER_MARKS, pytest.mark.worker]

# Before the app's scripts: every websocket message the page receives is kept, so the test can
# wait for the page's subscription to the debate instead of guessing how long it takes.
FRAMES_KEPT = """(() => {
  const Native = window.WebSocket;
  window.__frames = [];
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (event) => window.__frames.push(String(event.data)));
    }
  };
})()"""

SUBSCRIBED = """(group) => window.__frames.some((frame) => {
  const message = JSON.parse(frame);
  return message.type === "subscribed" && message.group === group;
})"""

# Every text a speech being written shows, in order, per round and speaker ("Round 1: Debater
# A (writing…)"); kept on window, so it also shows that the page was never reloaded.
SPEECHES_WATCHED = """() => {
  window.__written = {};
  const record = () => {
    // A speech being written is a busy list item under its round's list item (Transcript.tsx).
    for (const item of document.querySelectorAll('li[aria-busy="true"]')) {
      const round = item.closest('[role="listitem"]').querySelector("h3").textContent;
      const heading = `${round}: ${item.querySelector("h4").textContent}`;
      const text = item.querySelector("p").textContent;
      const seen = (window.__written[heading] ??= []);
      if (seen.at(-1) !== text) seen.push(text);
    }
  };
  new MutationObserver(record).observe(document.body, {
    subtree: true, childList: true, characterData: true,
  });
}"""


def test_a_researcher_watches_an_ai_debate_stream_then_reads_analytics(
    server: str, celery_worker: str, published_lines, questions, make_user
) -> None:
    from playwright.sync_api import expect, sync_playwright

    # Human-judged debates, so the analytics tables have judge accuracy rows.
    nyu_import(directory=NYU_DIR, limit=10)
    cache.delete(analytics_key(None))  # a result left by an earlier test run
    researcher = make_user(Role.RESEARCHER)
    title = questions[0].text
    with sync_playwright() as pw:
        browser = chromium_launch(pw)
        page = browser.new_page()
        page.add_init_script(FRAMES_KEPT)
        page.goto(server + "/login")
        page.get_by_label("Username").fill(researcher.username)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        nav = page.get_by_role("navigation", name="Main")
        nav.get_by_role("link", name="Debates", exact=True).click(timeout=15000)

        start = page.get_by_role("form", name="Start an AI debate")
        # Held until the page listens, so it sees each speech from its first word. Two rounds:
        # the tiny model's random text may stop after a few characters, so a speech may arrive
        # in one piece; four speeches give the stream room to show itself.
        with gpu_queue_held(celery_worker):
            start.get_by_label("Question").select_option(label=title)
            start.get_by_label("Rounds").fill("2")
            start.get_by_role("button", name="Start debate").click()
            started = start.get_by_role("status")
            expect(started).to_have_text(re.compile(r"Debate #\d+ started\."), timeout=15000)
            # Read from the page: Playwright's event loop forbids the ORM's synchronous queries.
            debate_id = int(re.findall(r"\d+", started.inner_text())[0])
            page.get_by_role("link", name=f"#{debate_id} {title}").click()
            expect(page.get_by_role("heading", name="Transcript")).to_be_visible(timeout=15000)
            expect(page.get_by_text("No arguments yet.")).to_be_visible()
            page.wait_for_function(SUBSCRIBED, arg=f"debate:{debate_id}", timeout=15000)
            page.evaluate(SPEECHES_WATCHED)

        transcript = page.get_by_role("region", name="Transcript")
        # All four speeches finish and the stored ones replace what was streamed.
        # Each speech is a list item under its round; rounds are the timeline's own items.
        stored = transcript.locator("li:not([aria-busy])")
        expect(stored).to_have_count(4, timeout=180000)
        expect(stored.get_by_text("Untrained demo model: random text")).to_have_count(4)
        expect(transcript.locator('[aria-busy="true"]')).to_have_count(0)
        written: dict[str, list[str]] = page.evaluate("window.__written")
        # Every version of a speech shown while it was written extends the one before, and at
        # least one speech grew in front of the researcher.
        assert set(written) <= {
            f"Round {r}: Debater {slot} (writing…)" for r in (1, 2) for slot in "AB"
        }, written
        for texts in written.values():
            assert all(b.startswith(a) and len(b) > len(a) for a, b in pairwise(texts)), texts
        assert any(len(texts) >= 2 for texts in written.values()), written

        nav.get_by_role("link", name="Debate analytics").click()
        expect(page.get_by_role("heading", name="Debate analytics")).to_be_visible(timeout=15000)
        # The page asks again until the worker has stored the tables.
        status = page.get_by_role("status").filter(has_text="Computed")
        expect(status).to_be_visible(timeout=90000)
        accuracy = page.get_by_role("table", name="Judge accuracy per condition")
        imported = accuracy.get_by_role("row").filter(
            has=page.get_by_role("cell", name="imported", exact=True)
        )
        expect(imported.first).to_be_visible()
        expect(
            page.get_by_role("table", name="Judge accuracy per configuration", exact=False)
        ).to_be_visible()
        expect(
            page.get_by_role("img", name="Reliability diagram", exact=False).first
        ).to_be_visible()
        browser.close()

    assert Debate.objects.get(pk=debate_id).turns.count() == 4
