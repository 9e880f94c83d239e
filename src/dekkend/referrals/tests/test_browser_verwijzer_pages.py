# SPDX-License-Identifier: EUPL-1.2
"""What a GP meets on the referral pages, in a real browser (issue 12,
points 6–8).

- The form fits in a few screens: the optional fields are folded away in
  `<details>` (which open without JavaScript, and open by themselves when a
  field in them is wrong), the consent purpose is read whole, the birth-date
  example is a birth date and no error message reads ".:".
- "Mijn verwijzingen" tells running, returned and ended referrals apart; a
  returned one shows why and what to do next.
- Withdrawing looks unlike sending and asks for confirmation first.
"""

import re
from typing import Any

from django.utils import timezone

import pytest
from playwright.sync_api import Page, expect

from dekkend.accounts.testing import browser_login_with_2fa
from dekkend.referrals import services, workflow
from dekkend.referrals.models import Verwijzing
from dekkend.referrals.tests.factories import (
    inwoner,
    keten_create,
    met_rollen,
    verwijzing_send,
)

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("restore_session_data")]

# The form at 1280×900 was over 3,000 px high; folded it must fit in little
# more than two screens.
MAX_FORM_HEIGHT_PX = 2000
REDEN = "Mevrouw woont in Vlissingen; daar werkt een andere organisatie."


def _gp(live_register: Any, page: Page) -> Any:
    keten = met_rollen(keten_create())
    browser_login_with_2fa(page, live_register.url, keten.verwijzer)
    return keten


def test_the_form_is_short_and_the_rest_is_on_demand(
    live_register: Any, page: Page, axe: Any
) -> None:
    _gp(live_register, page)
    page.goto(f"{live_register.url}/verwijzingen/nieuw/")
    form = page.locator("form.formulier")
    box = form.bounding_box()
    assert box is not None and box["height"] < MAX_FORM_HEIGHT_PX, box

    # What a GP must fill in is in sight; the optional fields are folded.
    for label in ("Naam", "Telefoonnummer", "E-mailadres", "Postcode"):
        expect(page.get_by_label(label, exact=True)).to_be_visible()
    geboortedatum = page.get_by_label("Geboortedatum")
    expect(geboortedatum).to_be_hidden()
    expect(page.get_by_label("Woongemeente")).to_be_hidden()
    page.get_by_text("Geboortedatum, woongemeente").click()
    expect(geboortedatum).to_be_visible()
    # The example is a birth date, not a date of this year.
    hint = page.locator("#id_inwoner_geboortedatum_helptext").inner_text()
    jaar = re.search(r"\d{2}-\d{2}-(\d{4})", hint)
    assert jaar is not None and int(jaar.group(1)) < timezone.localdate().year - 17

    # The consent purpose is shown whole, not cut off in a one-line field.
    doel = page.get_by_label("Waarvoor is toestemming gegeven")
    expect(doel).to_have_value(services.ToestemmingInvoer.doel)
    assert doel.evaluate("el => el.scrollHeight <= el.clientHeight + 1"), (
        "the purpose does not fit its field"
    )
    axe(page)

    # Nothing filled in: the error summary reads as sentences, without ".:".
    page.get_by_role("button", name="Verwijzing versturen").click()
    samenvatting = page.locator("#foutsamenvatting")
    expect(samenvatting).to_be_visible()
    tekst = samenvatting.inner_text()
    assert "Zonder toestemming van de inwoner kunt u niet verwijzen." in tekst
    assert ".:" not in tekst, tekst
    axe(page)


def test_a_wrong_folded_field_opens_its_fold(live_register: Any, page: Page) -> None:
    _gp(live_register, page)
    page.goto(f"{live_register.url}/verwijzingen/nieuw/")
    page.get_by_label("Naam", exact=True).fill("Sanne Kok")
    page.get_by_text("Geboortedatum, woongemeente").click()
    page.get_by_label("Geboortedatum").fill("31-31-1980")
    page.get_by_role("button", name="Verwijzing versturen").click()
    link = page.locator("#foutsamenvatting").get_by_role(
        "link", name=re.compile("^Geboortedatum")
    )
    expect(link).to_contain_text("Vul een datum in als 21-06-1958.")
    link.click()
    geboortedatum = page.get_by_label("Geboortedatum")
    expect(geboortedatum).to_be_visible()
    expect(geboortedatum).to_be_focused()
    expect(geboortedatum).to_have_value("31-31-1980")


