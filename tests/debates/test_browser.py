"""A rater judges an imported debate end to end in Chromium, with the keyboard only."""

from accounts.roles import Role
from annotation.debates.importers import nyu_import
from annotation.debates.models import Judgement
from tests.browser import BROWSER_MARKS, chromium_launch
from tests.debates.conftest import NYU_DIR
from tests.factories import PASSWORD

pytestmark = BROWSER_MARKS


def test_a_rater_judges_a_debate_with_the_keyboard(server: str, make_user) -> None:
    from playwright.sync_api import expect, sync_playwright

    nyu_import(directory=NYU_DIR, limit=1)
    rater = make_user(Role.RATER)
    with sync_playwright() as pw:
        browser = chromium_launch(pw)
        page = browser.new_page()
        page.goto(server + "/login")
        page.get_by_label("Username").fill(rater.username)
        page.get_by_label("Password").fill(PASSWORD)
        page.keyboard.press("Enter")
        expect(page.get_by_role("heading", name="Your work")).to_be_visible(timeout=15000)
        # The home page offers the debate through the work provider.
        work = page.get_by_role("link", name="Judge debates").first
        work.focus()
        page.keyboard.press("Enter")

        expect(page.get_by_role("heading", name="Transcript")).to_be_visible(timeout=15000)
        expect(page.get_by_text("correct answer", exact=False)).to_have_count(0)
        slider = page.get_by_label("Probability that answer A is correct")
        slider.focus()
        for _ in range(15):
            page.keyboard.press("ArrowRight")  # 50% -> 65% on A
        expect(page.get_by_text("A: 65% · B: 35%")).to_be_visible()
        page.keyboard.press("Tab")
        page.keyboard.type("The first quote settles it.")
        page.keyboard.press("Tab")
        page.keyboard.press("Enter")

        expect(page.get_by_role("heading", name="Outcome")).to_be_visible(timeout=15000)
        expect(page.get_by_text("Your score:")).to_be_visible()
        browser.close()
    judgement = Judgement.objects.get(judge=rater)
    assert judgement.probabilities == [0.65, 0.35]
    assert judgement.rationale == "The first quote settles it."
