# SPDX-License-Identifier: EUPL-1.2
"""One referral walked through in a real browser, by two people in two
browser contexts, each logging in with password and a TOTP code.

The verwijzer creates the referral through the form (first forgetting the
GGZ condition: the error summary names it and the Verkennend Gesprek, and
its link takes the keyboard to the checkbox). The brugfunctionaris finds it
in the inbox, accepts, records a contact, connects the resident to an offer
found near the postcode, sends first feedback, closes with an outcome and
sends closing feedback. The verwijzer reloads "Mijn verwijzingen" and sees
the status and both feedback texts.

Fixtures (`browser`, `page`, `live_register`, `restore_session_data`) live in
`src/dekkend/conftest.py`; see `register/tests/test_browser.py`.
"""

import re
from pathlib import Path
from typing import Any

import pytest
from django_otp.oath import totp
from playwright.sync_api import Browser, Page, expect

from dekkend.accounts.models import User
from dekkend.accounts.roles import role_group
from dekkend.accounts.testing import totp_device_create
from dekkend.referrals.models import Verwijzing
from dekkend.referrals.tests.factories import keten_create
from dekkend.regions.models import Gemeente
from dekkend.regions.selectors import postcode_punt
from dekkend.register.constants import AanbodSoort
from dekkend.register.tests.factories import AanbodFactory, LocatieFactory

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("restore_session_data")]

WACHTWOORD = "geheim-wachtwoord-123"  # UserFactory's password
SCREENSHOT = Path("/tmp/dekkend-verwijzen.png")  # outside the repo, for a human
AANBOD = "Geldzorgen Spreekuur Walcheren"
EERSTE = "Sanne gaat naar het spreekuur geldzorgen."
SLOT = "Schulden op orde; Sanne gaat wekelijks naar de inloop."