def test_the_list_tells_open_from_closed_and_explains_a_return(
    live_register: Any, page: Page, axe: Any
) -> None:
    keten = _gp(live_register, page)
    now = timezone.now()
    verwijzing_send(keten, now=now, inwoner=inwoner(naam="Open Olga"))
    terug = verwijzing_send(keten, now=now, inwoner=inwoner(naam="Terug Theo"))
    services.verwijzing_transition(
        user=keten.brugfunctionaris,
        verwijzing=terug,
        actie=workflow.Actie.TERUGSTUREN,
        reden=REDEN,
    )
    page.goto(f"{live_register.url}/verwijzingen/mijn/")
    rij_terug = page.get_by_role("row", name=re.compile("Terug Theo"))
    expect(rij_terug).to_contain_text(REDEN)
    expect(rij_terug).to_contain_text("Wat nu")
    expect(rij_terug.get_by_role("link", name="Opnieuw verwijzen")).to_be_visible()
    axe(page)

    lijsten = page.get_by_role("navigation", name="Welke verwijzingen")
    lijsten.get_by_role("link", name=re.compile("^Lopend")).click()
    tabel = page.get_by_role("table")
    expect(tabel).to_contain_text("Open Olga")
    expect(tabel).not_to_contain_text("Terug Theo")
    expect(lijsten.get_by_role("link", name=re.compile("^Lopend"))).to_have_attribute(
        "aria-current", "page"
    )
    lijsten.get_by_role("link", name=re.compile("^Teruggestuurd")).click()
    expect(tabel).to_contain_text("Terug Theo")
    expect(tabel).not_to_contain_text("Open Olga")
    lijsten.get_by_role("link", name=re.compile("^Afgerond")).click()
    expect(page.get_by_text("Geen verwijzingen in deze lijst.")).to_be_visible()

    # The referral's own page says the same.
    page.goto(f"{live_register.url}/verwijzingen/mijn/{terug.uuid}/")
    expect(page.locator(".teruggestuurd")).to_contain_text(REDEN)


def _background(page: Page, button: Any) -> str:
    return str(button.evaluate("el => getComputedStyle(el).backgroundColor"))


def test_withdrawing_looks_different_and_asks_first(
    live_register: Any, page: Page, axe: Any
) -> None:
    keten = _gp(live_register, page)
    page.goto(f"{live_register.url}/verwijzingen/nieuw/")
    versturen = _background(
        page, page.get_by_role("button", name="Verwijzing versturen")
    )
    verwijzing = verwijzing_send(keten, now=timezone.now())
    detail = f"{live_register.url}/verwijzingen/mijn/{verwijzing.uuid}/"
    page.goto(detail)
    intrekken = page.get_by_role("button", name="Verwijzing intrekken")
    assert _background(page, intrekken) != versturen
    page.get_by_label("Reden om in te trekken").fill("Dubbel verstuurd")
    intrekken.click()

    # A confirmation step; nothing has happened yet.
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Wilt u de verwijzing voor {verwijzing.inwoner_naam} intrekken?"
    )
    expect(page.get_by_text("Dubbel verstuurd")).to_be_visible()
    axe(page)
    assert Verwijzing.objects.get(pk=verwijzing.pk).status == "verstuurd"
    page.get_by_role("link", name="Nee, niet doen").click()
    expect(page).to_have_url(detail)
    expect(page.locator("#status")).to_have_text("verstuurd")

    page.get_by_label("Reden om in te trekken").fill("Dubbel verstuurd")
    page.get_by_role("button", name="Verwijzing intrekken").click()
    ja = page.get_by_role("button", name="Ja, verwijzing intrekken")
    assert _background(page, ja) != versturen
    ja.click()
    expect(page.get_by_role("status")).to_contain_text("De verwijzing is ingetrokken.")
    expect(page.locator("#status")).to_have_text("ingetrokken")
