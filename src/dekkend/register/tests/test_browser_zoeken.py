# SPDX-License-Identifier: EUPL-1.2
"""What a resident sees in a real browser: how to reach a support point
(contact details, or what to do when they are missing), and distances that
say what they are measured to and when they cross water.

Same fixtures and session-data handling as test_browser.py.
"""

import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from dekkend.accounts.roles import role_group
from dekkend.regions.models import Gemeente
from dekkend.register.models import Aanbod
from dekkend.register.tests.factories import (
    OrganisatieFactory,
    OrganisatieLidFactory,
    SteunpuntFactory,
    UserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("restore_session_data")]

WACHTWOORD = "geheim-wachtwoord-123"  # UserFactory's password
MIDDELBURG = "Hersteltalent - Zelfregiecentrum Middelburg"


def _login(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/account/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()


def test_resident_sees_how_to_reach_a_support_point(
    live_register: Any, page: Page
) -> None:
    organisatie = OrganisatieFactory(naam="Stichting Contacttest", website="")
    user = UserFactory(username="lsp-contact")
    OrganisatieLidFactory(user=user, organisatie=organisatie)
    user.groups.add(role_group("lsp_medewerker"))
    steunpunt = SteunpuntFactory(
        aanbod__organisatie=organisatie,
        aanbod__naam="Inloophuis Het Bolwerk",
        aanbod__telefoon="",
        aanbod__email="",
        aanbod__website="",
        aanbod__locatie__gemeente=Gemeente.objects.get(code="GM0687"),
        aanbod__locatie__postcode="4331 BK",
        aanbod__locatie__lat=51.4990,
        aanbod__locatie__lon=3.6100,
    )

    # The LSP staff member fills in the contact details; a bad number is named.
    _login(page, live_register.url, "lsp-contact")
    page.goto(f"{live_register.url}/mijn/steunpunten/{steunpunt.aanbod.uuid}/bewerken/")
    contact = page.locator("fieldset", has_text="Contactgegevens voor inwoners")
    contact.get_by_label("Telefoon").fill("bel maar")
    with page.expect_response(lambda r: r.request.method == "POST") as antwoord:
        page.get_by_role("button", name="Opslaan").click()
    assert antwoord.value.status == 400
    expect(page.locator("#foutsamenvatting")).to_contain_text(
        "Telefoon: Vul een telefoonnummer in"
    )
    contact = page.locator("fieldset", has_text="Contactgegevens voor inwoners")
    contact.get_by_label("Telefoon").fill("0118 123456")
    contact.get_by_label("E-mail").fill("inloop@bolwerk.example")
    contact.get_by_label("Website").fill("https://bolwerk.example")
    contact.get_by_label("Contactpersoon").fill("Anna, ervaringsdeskundige")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Inloophuis Het Bolwerk")

    # Its page: a phone link, a mail link, the site and whom to ask for.
    bel = page.get_by_role("link", name="0118 123456")
    expect(bel).to_have_attribute("href", "tel:0118123456")
    expect(page.get_by_role("link", name="inloop@bolwerk.example")).to_have_attribute(
        "href", "mailto:inloop@bolwerk.example"
    )
    expect(
        page.get_by_text("Contactpersoon: Anna, ervaringsdeskundige")
    ).to_be_visible()

    # A resident searching nearby sees the number in the result itself.
    page.goto(f"{live_register.url}/steunpunten/?postcode=4331")
    resultaat = page.locator("li.resultaat", has_text="Inloophuis Het Bolwerk")
    expect(resultaat).to_contain_text("Bel 0118 123456")
    expect(resultaat.get_by_role("link", name="0118 123456")).to_be_visible()

    # A listed LSP without any details: the page says what to do instead.
    zonder = page.locator("li.resultaat", has_text=MIDDELBURG)
    expect(zonder).to_contain_text(
        "Vraag het Wmo-loket of sociaal wijkteam van de gemeente Middelburg"
    )
    zonder.get_by_role("link", name=MIDDELBURG).click()
    expect(page.get_by_role("heading", level=2, name="Contact")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Vraag het Wmo-loket")
    expect(page.locator("main")).to_contain_text(
        "De openingstijden zijn nog niet ingevuld. Bel, mail of kijk op de website"
    )


def test_distances_say_what_they_measure_and_when_they_cross_water(
    live_register: Any, page: Page
) -> None:
    # Den Burg on Texel: an LSP on the island, and the mainland across the water.
    SteunpuntFactory(
        aanbod__naam="Ontmoetingsplek Den Burg",
        aanbod__locatie__gemeente=Gemeente.objects.get(code="GM0448"),
        aanbod__locatie__lat=53.0540,
        aanbod__locatie__lon=4.7980,
        aanbod__locatie__positie_bron="adres",
    )
    page.goto(f"{live_register.url}/steunpunten/?postcode=1791")
    resultaten = page.locator("ol.resultaten > li.resultaat")
    expect(resultaten).to_have_count(10)

    eiland = page.locator("li.resultaat", has_text="Ontmoetingsplek Den Burg")
    expect(eiland.locator(".afstand")).to_have_text(re.compile(r"^\d+(,\d)? km$"))
    expect(eiland).to_contain_text("hemelsbreed tot het adres")
    expect(eiland).not_to_contain_text("Over het water")

    # Every mainland result says "over het water" and that it is no travel distance.
    overkant = resultaten.filter(has_not_text="Ontmoetingsplek Den Burg")
    expect(overkant).to_have_count(9)
    for item in overkant.all():
        expect(item.locator(".afstand")).to_have_text(
            re.compile(r"^Over het water: \d+(,\d)? km in rechte lijn$")
        )
        expect(item).to_contain_text("geen reisafstand: u moet met de veerboot")

    # On the mainland, a position at the gemeente's centre is said to be so.
    page.goto(f"{live_register.url}/steunpunten/?postcode=4331")
    eerste = page.locator("li.resultaat").first
    expect(eerste).to_contain_text(MIDDELBURG)
    expect(eerste).to_contain_text(
        "hemelsbreed tot het midden van de gemeente; het adres staat nog niet in het register"
    )
    assert Aanbod.objects.get(naam=MIDDELBURG).locatie.positie_bron == "gemeente"
