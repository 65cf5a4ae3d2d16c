"""In Chromium: a rater judges an imported debate with the keyboard only; a person argues."""

from accounts.roles import Role
from annotation.debates.importers import nyu_import
from annotation.debates.models import Judgement, Protocol
from annotation.debates.services.debates import DebaterSpec, debate_create
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


def test_a_person_argues_their_turn_from_the_work_list(server: str, make_user, questions) -> None:
    from playwright.sync_api import expect, sync_playwright

    a, b = make_user(Role.RATER), make_user(Role.RATER)
    debate = debate_create(
        question=questions[0],
        protocol=Protocol.DEBATE,
        debaters=[DebaterSpec(user=a), DebaterSpec(user=b)],
        rounds=1,
        word_limit=20,
    )
    seat = debate.debaters.select_related("user").get(slot="A")
    assert seat.user is not None
    # Read before Playwright starts: its event loop forbids the ORM's synchronous queries.
    username, side, title = seat.user.username, "AB"[seat.answer_index], questions[0].text
    with sync_playwright() as pw:
        browser = chromium_launch(pw)
        page = browser.new_page()
        page.goto(server + "/login")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(PASSWORD)
        page.keyboard.press("Enter")
        page.get_by_role("link", name="Argue in debates").first.click(timeout=15000)
        page.get_by_role("link", name=f"#{debate.pk} {title}").click(timeout=15000)

        expect(page.get_by_role("note")).to_contain_text(f"defend answer {side}", timeout=15000)
        page.get_by_label("Your argument").fill("Because <quote>no one else knew how</quote>.")
        expect(page.get_by_text("found in the story", exact=False)).to_be_visible()
        page.get_by_role("button", name="Submit speech").click()
        expect(page.get_by_text("[verified quote]")).to_be_visible(timeout=15000)
        expect(page.get_by_text("Waiting for the other side to speak.")).to_be_visible()
        browser.close()
    assert debate.turns.get().text == "Because <quote>no one else knew how</quote>."
