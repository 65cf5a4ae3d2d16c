"""What a person does in the browser: Debian's chromium, driven by Playwright, against daphne.

Skipped, with the reason, when no Chromium is installed or the frontend is not built.
"""

from accounts.roles import Role
from tests.browser import BROWSER_MARKS, chromium_launch
from tests.factories import PASSWORD

pytestmark = BROWSER_MARKS


def test_a_rater_logs_in_and_sees_their_work(server: str, make_user) -> None:
    from playwright.sync_api import expect, sync_playwright

    rater = make_user(Role.RATER)
    with sync_playwright() as pw:
        browser = chromium_launch(pw)
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
