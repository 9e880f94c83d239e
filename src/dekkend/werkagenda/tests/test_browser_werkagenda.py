# SPDX-License-Identifier: EUPL-1.2
"""The werkagenda of Zeeland walked through in a real browser by a regio
user: create it (prefilled from Dekkend's figures), accept the LSP
situation, edit a section, add a SMART goal on "gemeenten met ten minste één
LSP" and a milestone, put it up for adoption, record the decisions of all 13
colleges, adopt it, and download DOCX and PDF (their bytes are checked:
python-docx opens the DOCX and finds the edited text; the PDF starts with
%PDF).

Fixtures (`browser`, `page`, `live_register`, `restore_session_data`) live
in `src/dekkend/conftest.py`.
"""

import io
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from dekkend.regions.selectors import regio_gemeenten
from dekkend.werkagenda.models import Werkagenda
from dekkend.werkagenda.tests.factories import regio_user, zeeland

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("restore_session_data")]

WACHTWOORD = "geheim-wachtwoord-123"  # UserFactory's password
URGENTIE = "In Zeeland hebben vier gemeenten nog geen steunpunt; dat moet anders."


def _login(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/account/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_label("Wachtwoord").press("Enter")
    expect(page.get_by_role("heading", level=1)).not_to_have_text("Inloggen")


def _download(page: Page, link: str) -> bytes:
    # Rendering (the PDF with its map and chart) takes a few seconds.
    with page.expect_download(timeout=90_000) as info:
        page.get_by_role("link", name=link, exact=True).first.click(timeout=90_000)
    path = info.value.path()
    assert path is not None
    return Path(path).read_bytes()


def test_regio_user_prepares_and_adopts_the_werkagenda_of_zeeland(
    live_register: Any, page: Page
) -> None:
    base = live_register.url
    user = regio_user(zeeland(), username="wa-browser")
    _login(page, base, user.username)

    page.goto(f"{base}/werkagenda/")
    page.get_by_role("button", name="Werkagenda Zeeland aanmaken").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Werkagenda Zeeland")
    wa = Werkagenda.objects.get(regio=zeeland())

    # The prefilled situation of the LSP, accepted as proposed.
    situatie = page.locator("#veld-2a-situatie")
    expect(
        situatie.get_by_text("Gemeenten zonder LSP", exact=False).first
    ).to_be_visible()
    situatie.get_by_role("button", name="Voorstel overnemen in Situatie").click()
    expect(page.locator("#tekst-2a-situatie")).to_have_value(
        wa.secties.get(adres="2a.situatie").tekst
    )

    # Edit a section.
    page.locator("#tekst-2a-urgentie").fill(URGENTIE)
    page.locator("#veld-2a-urgentie").get_by_role(
        "button", name="Urgentie opslaan"
    ).click()
    expect(page.get_by_text("De tekst is opgeslagen.")).to_be_visible()
    expect(page.locator("#tekst-2a-urgentie")).to_have_value(URGENTIE)

    # A SMART goal on the number of gemeenten with an LSP.
    doelen = page.locator("#onderdeel-2a-doelen")
    doelen.get_by_label("Doelstelling (wat)").fill(
        "Elke Zeeuwse gemeente heeft een LSP."
    )
    doelen.get_by_label("Maatstaf", exact=True).select_option(
        label="Gemeenten met ten minste één LSP"
    )
    doelen.get_by_label("Streefwaarde").fill("13")
    doelen.get_by_label("Uiterlijk").fill("2030-12-31")
    doelen.get_by_label("Verantwoordelijke").fill("Mandaatgemeente Middelburg")
    for jaar, waarde in ((2027, "10"), (2028, "11"), (2029, "12"), (2030, "13")):
        doelen.get_by_label(f"Ingroeipad {jaar}").fill(waarde)
    doelen.get_by_role("button", name="Doelstelling toevoegen").click()
    expect(page.get_by_text("De doelstelling is opgeslagen.")).to_be_visible()
    expect(
        page.locator("#onderdeel-2a-doelen").get_by_role(
            "rowheader", name="Elke Zeeuwse gemeente heeft een LSP."
        )
    ).to_be_visible()

    # A milestone; first outside the period, which is refused by name.
    mijlpalen = page.locator("#onderdeel-2a-mijlpalen")
    mijlpalen.get_by_label("Kwartaal").fill("2031-K1")
    mijlpalen.get_by_label("Activiteiten").fill("Kwartiermaker LSP aanstellen")
    mijlpalen.get_by_label("Verantwoordelijke").fill("GGD Zeeland")
    mijlpalen.get_by_role("button", name="Mijlpaal toevoegen").click()
    summary = page.locator("#foutsamenvatting")
    expect(summary).to_contain_text("2a. Laagdrempelige steunpunten, mijlpalenplanning")
    expect(summary).to_contain_text("buiten de periode 2027–2030")
    mijlpalen = page.locator("#onderdeel-2a-mijlpalen")
    mijlpalen.get_by_label("Kwartaal").fill("2027-K2")
    mijlpalen.get_by_role("button", name="Mijlpaal toevoegen").click()
    expect(page.get_by_text("De mijlpaal is opgeslagen.")).to_be_visible()
    expect(page.locator("#onderdeel-2a-mijlpalen")).to_contain_text(
        "Kwartiermaker LSP aanstellen"
    )

    # Up for adoption; every college decides.
    page.get_by_role("button", name="Naar „Ter vaststelling”").click()
    expect(page.get_by_text("De status is gewijzigd.")).to_be_visible()
    page.get_by_role("link", name="Collegebesluiten").first.click()
    gemeenten = list(regio_gemeenten(regio=zeeland()))
    assert len(gemeenten) == 13
    for i, g in enumerate(gemeenten):
        rij = page.locator(f"#college-{g.code}")
        rij.get_by_label(f"Datum besluit {g.naam}").fill(f"2026-11-{1 + i:02d}")
        rij.get_by_label(f"Kenmerk {g.naam}").fill(f"B&W-{g.code}")
        rij.get_by_role("button", name=f"Besluit {g.naam} vastleggen").click()
        expect(
            page.get_by_text(f"Het besluit van {g.naam} is vastgelegd.")
        ).to_be_visible()
    expect(page.get_by_text("13 van 13 colleges")).to_be_visible()

    page.get_by_role("link", name="Document").first.click()
    page.get_by_role("button", name="Naar „Vastgesteld”").click()
    expect(page.locator("#status")).to_contain_text("Vastgesteld op")
    wa.refresh_from_db()
    assert wa.status == "vastgesteld" and hasattr(wa, "bevriezing")

    docx_bytes = _download(page, "Download DOCX")
    import docx

    document = docx.Document(io.BytesIO(docx_bytes))
    text = "\n".join(p.text for p in document.paragraphs) + "\n".join(
        c.text for t in document.tables for r in t.rows for c in r.cells
    )
    assert URGENTIE in text
    assert "Elke Zeeuwse gemeente heeft een LSP." in text
    assert "Kwartiermaker LSP aanstellen" in text
    pdf_bytes = _download(page, "Download PDF")
    assert pdf_bytes[:4] == b"%PDF"
