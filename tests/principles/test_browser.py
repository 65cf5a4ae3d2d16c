"""In the browser: a rater votes, a researcher closes the round, a new version is in force."""

import datetime as dt

from django.utils import timezone

from accounts.roles import Role
from annotation.principles.services.constitution import constitution_seed
from annotation.principles.services.proposals import proposal_submit
from annotation.principles.services.rounds import round_open
from annotation.principles.services.votes import vote_cast
from tests.browser import BROWSER_MARKS, chromium_launch
from tests.factories import PASSWORD

pytestmark = BROWSER_MARKS


def sign_in(page, url: str, username: str) -> None:
    from playwright.sync_api import expect

    page.goto(url + "/login")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Your work")).to_be_visible(timeout=15000)


def test_raters_vote_and_the_round_enacts_a_new_version(server: str, make_user) -> None:
    from playwright.sync_api import expect, sync_playwright

    constitution_seed()
    researcher = make_user(Role.RESEARCHER)
    rater, other_rater = make_user(Role.RATER), make_user(Role.RATER)
    now = timezone.now()
    voting_round = round_open(
        user=researcher,
        title="Browser round",
        opens_at=now - dt.timedelta(minutes=1),
        closes_at=now + dt.timedelta(hours=1),
        min_participants=2,
    )
    proposal = proposal_submit(
        voting_round=voting_round,
        action="amend",
        principle_key="mutual-trust",
        title="Mutual trust",
        text="Trust is earned in both directions and checked again as abilities grow.",
        audience="shared",
        rationale="Capabilities change.",
        author_user=other_rater,
    )
    vote_cast(proposal=proposal, user=other_rater, choice="agree")

    with sync_playwright() as pw:
        browser = chromium_launch(pw)
        page = browser.new_page()
        sign_in(page, server, rater.username)
        # The open round is on the rater's home page.
        page.get_by_role("link", name="Vote on proposed principles: Browser round").click()
        card = page.get_by_role("listitem", name="amend mutual-trust")
        expect(card.get_by_text("Vote to see the tally and the comments.")).to_be_visible()
        card.get_by_role("button", name="Agree", exact=True).click()
        expect(card.get_by_label("Tally")).to_contain_text("Humans: 2 agree, 0 disagree, 0 pass.")

        page = browser.new_context().new_page()
        sign_in(page, server, researcher.username)
        page.goto(f"{server}/principles/rounds/{voting_round.pk}")
        page.get_by_role("button", name="Close round now").click()
        expect(page.get_by_role("heading", name="Results")).to_be_visible(timeout=15000)
        page.get_by_role("link", name="version 2").click()
        expect(page.get_by_role("heading", name="Constitution version 2")).to_be_visible()
        expect(page.get_by_role("list", name="Differences")).to_contain_text(
            "Trust is earned in both directions"
        )
        browser.close()
