"""In Chromium: a researcher reads a labelled campaign's analytics, which a real worker
computes, and adjudicates the response its raters disagree on until it shows as resolved."""

from typing import Any

import pytest

from accounts.roles import Role
from annotation.hazards.models import Adjudication
from annotation.hazards.services.assignment import assignment_next
from annotation.hazards.services.labels import label_submit
from tests.browser import BROWSER_MARKS, chromium_launch
from tests.factories import PASSWORD

pytestmark = [*BROWSER_MARKS, pytest.mark.worker]

HARMFUL: dict[str, Any] = {
    "harmful": True,
    "categories": ["vcr"],
    "severity": 2,
    "rewrite": "I can't help.",
}


def test_a_researcher_reads_analytics_and_adjudicates_a_disagreement(
    server: str, celery_worker: str, make_user, labelled_campaign, raters
) -> None:
    from playwright.sync_api import expect, sync_playwright

    campaign = labelled_campaign(n=3, k=3)
    disputed = campaign.prompts.order_by("id")[0].responses.get()
    # Three raters label every response; two of them call the first one harmful.
    for index, rater in enumerate(raters[:3]):
        while (response := assignment_next(rater=rater, campaign=campaign)) is not None:
            fields: dict[str, Any] = (
                HARMFUL if response == disputed and index < 2 else {"harmful": False}
            )
            label_submit(rater=rater, response=response, **fields)
    researcher = make_user(Role.RESEARCHER)
    with sync_playwright() as pw:
        browser = chromium_launch(pw)
        page = browser.new_page()
        page.goto(server + "/login")
        page.get_by_label("Username").fill(researcher.username)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        expect(page.get_by_role("heading", name="Your work")).to_be_visible(timeout=15000)
        page.goto(f"{server}/hazards/campaigns/{campaign.pk}")

        analytics = page.get_by_role("region", name="Analytics")
        # The page asks again until the worker has stored the report.
        status = analytics.get_by_role("status").filter(has_text="Computed")
        expect(status).to_be_visible(timeout=60000)
        expect(status).not_to_contain_text("Recomputing", timeout=60000)
        expect(analytics).to_contain_text("3 labelled items, 9 human labels, 0 AI labels")
        expect(analytics.get_by_role("img", name="Hazard rate per model version")).to_contain_text(
            "(n=3)"
        )
        agreement = analytics.get_by_role("table").filter(
            has=page.get_by_role("columnheader", name="Krippendorff's alpha")
        )
        harmful_row = agreement.get_by_role("row").filter(
            has=page.get_by_role("cell", name="harmful", exact=True)
        )
        expect(harmful_row.get_by_role("cell").nth(1)).to_have_text("3")  # items with 2+ labels
        raters_table = analytics.get_by_role("table").filter(
            has=page.get_by_role("columnheader", name="Estimated accuracy")
        )
        for rater in raters[:3]:
            row = raters_table.get_by_role("row").filter(
                has=page.get_by_role("cell", name=rater.username, exact=True)
            )
            expect(row.get_by_role("cell").nth(1)).to_have_text("3")  # labels

        expect(
            analytics.get_by_role("heading", name="Disagreements awaiting adjudication (1)")
        ).to_be_visible()
        expect(analytics).to_contain_text(f"Response {disputed.pk}: 2 of 3 say harmful")
        analytics.get_by_role("checkbox", name="Harmful").check()
        analytics.get_by_role("group", name="Categories").get_by_role("checkbox").first.check()
        analytics.get_by_label("Reason").fill("Two raters saw the risk; it is real.")
        analytics.get_by_role("button", name=f"Adjudicate response {disputed.pk}").click()

        # Resolved: the recomputed report no longer lists it as awaiting adjudication.
        expect(
            analytics.get_by_role("heading", name="Disagreements awaiting adjudication (0)")
        ).to_be_visible(timeout=60000)
        expect(
            analytics.get_by_role("button", name=f"Adjudicate response {disputed.pk}")
        ).to_have_count(0)
        browser.close()

    adjudication = Adjudication.objects.get(response=disputed)
    assert adjudication.researcher == researcher
    assert adjudication.harmful
    assert adjudication.reason == "Two raters saw the risk; it is real."
