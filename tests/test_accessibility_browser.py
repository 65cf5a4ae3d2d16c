"""Every page a role can reach, in Debian's chromium: the pages its navigation links to and the
detail and work pages those lists lead to, each with real content (tests/a11y_content.py).
axe-core finds no serious or critical violation, nothing scrolls sideways at 1280 px or at a
phone's 390 px, and each page's main heading is visible, so that an empty or error page cannot
pass.

axe-core is the npm package in frontend/node_modules (a dev dependency), injected into the page;
the context bypasses the Content-Security-Policy only so that this one injected script may run.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pytest

from accounts.roles import Role
from tests.a11y_content import LINE, Content, content_build
from tests.browser import BROWSER_MARKS, chromium_launch
from tests.conftest import ROOT
from tests.factories import PASSWORD

if TYPE_CHECKING:
    from playwright.sync_api import Locator

pytestmark = BROWSER_MARKS

AXE_SCRIPT = ROOT / "frontend" / "node_modules" / "axe-core" / "axe.min.js"
WIDTHS = (1280, 390)
# The impacts the issue asks to be free of; "moderate" and "minor" are reported, not failed.
BLOCKING_IMPACTS = {"serious", "critical"}
# Long enough for a page's first requests on a busy 2-core machine; short enough that a page
# that never renders costs little (its problem is reported and the loop goes on).
RENDER_TIMEOUT_MS = 15000

# Something on the page, found by role and accessible name, as Playwright's get_by_role takes.
Found = Callable[[Any], "Locator"]


@dataclass(frozen=True)
class PageCheck:
    """One page to open: `heading` is its level-1 heading's accessible name (None: any level-1
    heading, for the navigation's pages); `shows` is what only its full state shows (a
    transcript, a report); `prepare` brings it to the state checked (a revealed response, an
    open dialog) once it has rendered."""

    name: str
    path: str
    heading: str | re.Pattern[str] | None = None
    shows: Found | None = None
    prepare: Callable[[Any], None] | None = None


def _sign_in(page: Any, url: str, username: str) -> None:
    from playwright.sync_api import expect

    page.goto(url + "/login")
    page.get_by_label("Username", exact=True).fill(username)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("navigation", name="Main")).to_be_visible(timeout=RENDER_TIMEOUT_MS)


def _nav_pages(page: Any) -> list[PageCheck]:
    hrefs = (
        page.get_by_role("navigation", name="Main")
        .get_by_role("link")
        .evaluate_all("links => links.map(link => new URL(link.href).pathname)")
    )
    return [PageCheck(name=path, path=path) for path in sorted(set(hrefs))]


def _response_revealed(page: Any) -> None:
    from playwright.sync_api import expect

    page.get_by_role("button", name="Show response").click()
    expect(page.get_by_label("Response text")).to_be_visible()


def _shortcuts_opened(page: Any) -> None:
    from playwright.sync_api import expect

    _response_revealed(page)
    page.keyboard.press("?")
    expect(page.get_by_role("dialog", name="Keyboard shortcuts")).to_be_visible()


def _rater_pages(c: Content) -> list[PageCheck]:
    label = f"/hazards/label/{c.campaign}"
    return [
        PageCheck(
            "judge a debate",
            "/debates/judge",
            "Judge debates",
            shows=lambda p: p.get_by_role("heading", name="Transcript", exact=True),
        ),
        PageCheck(
            "argue a turn",
            f"/debates/argue/{c.seat}",
            f"Argue: {c.argued_question}",
            shows=lambda p: p.get_by_label("Your argument", exact=True),
        ),
        PageCheck("label a response", label, "Label model responses", prepare=_response_revealed),
        PageCheck(
            "label shortcuts dialog", label, "Label model responses", prepare=_shortcuts_opened
        ),
        *_round_pages(c),
    ]


def _round_pages(c: Content) -> list[PageCheck]:
    return [
        PageCheck(
            "vote in an open round",
            f"/principles/rounds/{c.open_round}",
            c.open_round_title,
            shows=lambda p: (
                p.get_by_role("list", name="Proposals", exact=True).get_by_role("listitem").first
            ),
        ),
        PageCheck(
            "results of a closed round",
            f"/principles/rounds/{c.closed_round}",
            c.closed_round_title,
            shows=lambda p: p.get_by_role("heading", name="Results", exact=True),
        ),
        PageCheck(
            "enacted constitution version",
            f"/principles/versions/{c.enacted_version}",
            f"Constitution version {c.enacted_version}",
            shows=lambda p: p.get_by_role("list", name="Differences", exact=True),
        ),
    ]


def _research_pages(c: Content) -> list[PageCheck]:
    """What researchers and admins both open (admins see more controls on some of them)."""
    return [
        PageCheck(
            "training run",
            f"/training/runs/{c.run}",
            c.run_title,
            shows=lambda p: p.get_by_role("table", name="Evaluation", exact=True),
        ),
        PageCheck(
            "versions of a line",
            f"/training/lines/{LINE}",
            f"Versions of {LINE}",
            # The row of the run's version: "v2 (from v1)".
            shows=lambda p: p.get_by_role("rowheader", name=re.compile(rf"^v{c.run_version}\b")),
        ),
        PageCheck(
            "model line",
            f"/models/{LINE}",
            "Models",
            shows=lambda p: p.get_by_role("heading", name=f"Versions of {LINE}", exact=True),
        ),
        PageCheck(
            "line policy",
            f"/policies/{LINE}",
            "Line policies and gates",
            shows=lambda p: p.get_by_role("heading", name=f"Policy of {LINE}", exact=True),
        ),
        PageCheck(
            "study report",
            f"/studies/{c.study}",
            f"Study #{c.study}: {c.study_kind}",
            shows=lambda p: p.get_by_role("region", name="Report", exact=True),
        ),
    ]


def _researcher_pages(c: Content) -> list[PageCheck]:
    return [
        PageCheck(
            "hazard campaign",
            f"/hazards/campaigns/{c.campaign}",
            "Red-team campaigns",
            shows=lambda p: p.get_by_role("region", name="Analytics", exact=True).get_by_text(
                "Computed"
            ),
        ),
        PageCheck(
            "debate",
            f"/debates/{c.debate}",
            f"Debate #{c.debate}: {c.debate_question}",
            shows=lambda p: p.get_by_role("heading", name="Transcript", exact=True),
        ),
        PageCheck(
            "question set",
            f"/debates/sets/{c.question_set}",
            "Question sets",
            shows=lambda p: p.get_by_role("heading", name=c.question_set_name, exact=True),
        ),
        PageCheck(
            "debate analytics",
            "/debates/analytics",
            "Debate analytics",
            shows=lambda p: p.get_by_role("heading", name="Calibration", exact=True),
        ),
        *_round_pages(c),
        *_research_pages(c),
    ]


DETAIL_PAGES: dict[Role, Callable[[Content], list[PageCheck]]] = {
    Role.RATER: _rater_pages,
    Role.RESEARCHER: _researcher_pages,
    Role.ADMIN: _research_pages,
}


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


def _rendered(page: Any, check: PageCheck) -> None:
    """Raises AssertionError (saying what is missing), or Playwright's Error from `prepare`,
    unless the page shows its heading and its full state."""
    from playwright.sync_api import expect

    if check.heading is None:
        heading = page.get_by_role("heading", level=1).first
    else:
        heading = page.get_by_role("heading", level=1, name=check.heading, exact=True)
    try:
        expect(heading).to_be_visible(timeout=RENDER_TIMEOUT_MS)
    except AssertionError:
        found = page.get_by_role("heading", level=1).all_inner_texts()
        wanted = check.heading or "at all"
        raise AssertionError(f"no level-1 heading {wanted!r} (found {found})") from None
    if check.shows is not None:
        try:
            expect(check.shows(page)).to_be_visible(timeout=RENDER_TIMEOUT_MS)
        except AssertionError as error:
            first = str(error).splitlines()[0]
            raise AssertionError(f"{check.shows(page)} is not shown: {first}") from None
    if check.prepare is not None:
        check.prepare(page)


def _problems(page: Any, url: str, check: PageCheck) -> list[str]:
    """What is wrong with one page, at each width: loaded afresh at that width, as a phone
    would, so that what is laid out once on load is measured too."""
    from playwright.sync_api import Error as PlaywrightError

    found: list[str] = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(url + check.path)
        _settled(page)
        try:
            _rendered(page, check)
        except (AssertionError, PlaywrightError) as error:
            found.append(f"did not render at {width} px: {str(error).splitlines()[0]}")
            continue
        if width == WIDTHS[0]:
            found += _blocking_violations(page)
        if (extra := _overflow(page)) > 0:
            found.append(f"{extra} px wider than a {width} px screen")
    return found


@pytest.mark.skipif(not AXE_SCRIPT.is_file(), reason="frontend/node_modules is not installed")
def test_every_page_of_every_role_passes_axe_and_fits_the_screen(
    server: str, make_user: Any, published_lines: list[Any]
) -> None:
    from playwright.sync_api import sync_playwright

    users = {role: make_user(role) for role in DETAIL_PAGES}
    content = content_build(rater=users[Role.RATER], researcher=users[Role.RESEARCHER])
    # Read before Playwright starts: its event loop forbids the ORM's synchronous queries.
    usernames = {role: user.username for role, user in users.items()}
    problems: dict[str, list[str]] = {}
    with sync_playwright() as pw:
        browser = chromium_launch(pw)
        for role, detail_pages in DETAIL_PAGES.items():
            # Reduced motion (app/theme.ts respects it): a dialog is checked as it stands, not
            # halfway through its fade-in, whose transparency axe would read as low contrast.
            context = browser.new_context(
                bypass_csp=True,
                viewport={"width": 1280, "height": 900},
                reduced_motion="reduce",
            )
            page = context.new_page()
            _sign_in(page, server, usernames[role])
            nav_pages = _nav_pages(page)
            assert nav_pages, f"the navigation offers a {role.value} no page"
            details = detail_pages(content)
            # A page checked with its content (the judge page, debate analytics) once only.
            opened = {check.path for check in details}
            for check in [*(c for c in nav_pages if c.path not in opened), *details]:
                if found := _problems(page, server, check):
                    problems[f"{role.value} {check.name} ({check.path})"] = found
            context.close()
        browser.close()
    assert not problems, "\n".join(f"{page}: {'; '.join(p)}" for page, p in problems.items())
