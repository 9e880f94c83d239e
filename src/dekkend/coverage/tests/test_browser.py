# SPDX-License-Identifier: EUPL-1.2
"""End-to-end test of the coverage pages in a real browser.

Playwright's sync API drives Debian's chromium against pytest-django's
`live_server`: a visitor opens the national overview, follows the link of
Zeeland with the keyboard and sees the heading, the map and the targets.

`live_server` runs in a transactional database that Django flushes afterwards,
so the test loads the reference data and the 2025 LSP list itself, and the
module puts the session data back for the tests that run after it (the same
approach as `register/tests/test_browser.py`).
"""

import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("restore_session_data")]

SCREENSHOT = Path("/tmp/dekkend-dekking.png")  # outside the repo, for a human to see


def test_visitor_follows_zeeland_from_the_overview_to_its_coverage(
    live_register: Any, page: Page
) -> None:
    page.goto(f"{live_register.url}/dekking/")
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        "Dekkend netwerk van laagdrempelige steunpunten"
    )
    regios = page.locator("table").filter(has_text="Regio's op").locator("tbody tr")
    expect(regios).to_have_count(31)

    link = regios.get_by_role("link", name="Zeeland", exact=True)
    expect(link).to_have_attribute("href", "/dekking/zorgkantoorregio-2025/ZK27/")
    link.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/dekking/zorgkantoorregio-2025/ZK27/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Dekking Zeeland")
    expect(page).to_have_title(re.compile("Dekking Zeeland"))

    kaart = page.locator("svg.kaart")
    expect(kaart).to_be_visible()
    expect(kaart.locator("path")).to_have_count(13)
    expect(kaart.locator("circle")).to_have_count(12)

    expect(
        page.get_by_role("heading", name="Streefwaarden van de basisfunctionaliteiten")
    ).to_be_visible()
    streefwaarden = page.locator("table").filter(has_text="Verwijzingen per jaar")
    expect(streefwaarden).to_be_visible()
    expect(streefwaarden).to_contain_text("2.349,8")
    expect(streefwaarden).to_contain_text("003 §7 en 004 Sociaal verwijzen")
    expect(streefwaarden.locator("tbody tr")).to_have_count(12)

    # Anonymous visitors read, they cannot change anything.
    expect(page.get_by_role("button", name="Bewaar deze analyse")).to_have_count(0)
    page.screenshot(path=str(SCREENSHOT), full_page=True)
    assert SCREENSHOT.stat().st_size > 10_000