def _login(page: Page, base: str, user: User) -> None:
    """Password, then the code from the (simulated) authenticator app."""
    device = totp_device_create(user)
    page.goto(f"{base}/account/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(user.username)
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_label("Wachtwoord").press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Code invullen")
    code = page.get_by_label("Code uit uw authenticator-app")
    code.fill(f"{totp(device.bin_key, step=device.step):06d}")
    code.press("Enter")
    expect(page.get_by_role("heading", level=1)).not_to_have_text("Code invullen")


def _user(user: Any, rol: str) -> User:
    user.groups.add(role_group(rol))
    fresh = User.objects.get(pk=user.pk)
    return fresh


def _status(page: Page) -> Any:
    return page.locator("#status")


def test_referral_walk_across_two_accounts(
    live_register: Any, browser: Browser, page: Page
) -> None:
    base = live_register.url
    keten = keten_create()
    verwijzer = _user(keten.verwijzer, "verwijzer")
    brugfunctionaris = _user(keten.brugfunctionaris, "brugfunctionaris")
    punt = postcode_punt("4331")
    assert punt is not None
    locatie = LocatieFactory(
        gemeente=Gemeente.objects.get(code="GM0687"),
        lat=punt.lat,
        lon=punt.lon,
        plaats="Middelburg",
    )
    AanbodFactory(
        naam=AANBOD,
        soort=AanbodSoort.SCHULDHULP,
        locatie=locatie,
        organisatie=locatie.organisatie,
    )

    # -- The verwijzer refers. ---------------------------------------------------
    _login(page, base, verwijzer)
    page.get_by_role("link", name="Verwijzen", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Verwijzen naar een brugfunctionaris"
    )
    page.get_by_label("Naam", exact=True).fill("Sanne Kok")
    # Date of birth and gemeente are optional, folded away until asked for.
    page.get_by_text("Geboortedatum, woongemeente").click()
    page.get_by_label("Geboortedatum").fill("14-02-1979")
    page.get_by_label("Telefoonnummer").fill("06-12345678")
    page.get_by_label("Postcode").fill("4331 AB")
    page.get_by_label("Woongemeente").select_option("GM0687")
    page.get_by_label("geld en schulden", exact=True).check()
    page.get_by_label("eenzaamheid", exact=True).check()
    for voorwaarde in (
        "De problemen zijn niet (uitsluitend) medisch van aard.",
        "Er is vraagverheldering door",
        "De inwoner vindt zelfstandig niet de weg",
    ):
        vinkje = page.get_by_label(re.compile("^" + re.escape(voorwaarde)))
        vinkje.focus()
        page.keyboard.press("Space")
        expect(vinkje).to_be_checked()
    page.get_by_text("Warme overdracht en toelichting").click()
    page.get_by_label("afspraak gemaakt").check()
    page.get_by_label("de inwoner zelf").check()
    page.get_by_label("mondeling, vastgelegd door de verwijzer").check()
    page.get_by_label(re.compile("^De inwoner heeft toestemming gegeven")).check()
    with page.expect_response(lambda r: r.request.method == "POST") as antwoord:
        page.get_by_role("button", name="Verwijzing versturen").click()
    assert antwoord.value.status == 400

    # The GGZ condition was left open: the summary names the Verkennend Gesprek
    # and its link takes the focus to the checkbox.
    samenvatting = page.locator("#foutsamenvatting")
    expect(samenvatting).to_have_attribute("role", "alert")
    link = samenvatting.get_by_role("link", name=re.compile("Verkennend Gesprek"))
    link.focus()
    page.keyboard.press("Enter")
    ggz = page.get_by_label("Ik zie geen aanleiding voor een verwijzing naar de ggz.")
    expect(ggz).to_be_focused()
    page.keyboard.press("Space")
    expect(ggz).to_be_checked()
    expect(page.get_by_label("Naam", exact=True)).to_have_value("Sanne Kok")
    page.get_by_role("button", name="Verwijzing versturen").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Verwijzing voor Sanne Kok"
    )
    expect(page.get_by_role("status")).to_contain_text("De verwijzing is verstuurd")
    expect(_status(page)).to_have_text("verstuurd")
    verwijzing = Verwijzing.objects.get(inwoner_naam="Sanne Kok")
    assert verwijzing.ontvanger_organisatie == keten.welzijn
    page.get_by_role("link", name="Mijn verwijzingen", exact=True).click()
    rij = page.locator("table.verwijzingen tbody tr", has_text="Sanne Kok")
    expect(rij).to_contain_text("verstuurd")
    expect(rij).to_contain_text("nog geen")

    # -- The brugfunctionaris, in a second browser context. ------------------------
    context = browser.new_context(
        locale="nl-NL", viewport={"width": 1280, "height": 900}
    )
    context.set_default_timeout(10_000)
    brug = context.new_page()
    try:
        _login(brug, base, brugfunctionaris)
        brug.get_by_role("link", name="Inbox", exact=True).click()
        expect(brug.get_by_role("heading", level=1)).to_have_text("Inbox verwijzingen")
        brug.get_by_role("link", name="Sanne Kok").click()
        expect(_status(brug)).to_have_text("verstuurd")

        brug.get_by_role("button", name="Accepteren").click()
        expect(_status(brug)).to_have_text("geaccepteerd")

        brug.get_by_role("link", name="Contact vastleggen").click()
        brug.get_by_label("huisbezoek").check()
        brug.get_by_label("geld en schulden", exact=True).check()
        brug.get_by_label("wonen", exact=True).check()
        duur = brug.get_by_label("Duur in minuten")
        duur.fill("45")
        duur.press("Enter")
        expect(brug.get_by_role("status")).to_contain_text("Het contact is vastgelegd")
        expect(_status(brug)).to_have_text("in behandeling")

        brug.get_by_role("link", name="Verbinden met aanbod").click()
        expect(brug.get_by_label("Postcode")).to_have_value("4331 AB")
        zoekterm = brug.get_by_label("Zoekterm")
        zoekterm.fill("geldzorgen")
        zoekterm.press("Enter")
        keuze = brug.get_by_label(AANBOD)
        expect(keuze).to_be_visible()
        expect(brug.locator(".afstand").first).to_contain_text("km")
        keuze.check()
        brug.get_by_role("button", name="Verbinding vastleggen").click()
        expect(brug.get_by_role("status")).to_contain_text(
            "De verbinding is vastgelegd"
        )
        expect(
            brug.get_by_role("region", name="Verbindingen met aanbod")
        ).to_contain_text(AANBOD)

        brug.get_by_role("link", name="Terugkoppelen aan de verwijzer").click()
        expect(brug.get_by_label("na het eerste contact")).to_be_checked()
        brug.get_by_label("Waar is de inwoner mee aan de slag gegaan?").fill(EERSTE)
        brug.get_by_role("button", name="Terugkoppeling versturen").click()
        expect(brug.get_by_role("status")).to_contain_text("terugkoppeling is naar")

        afsluiten = brug.locator(
            "form", has=brug.get_by_role("button", name="Afsluiten")
        )
        afsluiten.get_by_label("Uitkomst").select_option("geholpen")
        afsluiten.get_by_role("button", name="Afsluiten").click()
        expect(_status(brug)).to_have_text("afgesloten")

        brug.get_by_role("link", name="Terugkoppelen aan de verwijzer").click()
        expect(brug.get_by_label("bij afsluiten")).to_be_checked()
        brug.get_by_label("Waar is de inwoner mee aan de slag gegaan?").fill(SLOT)
        brug.get_by_label("ja", exact=True).check()
        brug.get_by_role("button", name="Terugkoppeling versturen").click()
        expect(
            brug.get_by_role("region", name="Terugkoppeling aan de verwijzer")
        ).to_contain_text(SLOT)
    finally:
        context.close()

    # -- Back with the verwijzer. ------------------------------------------------
    page.reload()
    expect(rij).to_contain_text("afgesloten")
    expect(rij).to_contain_text(EERSTE)
    expect(rij).to_contain_text(SLOT)
    expect(rij).not_to_contain_text(AANBOD)  # connections are not shared
    page.screenshot(path=str(SCREENSHOT), full_page=True)
    rij.get_by_role("link", name="Sanne Kok").click()
    expect(_status(page)).to_have_text("afgesloten")
    expect(page.locator(".terugkoppelingen")).to_contain_text("Geholpen: ja")
