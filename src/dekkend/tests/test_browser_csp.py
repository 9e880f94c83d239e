# SPDX-License-Identifier: EUPL-1.2
"""The strict Content-Security-Policy breaks nothing a browser shows: the
pages with data-driven widths (coverage bars) and the stylesheet load without
a single CSP violation in the console."""

from typing import Any

import pytest
from playwright.sync_api import Page

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("restore_session_data")]


def test_pages_load_without_csp_violations(live_register: Any, page: Page) -> None:
    messages: list[str] = []
    page.on("console", lambda m: messages.append(m.text))
    for path in ("/", "/dekking/", "/steunpunten/?postcode=4331"):
        response = page.goto(f"{live_register.url}{path}")
        assert response is not None and response.status == 200
        assert "default-src 'none'" in response.headers["content-security-policy"]
    # The stylesheet applied: the bars have their CSS width, not the default.
    page.goto(f"{live_register.url}/dekking/")
    breedte = page.locator("svg.balk").first.evaluate(
        "e => getComputedStyle(e).display"
    )
    assert breedte == "inline-block"
    violations = [m for m in messages if "Content Security Policy" in m]
    assert violations == []
