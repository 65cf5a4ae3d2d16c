"""The built frontend and the API docs page run under the Content-Security-Policy: no inline
script, nothing the policy blocks (Chromium reports each violation on the console), and the
component library's theme, written into <style> elements that carry the response's nonce, is
applied."""

from accounts.roles import Role
from tests.browser import BROWSER_MARKS, chromium_launch
from tests.factories import PASSWORD

pytestmark = BROWSER_MARKS


def test_the_built_frontend_runs_under_the_policy(server: str, make_user) -> None:
    from playwright.sync_api import expect, sync_playwright

    rater = make_user(Role.RATER)
    violations: list[str] = []
    with sync_playwright() as pw:
        browser = chromium_launch(pw)
        page = browser.new_page()
        page.on(
            "console",
            lambda msg: (
                violations.append(f"{page.url}: {msg.text}")
                if "Content Security Policy" in msg.text
                else None
            ),
        )
        page.goto(server + "/")
        page.get_by_label("Username").fill(rater.username)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        expect(page.get_by_role("heading", name="Your work")).to_be_visible(timeout=15000)
        # app/theme.ts darkens Mantine's dimmed text (gray 6 in its stylesheet's defaults) to
        # gray 7: only the nonce-carrying <style> of MantineProvider can have set it.
        dimmed = page.evaluate(
            "() => getComputedStyle(document.documentElement)"
            ".getPropertyValue('--mantine-color-dimmed').trim()"
        )
        assert dimmed.lower() in {"#495057", "var(--mantine-color-gray-7)"}, dimmed
        page.goto(server + "/api/docs/")
        expect(page.locator(".swagger-ui")).to_be_visible(timeout=15000)
        browser.close()
    assert violations == []
