"""A rater labels a response and writes its safe rewrite with the keyboard, in Chromium."""

from accounts.roles import Role
from annotation.hazards.models import Campaign, Label
from registry.selectors import published_version
from signalpool.models import Signal
from tests.browser import BROWSER_MARKS, chromium_launch
from tests.factories import PASSWORD

# Skipped, with the reason, without Chromium or a built frontend.
pytestmark = BROWSER_MARKS

# Selects [start, end) of the response text, which marks may split into several text nodes.
SELECT = """([start, end]) => {
  const pre = document.querySelector('[aria-label="Response text"]');
  const walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let seen = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.textContent.length;
    if (start >= seen && start <= seen + length) range.setStart(node, start - seen);
    if (end >= seen && end <= seen + length) { range.setEnd(node, end - seen); break; }
    seen += length;
  }
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
}"""


def test_a_rater_labels_and_rewrites_with_the_keyboard(
    server: str,
    make_user,
    labelled_campaign,
) -> None:
    from playwright.sync_api import expect, sync_playwright

    campaign = labelled_campaign(n=1, k=1)
    rater = make_user(Role.RATER)
    with sync_playwright() as pw:
        browser = chromium_launch(pw)
        page = browser.new_page()
        page.goto(server + "/login")
        page.get_by_label("Username").fill(rater.username)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        expect(page.get_by_role("heading", name="Your work")).to_be_visible(timeout=15000)
        page.get_by_role("link", name=f"Label model responses: {campaign.name}").click()

        expect(page.get_by_text("Content warning")).to_be_visible(timeout=15000)
        expect(page.get_by_label("Response text")).to_have_count(0)
        page.keyboard.press("Enter")
        expect(page.get_by_label("Response text")).to_have_text("response text number 0")
        # "text" is marked first; then a selection from "response" across the mark.
        page.evaluate(SELECT, [9, 13])
        page.keyboard.press("m")
        expect(page.locator("mark")).to_have_text("text")
        page.evaluate(SELECT, [0, 11])
        page.keyboard.press("m")
        expect(page.locator("mark")).to_have_text("response text")
        page.keyboard.press("h")
        page.keyboard.press("1")
        page.keyboard.press("]")
        page.keyboard.press("e")
        page.keyboard.type("I won't help with that, but here is a safer option.")
        page.keyboard.press("Control+Enter")
        expect(page.get_by_text("Nothing is left for you to label")).to_be_visible(timeout=15000)
        browser.close()

    label = Label.objects.get(rater=rater)
    assert label.harmful
    assert label.severity == 2
    assert label.spans == [[0, 13]]
    assert label.rewrite == "I won't help with that, but here is a safer option."
    first_code = campaign.taxonomy.categories.order_by("code").first()
    assert first_code is not None
    assert label.categories == [first_code.code]
    assert Signal.objects.filter(source_user=rater, kind="safe_rewrite").count() == 1


def test_a_researcher_creates_a_campaign_and_uploads_prompts(
    server: str,
    make_user,
    published_lines,
    tmp_path,
) -> None:
    from playwright.sync_api import expect, sync_playwright

    researcher = make_user(Role.RESEARCHER)
    upload = tmp_path / "attacks.jsonl"
    upload.write_text('{"prompt": "first", "category": "hte"}\n{"prompt": "second"}\n')
    with sync_playwright() as pw:
        browser = chromium_launch(pw)
        page = browser.new_page()
        page.goto(server + "/login")
        page.get_by_label("Username").fill(researcher.username)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        expect(page.get_by_role("heading", name="Your work")).to_be_visible(timeout=15000)
        page.goto(server + "/hazards/campaigns")

        page.get_by_text("New campaign").click()
        page.get_by_label("Campaign name").fill("Browser probe")
        page.get_by_role("button", name="Create campaign").click()
        expect(page.get_by_role("heading", name="Browser probe")).to_be_visible(timeout=15000)

        page.get_by_label("Prompt file").set_input_files(str(upload))
        page.get_by_role("button", name="Import").click()
        expect(page.get_by_text("Imported 2 prompts")).to_be_visible(timeout=15000)
        browser.close()

    campaign = Campaign.objects.get(name="Browser probe")
    # No version chosen: the line's published version is the target.
    assert campaign.target_version is not None
    assert campaign.target_version.line.slug == "redteam-target"
    assert published_version(line="redteam-target") == campaign.target_version
    assert sorted(campaign.prompts.values_list("text", flat=True)) == ["first", "second"]
