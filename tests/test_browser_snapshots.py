"""In the browser: an admin builds a dataset snapshot, downloads its Hugging Face export, and
finds the export in the audit log filtered by action."""

import zipfile

from accounts.roles import Role
from signalpool.kinds import SignalKind
from signalpool.services import signal_record
from tests.browser import BROWSER_MARKS, chromium_launch
from tests.factories import PASSWORD

pytestmark = BROWSER_MARKS


def test_an_admin_builds_a_snapshot_and_finds_its_export_in_the_audit_log(
    server: str, celery_worker: str, make_user, tmp_path
) -> None:
    from playwright.sync_api import expect, sync_playwright

    rater = make_user(Role.RATER)
    # Prompts unique to this test: the snapshot's content hash is new, so it is built here.
    for i in range(12):
        signal_record(
            kind=SignalKind.PREFERENCE,
            item_type="browser.item",
            item_id=i,
            payload={
                "prompt": f"Browser journey {tmp_path.name} {i}?\n",
                "chosen": "Yes.",
                "rejected": "No.",
            },
            idempotency_key=f"browser-{i}",
            source_user=rater,
        )
    admin = make_user(Role.ADMIN)
    with sync_playwright() as pw:
        browser = chromium_launch(pw)
        page = browser.new_page(accept_downloads=True)
        page.goto(server + "/login")
        page.get_by_label("Username").fill(admin.username)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()

        nav = page.get_by_role("navigation", name="Main")
        nav.get_by_role("link", name="Snapshots").click()
        expect(page.get_by_role("heading", name="Dataset snapshots")).to_be_visible(timeout=15000)
        page.get_by_label("Held-out share").fill("0.25")
        page.get_by_role("button", name="Build snapshot").click()
        expect(page.get_by_role("status").filter(has_text="is building")).to_be_visible(
            timeout=15000
        )

        table = page.get_by_role("table")
        expect(table.get_by_text("ready")).to_be_visible(timeout=60000)
        with page.expect_download(timeout=60000) as download:
            table.get_by_role("link", name="Hugging Face export (zip)").click()
        archive = tmp_path / "export.zip"
        download.value.save_as(archive)
        assert any(name.endswith("/README.md") for name in zipfile.ZipFile(archive).namelist())

        nav.get_by_role("link", name="Audit log").click()
        page.get_by_label("Action").select_option(label="Snapshot exported (Hugging Face)")
        page.get_by_role("button", name="Filter").click()
        expect(page).to_have_url(f"{server}/audit?action=snapshot.export", timeout=15000)
        log = page.get_by_role("table")
        expect(log.get_by_role("row")).to_have_count(2, timeout=15000)
        expect(log.get_by_text(admin.username)).to_be_visible()
        expect(log.get_by_text("Snapshot exported (Hugging Face)")).to_be_visible()
        browser.close()
