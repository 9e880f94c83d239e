# SPDX-License-Identifier: EUPL-1.2
"""End-to-end tests of the register pages in a real browser.

Playwright's sync API drives Debian's chromium (`scripts/ensure-chromium`)
against pytest-django's `live_server`: a resident searches for support points
near a postcode, uses the keyboard, and an LSP staff member updates one of
their support points.

`live_server` runs every test in a transactional database that Django flushes
afterwards, so each test loads the reference data and the 2025 LSP list it
needs, and the module puts the session data back when it is done for the tests
that run after it. The fixtures (`browser`, `page`, `live_register`) live in
`src/dekkend/conftest.py`.
"""

import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Locator, Page, expect

from dekkend.accounts.models import User
from dekkend.accounts.roles import role_group
from dekkend.regions.models import Gemeente
from dekkend.register.models import Steunpunt
from dekkend.register.tests.factories import (
    OrganisatieFactory,
    OrganisatieLidFactory,
    SteunpuntFactory,
    UserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("restore_session_data")]

SCREENSHOT = Path("/tmp/dekkend-zoeken.png")  # outside the repo, for a human to see
WACHTWOORD = "geheim-wachtwoord-123"  # UserFactory's password
MIDDELBURG = "GM0687"


def _attr(locator: Locator, name: str) -> str:
    value = locator.get_attribute(name)
    assert value is not None, name
    return value


def _km(text: str) -> float:
    """'12,3 km' (Dutch) or '12.3 km' -> 12.3."""
    match = re.search(r"(\d+(?:[.,]\d+)?)\s*km", text)
    assert match, text
    return float(match.group(1).replace(",", "."))


def test_resident_finds_nearest_support_points(live_register: Any, page: Page) -> None:
    page.goto(f"{live_register.url}/steunpunten/")
    veld = page.get_by_label("Postcode", exact=True)
    veld.fill("4331")
    with page.expect_response(lambda r: "postcode=4331" in r.url) as antwoord:
        veld.press("Enter")
    assert antwoord.value.status == 200

    kop = page.get_by_role("heading", level=2, name=re.compile("dichtbij 4331"))
    expect(kop).to_be_visible()
    expect(kop).to_contain_text("Middelburg")
    resultaten = page.locator("ol.resultaten > li.resultaat")
    expect(resultaten).to_have_count(10)
    afstanden = [_km(t) for t in resultaten.locator(".afstand").all_inner_texts()]
    assert afstanden == sorted(afstanden), afstanden
    page.screenshot(path=str(SCREENSHOT), full_page=True)

    eerste = resultaten.first.get_by_role("link")
    naam = eerste.inner_text().strip()
    eerste.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(naam)
    expect(page).to_have_title(re.compile(re.escape(naam)))


@pytest.mark.parametrize(
    ("invoer", "melding"),
    [
        # 9999 (Stitswerd) exists; 1000 is a well-formed PC4 that CBS does not list.
        ("1000", "Deze postcode kennen we niet"),
        ("abc", "Dit is geen geldige postcode"),
    ],
)
def test_search_explains_unusable_postcode(
    live_register: Any, page: Page, invoer: str, melding: str
) -> None:
    page.goto(f"{live_register.url}/steunpunten/")
    veld = page.get_by_label("Postcode", exact=True)
    veld.fill(invoer)
    with page.expect_response(lambda r: "postcode=" in r.url) as antwoord:
        veld.press("Enter")
    assert antwoord.value.status == 200

    expect(page.get_by_role("alert")).to_contain_text(melding)
    expect(page.get_by_role("heading", level=1)).to_have_text("Vind een steunpunt")
    expect(page.get_by_label("Postcode", exact=True)).to_have_attribute(
        "aria-invalid", "true"
    )
    expect(page.get_by_label("Postcode", exact=True)).to_have_value(invoer)
    expect(page.locator("ol.resultaten")).to_have_count(0)


