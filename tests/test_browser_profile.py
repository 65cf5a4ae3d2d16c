"""In Chromium: a rater downloads everything Co-Align holds about them, then erases their
background answers after a confirm step and sees the result."""

import json

from accounts.models import RaterProfile
from accounts.roles import Role
from annotation.hazards.services.assignment import assignment_next
from annotation.hazards.services.labels import label_submit
from signalpool.models import Signal
from tests.browser import BROWSER_MARKS, chromium_launch
from tests.factories import PASSWORD, RaterProfileFactory, ResponseFactory

pytestmark = BROWSER_MARKS


def test_a_rater_downloads_their_data_and_erases_their_background(
    server: str, make_user, tmp_path
) -> None:
    from playwright.sync_api import expect, sync_playwright

    rater = make_user(Role.RATER)
    RaterProfileFactory.create(user=rater, region="Europe", perspective="Night-shift nurse")
    # One piece of work, which the export must hold and the erasure must keep.
    response = ResponseFactory.create(text="a response to label")
    assert assignment_next(rater=rater, campaign=response.prompt.campaign) == response
    label_submit(rater=rater, response=response, harmful=False)
    username = rater.username
    with sync_playwright() as pw:
        browser = chromium_launch(pw)
        page = browser.new_page(accept_downloads=True)
        page.goto(server + "/login")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        page.get_by_role("navigation", name="Main").get_by_role("link", name="Profile").click(
            timeout=15000
        )
        expect(page.get_by_role("heading", name="Your profile")).to_be_visible(timeout=15000)
        expect(page.get_by_label("Region")).to_have_value("Europe", timeout=15000)

        with page.expect_download(timeout=30000) as download:
            page.get_by_role("button", name="Download my data").click()
        assert download.value.suggested_filename == f"co-align-data-{username}.json"
        saved = tmp_path / "export.json"
        download.value.save_as(saved)
        export = json.loads(saved.read_text())
        assert export["account"]["username"] == username
        assert export["profile"]["region"] == "Europe"
        assert [(s["kind"], s["item_id"]) for s in export["signals"]] == [
            ("hazard_label", str(response.pk))
        ]

        page.get_by_role("button", name="Erase my background data").click()
        confirm = page.get_by_role("group", name="Confirm erasing")
        expect(confirm).to_contain_text("Erase your background answers for good?")
        confirm.get_by_role("button", name="Yes, erase").click()
        # The page's other status region is the trust section's empty state.
        expect(page.get_by_role("status").filter(has_text="erased")).to_have_text(
            "Your background answers were erased and consent withdrawn.", timeout=15000
        )
        expect(confirm).to_have_count(0)
        # The form shows what is stored now: nothing, and no consent.
        expect(page.get_by_label("Region")).to_have_value("")
        browser.close()

    profile = RaterProfile.objects.get(user=rater)
    assert not profile.consent_given
    assert profile.region == profile.perspective == ""
    assert Signal.objects.filter(source_user=rater).count() == 1  # the work stays
