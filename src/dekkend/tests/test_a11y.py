# SPDX-License-Identifier: EUPL-1.2
"""The axe-core harness finds what it should, on a page of ours and on a bad one."""

from typing import Any

import pytest

from dekkend.tests.a11y import axe_violations, describe

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("restore_session_data")]


def test_axe_reports_an_image_without_text(page: Any) -> None:
    page.set_content(
        '<html lang="nl"><head><title>t</title></head>'
        '<body><main><a href="/x"><img src="/a.png"></a></main></body></html>'
    )
    found = axe_violations(page)
    assert {"image-alt", "link-name"} <= {v["id"] for v in found}, describe(found)


def test_home_page_has_no_serious_violations(
    live_register: Any, page: Any, axe: Any
) -> None:
    page.goto(f"{live_register.url}/")
    axe(page)
