"""Every page a role can reach from its navigation, in Debian's chromium: axe-core finds no
serious or critical violation, and nothing scrolls sideways at 1280 px or at a phone's 390 px.

axe-core is the npm package in frontend/node_modules (a dev dependency), injected into the page;
the context bypasses the Content-Security-Policy only so that this one injected script may run.
"""

from typing import Any

import pytest

from accounts.roles import Role
from tests.browser import BROWSER_MARKS, chromium_launch
from tests.conftest import ROOT
from tests.factories import PASSWORD

pytestmark = BROWSER_MARKS

AXE_SCRIPT = ROOT / "frontend" / "node_modules" / "axe-core" / "axe.min.js"
WIDTHS = (1280, 390)
# The impacts the issue asks to be free of; "moderate" and "minor" are reported, not failed.
BLOCKING_IMPACTS = {"serious", "critical"}


def _sign_in(page: Any, url: str, username: str) -> None:
    from playwright.sync_api import expect

    page.goto(url + "/login")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("navigation", name="Main")).to_be_visible(timeout=15000)


def _nav_paths(page: Any) -> list[str]:
    hrefs = (
        page.get_by_role("navigation", name="Main")
        .get_by_role("link")
        .evaluate_all("links => links.map(link => new URL(link.href).pathname)")
    )
    return sorted(set(hrefs))


def _settled(page: Any) -> None:
    """Wait until the page's data has loaded (no request in flight for half a second)."""
    page.wait_for_load_state("networkidle")


def _blocking_violations(page: Any) -> list[str]:
    if not page.evaluate("() => 'axe' in window"):
        page.add_script_tag(path=str(AXE_SCRIPT))
    results = page.evaluate(
        "() => axe.run(document, {resultTypes: ['violations']})"
        ".then(r => r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " targets: v.nodes.slice(0, 3).map(n => n.target.join(' '))})))"
    )
    return [
        f"{v['impact']} {v['id']}: {v['help']} at {v['targets']}"
        for v in results
        if v["impact"] in BLOCKING_IMPACTS
    ]


def _overflow(page: Any) -> int:
    """Pixels the document is wider than the viewport (0 when nothing scrolls sideways)."""
    return int(
        page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
    )


@pytest.mark.skipif(not AXE_SCRIPT.is_file(), reason="frontend/node_modules is not installed")
@pytest.mark.parametrize("role", [Role.RATER, Role.RESEARCHER, Role.ADMIN])
def test_every_page_of_a_role_passes_axe_and_fits_the_screen(
    role: Role, server: str, make_user: Any, published_lines: list[Any]
) -> None:
    from playwright.sync_api import sync_playwright

    user = make_user(role)
    problems: dict[str, list[str]] = {}
    with sync_playwright() as pw:
        browser = chromium_launch(pw)
        context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
        page = context.new_page()
        _sign_in(page, server, user.username)
        paths = _nav_paths(page)
        assert paths, "the navigation offers no page"
        for path in paths:
            for width in WIDTHS:
                page.set_viewport_size({"width": width, "height": 900})
                page.goto(server + path)
                _settled(page)
                found = [] if width != WIDTHS[0] else _blocking_violations(page)
                if (extra := _overflow(page)) > 0:
                    found.append(f"{extra} px wider than a {width} px screen")
                if found:
                    problems[path] = problems.get(path, []) + found
        browser.close()
    assert not problems, "\n".join(f"{path}: {'; '.join(p)}" for path, p in problems.items())
