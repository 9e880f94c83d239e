# SPDX-License-Identifier: EUPL-1.2
"""axe-core in the browser tests: what a page's accessibility audit finds.

`scripts/ensure-axe` puts the pinned axe-core release under `var/axe-core/`;
`axe_violations` runs it in a Playwright page and returns the violations at or
above an impact level, and `assert_accessible` fails a test with a readable list
of them. Browser tests use it through the `axe` fixture in `dekkend/conftest.py`:

    def test_page(live_register, page, axe):
        page.goto(...)
        axe(page)

Only the test suite imports this module.
"""

from pathlib import Path
from typing import Any

import pytest

AXE_VERSION = "4.10.3"
AXE_JS = (
    Path(__file__).resolve().parents[3]
    / "var"
    / "axe-core"
    / AXE_VERSION
    / "axe.min.js"
)
IMPACTS = ("minor", "moderate", "serious", "critical")
SERIOUS = ("serious", "critical")


def _axe_source() -> str:
    if not AXE_JS.is_file():
        pytest.fail(f"{AXE_JS} is missing: run scripts/ensure-axe")
    return AXE_JS.read_text(encoding="utf-8")


def axe_violations(page: Any, *, impacts: tuple[str, ...] = SERIOUS) -> list[dict]:
    """The axe-core violations on the page whose impact is one of `impacts`.

    Each is axe's own result (`id`, `impact`, `help`, `nodes` with `target`).
    The script is evaluated through the browser's debugging protocol, so a
    page's Content-Security-Policy does not have to allow it.
    """
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(_axe_source())
    result = page.evaluate(
        "async () => await window.axe.run(document, {resultTypes: ['violations']})"
    )
    return [v for v in result["violations"] if v.get("impact") in impacts]


def describe(violations: list[dict]) -> str:
    """One line per violation and up to three offending elements each."""
    lines = []
    for v in violations:
        targets = ", ".join(" ".join(n["target"]) for n in v["nodes"][:3])
        more = f" (+{len(v['nodes']) - 3})" if len(v["nodes"]) > 3 else ""
        lines.append(f"{v['impact']}: {v['id']} — {v['help']}: {targets}{more}")
    return "\n".join(lines)


def assert_accessible(page: Any, *, impacts: tuple[str, ...] = SERIOUS) -> None:
    """Fail when axe-core finds violations of these impacts on the page."""
    violations = axe_violations(page, impacts=impacts)
    assert not violations, f"axe-core on {page.url}:\n{describe(violations)}"
