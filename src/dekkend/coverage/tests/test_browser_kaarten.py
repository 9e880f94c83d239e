# SPDX-License-Identifier: EUPL-1.2
"""What a user sees on the maps, the placement advice and the coverage
figures (issue 12, points 3, 4 and 5), in a real browser, with axe-core.

Maps: named places, a scale, the searched location and a legend inside the
picture, an accessible name that states the content, no links inside the
image. Advice: a sentence and a table a policy officer can read. Figures:
every measure explained where it is shown, wide tables reachable by keyboard,
dates in Dutch.
"""

import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from dekkend.register.models import Steunpunt

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("restore_session_data")]

ZEELAND = "/dekking/zorgkantoorregio-2025/ZK27/"
ZONDER_LSP = ("Noord-Beveland", "Reimerswaal", "Tholen", "Veere")


def _kaart_teksten(page: Page) -> list[str]:
    return [t.strip() for t in page.locator("svg.kaart text").all_text_contents()]


def test_maps_show_names_scale_search_location_and_legend(
    live_register: Any, page: Page, axe: Any
) -> None:
    # The resident's search: the location and the numbered results on the map.
    page.goto(f"{live_register.url}/steunpunten/?postcode=4331")
    kaart = page.get_by_role(
        "img", name="Kaart van uw zoeklocatie en de 10 dichtstbijzijnde steunpunten"
    )
    expect(kaart).to_be_visible()
    teksten = _kaart_teksten(page)
    assert "Zoeklocatie" in teksten
    assert "uw zoeklocatie" in teksten  # the legend
    assert "Middelburg (Z.)" in teksten  # the gemeente searched in
    assert any(re.fullmatch(r"\d+(,\d)? km", t) for t in teksten), teksten
    assert "1" in teksten  # the nearest result, numbered as in the list
    # The picture is one image: nothing inside it takes the keyboard focus.
    expect(page.locator("svg.kaart a")).to_have_count(0)
    axe(page)

    # A support point's own page: where it lies, among named neighbours.
    steunpunt = Steunpunt.objects.filter(
        aanbod__locatie__gemeente__code="GM0687"
    ).first()
    assert steunpunt is not None
    page.goto(f"{live_register.url}/steunpunten/{steunpunt.aanbod.uuid}/")
    expect(
        page.get_by_role("img", name=re.compile(r"ligt in de gemeente Middelburg"))
    ).to_be_visible()
    teksten = _kaart_teksten(page)
    assert {"Middelburg (Z.)", "Vlissingen"} <= set(teksten), teksten
    assert "gemeente van het steunpunt" in teksten
    axe(page)

    # A region's coverage map: which gemeenten lack an LSP, at a glance.
    for url in (ZEELAND, "/regios/zorgkantoorregio-2025/ZK27/"):
        page.goto(f"{live_register.url}{url}")
        expect(
            page.get_by_role(
                "img",
                name="Kaart van Zeeland: 13 gemeenten, 4 zonder LSP: "
                "Noord-Beveland, Reimerswaal, Tholen en Veere.",
            )
        ).to_be_visible()
        teksten = _kaart_teksten(page)
        assert set(ZONDER_LSP) <= set(teksten), teksten  # named on the map
        assert "gemeente zonder LSP" in teksten
        axe(page)

    page.goto(f"{live_register.url}/dekking/")
    expect(page.get_by_role("img", name=re.compile(r"zonder LSP"))).to_be_visible()
    axe(page)


def test_placement_advice_reads_as_a_sentence_and_a_table(
    live_register: Any, page: Page, axe: Any
) -> None:
    page.goto(f"{live_register.url}{ZEELAND}")
    page.get_by_label("Afstand (km)").fill("10")
    page.get_by_role("button", name="Bereken advies").click()

    samenvatting = page.get_by_role("status")
    expect(samenvatting).to_contain_text("Advies:")
    expect(samenvatting).to_contain_text(re.compile(r"binnen 10 km van een LSP \(nu"))
    expect(samenvatting).to_contain_text("plaatsen per jaar")
    for naam in ZONDER_LSP:
        expect(samenvatting).to_contain_text(naam)
    # Not the solver's vocabulary.
    expect(samenvatting).not_to_contain_text("kosten")
    expect(samenvatting).not_to_contain_text("optimaal")

    tabel = page.get_by_role("table", name="Wat het advies per gemeente doet")
    rijen = tabel.locator("tbody tr")
    assert rijen.count() >= len(ZONDER_LSP)
    expect(tabel).to_contain_text("de gemeente heeft nog geen LSP")
    for rij in rijen.all():
        plaatsen = rij.locator("td").nth(1).inner_text()
        assert re.fullmatch(r"\+[\d.]+", plaatsen), plaatsen

    voor_na = page.get_by_role("table", name=re.compile("Nu en met het advies"))
    expect(voor_na).to_contain_text("Inwoners binnen 10 km van een LSP")

    # The solver's account is there for who wants it, folded away.
    berekening = page.get_by_text("Hoe het advies is berekend")
    expect(berekening).to_be_visible()
    expect(page.locator(".advies__berekening li").first).to_be_hidden()
    berekening.click()
    expect(page.locator(".advies__berekening li").first).to_be_visible()
    axe(page)


def test_figures_are_explained_tables_reachable_and_dates_dutch(
    live_register: Any, page: Page, axe: Any
) -> None:
    page.set_viewport_size({"width": 800, "height": 900})
    page.goto(f"{live_register.url}{ZEELAND}")

    # Capaciteit / behoefte is explained where it is shown, with the numbers.
    uitleg = page.locator("#uitleg-kerncijfers")
    expect(uitleg).to_be_visible()
    expect(uitleg).to_contain_text("Capaciteit / behoefte")
    expect(uitleg).to_contain_text("1,7% van de inwoners")
    expect(uitleg).to_contain_text("1.000 voor een LSP groot")

    # The wide table scrolls, and the keyboard can reach and scroll it.
    regio = page.get_by_role("region", name="Per gemeente")
    breed = regio.evaluate("e => e.scrollWidth > e.clientWidth")
    assert breed, "the table should be wider than the page at 800 px"
    page.get_by_role("link", name="JSON").focus()
    for _ in range(60):
        page.keyboard.press("Tab")
        if regio.evaluate("e => e === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the table region")
    for _ in range(5):
        page.keyboard.press("ArrowRight")
    # Keyboard scrolling may be smooth, so wait for it rather than read at once.
    page.wait_for_function(
        "e => e.scrollLeft > 0", arg=regio.element_handle(), timeout=5_000
    )
    expect(page.get_by_role("columnheader", name="geadviseerd type")).to_be_attached()
    advies_cel = regio.locator("tbody tr").first.locator("td").last
    expect(advies_cel).to_have_text(re.compile(r"^(groot|middel|klein)$"))

    # Dutch dates: the field shows and takes dag-maand-jaar.
    veld = page.get_by_label("Peildatum")
    assert re.fullmatch(r"\d{1,2}-\d{1,2}-\d{4}", veld.input_value())
    veld.fill("1-11-2025")
    veld.press("Enter")
    expect(page.get_by_text("Cijfers op peildatum 1 november 2025.")).to_be_visible()
    expect(page.get_by_label("Peildatum")).to_have_value("1-11-2025")
    axe(page)