def test_skip_link_is_first_tab_stop_and_moves_focus_to_main(
    live_register: Any, page: Page
) -> None:
    page.goto(f"{live_register.url}/steunpunten/")
    page.keyboard.press("Tab")
    skiplink = page.get_by_role("link", name="Direct naar de inhoud")
    expect(skiplink).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("main#inhoud")).to_be_focused()
    expect(page).to_have_url(re.compile("#inhoud$"))


def test_lsp_staff_member_updates_own_support_point(
    live_register: Any, page: Page
) -> None:
    organisatie = OrganisatieFactory(naam="Stichting Browsertest Herstel")
    user = UserFactory(username="lsp-browser")
    assert isinstance(user, User)
    OrganisatieLidFactory(user=user, organisatie=organisatie)
    user.groups.add(role_group("lsp_medewerker"))
    steunpunt = SteunpuntFactory(
        aanbod__organisatie=organisatie,
        aanbod__naam="Herstelplek De Abdij",
        aanbod__locatie__gemeente=Gemeente.objects.get(code=MIDDELBURG),
        aanbod__locatie__postcode="4331 BK",
        aanbod__locatie__plaats="Middelburg",
        aanbod__locatie__lat=51.4999,
        aanbod__locatie__lon=3.6137,
    )
    assert isinstance(steunpunt, Steunpunt)
    naam = steunpunt.aanbod.naam

    page.goto(f"{live_register.url}/account/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("lsp-browser")
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("link", name="Mijn steunpunten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn steunpunten")
    # The row's link reads "Bijwerken" with the name visually hidden after it.
    bijwerken = re.compile(rf"^Bijwerken\s*:\s*{re.escape(naam)}$")
    page.get_by_role("link", name=bijwerken).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"{naam} bijwerken")

    # 9 half-days a week: a large LSP (8-14 half-days).
    for dag in ("maandag", "dinsdag", "woensdag"):
        for dagdeel in ("ochtend", "middag", "avond"):
            page.get_by_label(f"{dag} {dagdeel}", exact=True).check()
    page.get_by_role("button", name="Opslaan").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(naam)
    expect(page.get_by_role("status")).to_contain_text(
        f"De gegevens van {naam} zijn opgeslagen"
    )
    expect(page.locator("dl.gegevens")).to_contain_text("LSP groot (type 1)")
    expect(page.locator("dl.gegevens")).to_contain_text(
        "afgeleid uit 9 dagdelen per week"
    )

    # A postcode that is no postcode: the error summary names the field.
    page.get_by_role("link", name="Gegevens bijwerken").click()
    page.locator("fieldset", has_text="Adres en ligging").get_by_label(
        "Postcode", exact=True
    ).fill("4331 B")
    with page.expect_response(lambda r: r.request.method == "POST") as antwoord:
        page.get_by_role("button", name="Opslaan").click()
    assert antwoord.value.status == 400
    samenvatting = page.locator("#foutsamenvatting")
    expect(samenvatting).to_have_attribute("role", "alert")
    expect(samenvatting).to_contain_text("Controleer de volgende velden")
    expect(samenvatting.get_by_role("link")).to_contain_text(
        "Postcode: Vul een postcode in als 1234 AB."
    )
    locatie = steunpunt.aanbod.locatie
    assert locatie is not None
    locatie.refresh_from_db()
    assert locatie.postcode == "4331 BK"


def test_pages_load_their_stylesheet(live_register: Any, page: Page) -> None:
    with page.expect_response(re.compile(r"/static/dekkend/dekkend\.css")) as css:
        page.goto(f"{live_register.url}/steunpunten/")
    assert css.value.status == 200


def test_search_map_places_origin_and_results(live_register: Any, page: Page) -> None:
    page.goto(f"{live_register.url}/steunpunten/?postcode=4331")
    kaart = page.locator("svg.kaart")
    expect(kaart.locator("circle")).to_have_count(11)  # origin and 10 results
    _, _, breedte, hoogte = (float(v) for v in _attr(kaart, "viewBox").split())
    for circle in kaart.locator("circle").all():
        x, y = float(_attr(circle, "cx")), float(_attr(circle, "cy"))
        assert 0 < x < breedte and 0 < y < hoogte, (x, y)
