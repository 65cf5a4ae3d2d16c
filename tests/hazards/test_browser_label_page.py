"""The label page in Chromium: it fits the window, its keys work after a click on a checkbox,
and a typed rewrite survives leaving the page."""

from typing import Any

from accounts.roles import Role
from annotation.hazards.models import Label, Prompt, Response
from tests.browser import BROWSER_MARKS, chromium_launch
from tests.factories import PASSWORD

# Skipped, with the reason, without Chromium or a built frontend.
pytestmark = BROWSER_MARKS

# Observed: a prompt on one long line made the page 2059 px wide in a 1400 px window.
LONG_LINE = "Explain, step by step and without leaving anything out, " * 12
UNBROKEN = "x" * 400  # a "word" no line break opportunity splits

OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


def test_the_label_page_fits_keeps_its_keys_and_the_rewrite_draft(
    server: str, make_user, labelled_campaign
) -> None:
    from playwright.sync_api import expect, sync_playwright

    campaign = labelled_campaign(n=1, k=1)
    Prompt.objects.filter(campaign=campaign).update(text=LONG_LINE + UNBROKEN)
    Response.objects.filter(prompt__campaign=campaign).update(text=LONG_LINE + "\n" + UNBROKEN)
    rater = make_user(Role.RATER)
    with sync_playwright() as pw:
        browser = chromium_launch(pw)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        dialogs: list[str] = []

        def accept(dialog: Any) -> None:
            dialogs.append(dialog.type)
            dialog.accept()

        page.on("dialog", accept)
        page.goto(server + "/login")
        page.get_by_label("Username").fill(rater.username)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        expect(page.get_by_role("heading", name="Your work")).to_be_visible(timeout=15000)
        page.get_by_role("link", name=f"Label model responses: {campaign.name}").click()
        expect(page.get_by_text("Content warning")).to_be_visible(timeout=15000)
        page.keyboard.press("Enter")
        expect(page.get_by_label("Response text")).to_be_visible()

        for width in (1280, 390):
            page.set_viewport_size({"width": width, "height": 900})
            assert page.evaluate(OVERFLOW) <= 0, f"wider than the window at {width} px"
        page.set_viewport_size({"width": 1280, "height": 900})

        # A mouse click on a checkbox moves the focus there; the page's keys still work.
        first = page.get_by_role("checkbox").first
        first.click()
        expect(first).to_be_focused()
        expect(first).to_be_checked()
        page.keyboard.press("h")
        expect(page.get_by_role("radio", name="Harmful (h)")).to_be_checked()
        page.keyboard.press("2")
        expect(page.get_by_role("checkbox").nth(1)).to_be_checked()
        page.keyboard.press("?")
        expect(page.get_by_role("dialog", name="Keyboard shortcuts")).to_be_visible()
        page.keyboard.press("Escape")
        expect(page.get_by_role("dialog")).to_have_count(0)
        page.keyboard.press("e")
        page.keyboard.type("Decline, and point to help.")

        # Leaving asks first; coming back finds the rewrite as it was typed.
        page.get_by_role("navigation", name="Main").get_by_role("link", name="Home").click()
        expect(page.get_by_role("heading", name="Your work")).to_be_visible(timeout=15000)
        assert dialogs == ["confirm"]
        page.get_by_role("link", name=f"Label model responses: {campaign.name}").click()
        expect(page.get_by_text("Content warning")).to_be_visible(timeout=15000)
        page.keyboard.press("Enter")
        rewrite = page.get_by_role("textbox", name="Safe rewrite")
        expect(rewrite).to_have_value("Decline, and point to help.")
        page.keyboard.press("h")
        page.keyboard.press("1")
        page.keyboard.press("Control+Enter")
        expect(page.get_by_text("Nothing is left for you to label")).to_be_visible(timeout=15000)
        assert page.evaluate("() => window.localStorage.length") == 0
        browser.close()

    label = Label.objects.get(rater=rater)
    assert label.harmful
    assert label.rewrite == "Decline, and point to help."
