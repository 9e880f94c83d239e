# SPDX-License-Identifier: EUPL-1.2
"""The question partials under `lspmonitor/vragen/`, rendered with Django's
template engine: every field has a label, choices and matrices are fieldsets
with a legend, help and errors are tied with aria-describedby, required is
said in words, and values come back from saved or posted answers."""

from html.parser import HTMLParser
from typing import Any

from django.template.loader import render_to_string

import pytest

from dekkend.lspmonitor.questionnaire.definition import vragenlijst_get
from dekkend.lspmonitor.questionnaire.weergave import (
    VraagWeergave,
    formulier,
    vraag_weergave,
)

VL = vragenlijst_get("2026")
UUID = "0b0e2a5c-0000-4000-8000-000000000001"
LOCATIES = {
    UUID: {
        "naam": "Herstelcafé Goes",
        "gemeente": "Goes",
        "straat": "Markt",
        "dagdelen": ["1:ochtend"],
        "elementen": ["inloop"],
    }
}
REGIOS = [("ZK27", "Zeeland"), ("ZK01", "Achterhoek")]
LIJST = [
    {
        "naam": "Hersteltalent - Zelfregiecentrum Middelburg",
        "gemeente": "Middelburg",
        "type": "Klein",
    },
    {"naam": "Herstelcafé Goes", "gemeente": "Goes", "type": "Middel"},
]


class _Doc(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.stack: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {k: v or "" for k, v in attrs}))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def all(self, tag: str, **attrs: str) -> list[dict[str, str]]:
        return [
            a
            for t, a in self.elements
            if t == tag and all(a.get(k) == v for k, v in attrs.items())
        ]

    @property
    def ids(self) -> set[str]:
        return {a["id"] for _, a in self.elements if "id" in a}

    @property
    def plain(self) -> str:
        return " ".join(" ".join(self.text).split())


def _render(veld: VraagWeergave) -> tuple[str, _Doc]:
    html = render_to_string("lspmonitor/vragen/_vraag.html", {"vraag": veld})
    doc = _Doc()
    doc.feed(html)
    return html, doc


def _velden(**kwargs: Any) -> list[VraagWeergave]:
    return formulier(
        VL, regio_opties=REGIOS, steunpunten=LIJST, locaties=LOCATIES, **kwargs
    )


def _check_accessible(doc: _Doc, html: str) -> None:
    ids = [a["id"] for _, a in doc.elements if "id" in a]
    assert len(ids) == len(set(ids)), "duplicate ids"
    labelled = {a["for"] for a in doc.all("label")}
    for tag in ("input", "textarea", "select"):
        for a in doc.all(tag):
            if a.get("type") == "hidden":
                continue
            assert a["id"] in labelled, f"{tag} {a['id']} has no label"
            assert a["name"].startswith("v_")
    for _, a in doc.elements:
        for ref in a.get("aria-describedby", "").split():
            assert ref in doc.ids, f"aria-describedby refers to missing id {ref}"
    assert "<script" not in html


@pytest.mark.parametrize("sleutel", [v.sleutel for v in VL.vragen])
def test_every_item_renders_accessibly(sleutel: str) -> None:
    veld = next(
        v for v in _velden(fouten={sleutel: "Vraag X: fout."}) if v.sleutel == sleutel
    )
    html, doc = _render(veld)
    _check_accessible(doc, html)
    vraag = VL.vraag(sleutel)
    if vraag.heeft_antwoord:
        assert "Vraag X: fout." in doc.plain
        assert doc.all("p", id=veld.fout_id, **{"class": "fout"})
        assert veld.anker in doc.ids
    if vraag.verplicht:
        assert "(verplicht)" in doc.plain
    if vraag.type in (
        "enkele_keuze",
        "meerdere_keuze",
        "matrix",
        "getallen_per_categorie",
        "steunpunten_lijst",
        "locaties_bevestigen",
    ):
        assert doc.all("fieldset") and doc.all("legend")
        described = doc.all("fieldset")[0].get("aria-describedby", "").split()
        assert veld.fout_id in described
        if vraag.toelichting:
            assert veld.toelichting_id in described


def test_single_choice_refills_and_ties_the_anders_text() -> None:
    veld = next(
        v
        for v in _velden(antwoorden={"rol": {"keuze": "anders", "anders": "Beleid"}})
        if v.sleutel == "rol"
    )
    html, doc = _render(veld)
    assert doc.all("fieldset", role="radiogroup", **{"aria-required": "true"})
    radios = doc.all("input", type="radio", name="v_rol")
    assert [r["value"] for r in radios] == ["lsp", "vng", "iza", "anders"]
    assert [r["value"] for r in radios if "checked" in r] == ["anders"]
    tekst = doc.all("input", name="v_rol_anders")[0]
    assert tekst["value"] == "Beleid"
    # The text field follows its option and its label names the option.
    assert html.index('id="v-rol-anders"') < html.index('id="v-rol-anders-tekst"')
    assert "Toelichting bij „Anders, namelijk”" in doc.plain


def test_matrix_is_a_table_with_row_headers_and_refilled_radios() -> None:
    veld = next(
        v
        for v in _velden(antwoorden={"coord.6": {"verwijzen": "deels_oneens"}})
        if v.sleutel == "coord.6"
    )
    html, doc = _render(veld)
    assert doc.all("table")
    assert len(doc.all("th", scope="row")) == 6
    assert len(doc.all("th", scope="col")) == 5
    checked = [a for a in doc.all("input", type="radio") if "checked" in a]
    assert [(a["name"], a["value"]) for a in checked] == [
        ("v_coord.6_verwijzen", "deels_oneens")
    ]
    assert "De steunpunten verwijzen naar elkaar door. – Deels oneens" in doc.plain


def test_multiple_choice_with_comment_and_help_text() -> None:
    antwoord = {"keuzes": ["k9", "alle_aanwezig"], "toelichting": "We groeien nog."}
    veld = next(
        v for v in _velden(antwoorden={"lsp.13": antwoord}) if v.sleutel == "lsp.13"
    )
    html, doc = _render(veld)
    boxes = doc.all("input", type="checkbox", name="v_lsp.13")
    assert len(boxes) == 11
    assert [b["value"] for b in boxes if "checked" in b] == ["k9", "alle_aanwezig"]
    assert "We groeien nog." in doc.plain
    assert "Ruimte voor eventuele toelichting" in doc.plain
    assert "handvattendocument" in doc.plain
    # The preamble stands before the fieldset, outside the legend, and is
    # tied to it.
    legend = html[html.index("<legend>") : html.index("</legend>")]
    assert "Welke van de kenmerken" in legend and "We willen een beeld" not in legend
    assert html.index("We willen een beeld") < html.index("<fieldset")
    assert doc.all("fieldset")[0]["aria-describedby"].split() == [
        "v-lsp-13-inleiding",
        "v-lsp-13-toelichting",
    ]


def test_information_items_show_their_whole_text_once() -> None:
    veld = next(v for v in _velden() if v.sleutel == "lsp.lijst")
    _, doc = _render(veld)
    assert doc.plain.count("Klopt deze lijst nog?") == 1
    assert doc.plain.count("Binnen het IZA is een doel") == 1


def test_posted_values_are_kept_after_an_error() -> None:
    ingevuld = {"v_lsp.4_A": ["-2"], "v_lsp.4_C": ["3"]}
    veld = next(
        v
        for v in _velden(
            antwoorden={"lsp.4": {"A": 1}},
            fouten={"lsp.4": "Vraag 4: fout."},
            ingevuld=ingevuld,
        )
        if v.sleutel == "lsp.4"
    )
    _, doc = _render(veld)
    assert {a["name"]: a["value"] for a in doc.all("input")} == {
        "v_lsp.4_A": "-2",
        "v_lsp.4_B": "",
        "v_lsp.4_C": "3",
    }
    assert all(a.get("aria-invalid") == "true" for a in doc.all("input"))


def test_new_lsp_list_offers_empty_rows_after_the_filled_ones() -> None:
    antwoord = [{"naam": "Inloop De Brug", "gemeente": "Goes"}]
    veld = next(
        v for v in _velden(antwoorden={"lsp.14": antwoord}) if v.sleutel == "lsp.14"
    )
    _, doc = _render(veld)
    assert [a["value"] for a in doc.all("input", type="radio") if "checked" in a] == [
        "ja"
    ]
    namen = doc.all("input", name="v_lsp.14_1_naam")
    assert namen[0]["value"] == "Inloop De Brug"
    assert len([a for a in doc.all("input") if a["name"].endswith("_naam")]) == 4
    assert "Steunpunt 4" in doc.plain and "Steunpunt 5" not in doc.plain


def test_region_select_and_list() -> None:
    veld = next(
        v
        for v in _velden(antwoorden={"regio": {"regio": "ZK27"}})
        if v.sleutel == "regio"
    )
    html, doc = _render(veld)
    assert [a["value"] for a in doc.all("option")] == ["", "ZK27", "ZK01"]
    assert "selected" in doc.all("option", value="ZK27")[0]
    lijst = next(v for v in _velden() if v.sleutel == "lsp.regiolijst")
    _, doc = _render(lijst)
    assert "Hersteltalent - Zelfregiecentrum Middelburg Middelburg Klein" in doc.plain
    assert "2 steunpunten bekend in jouw regio" in doc.plain


def test_region_list_on_its_own_and_empty() -> None:
    html = render_to_string(
        "lspmonitor/vragen/_regio_lijst.html", {"steunpunten": LIJST[:1]}
    )
    assert "1 steunpunt bekend in jouw regio" in html
    html = render_to_string("lspmonitor/vragen/_regio_lijst.html", {"steunpunten": []})
    assert (
        "Er zijn op dit moment geen laagdrempelige steunpunten bekend in jouw regio."
        in html
    )


def test_own_locations_show_register_values() -> None:
    antwoord = {UUID: {"bevestigd": True, "wijzigingen": {"telefoon": "0113 123456"}}}
    veld = vraag_weergave(
        VL.vraag("lsp.locaties"), antwoord=antwoord, locaties=LOCATIES
    )
    html, doc = _render(veld)
    _check_accessible(doc, html)
    base = f"v_lsp.locaties_{UUID}"
    waarden = {
        a["name"]: a.get("value", "")
        for a in doc.all("input")
        if a.get("type") not in ("checkbox",)
    }
    assert waarden[f"{base}_straat"] == "Markt"
    assert waarden[f"{base}_telefoon"] == "0113 123456"
    assert waarden[f"{base}_getoond"] == "1"
    assert "Nu in het register: Markt" in doc.plain
    aangevinkt = {
        (a["name"], a["value"])
        for a in doc.all("input", type="checkbox")
        if "checked" in a
    }
    assert aangevinkt == {
        (f"{base}_bevestigd", "1"),
        (f"{base}_dagdelen", "1:ochtend"),
        (f"{base}_elementen", "inloop"),
    }
    assert len(doc.all("input", name=f"{base}_dagdelen")) == 21
    assert "Herstelcafé Goes (Goes)" in doc.plain


def test_the_whole_questionnaire_renders_as_one_page() -> None:
    html = "".join(
        render_to_string("lspmonitor/vragen/_vraag.html", {"vraag": v})
        for v in _velden()
    )
    doc = _Doc()
    doc.feed(html)
    _check_accessible(doc, html)


def test_location_codes_and_labels_match_the_register() -> None:
    """The plain-Python package cannot import the register, so its copies of
    the element, weekday and dagdeel codes are checked against it here."""
    from dekkend.lspmonitor.questionnaire import definition, weergave
    from dekkend.register.constants import Dagdeel, Element, Weekdag

    assert tuple(e.value for e in Element) == definition.ELEMENTEN
    assert weergave._element_labels() == {e.value: str(e.label) for e in Element}
    assert tuple(w.value for w in Weekdag) == definition.WEEKDAGEN
    assert weergave._weekdag_labels() == {w.value: str(w.label) for w in Weekdag}
    assert tuple(d.value for d in Dagdeel) == definition.DAGDELEN
    assert weergave._dagdeel_labels() == {d.value: str(d.label) for d in Dagdeel}
    # Every proposed text field is a field of the register's location or offer.
    from dekkend.register.models import Aanbod, Locatie

    register_velden = {f.name for f in Locatie._meta.get_fields()} | {
        f.name for f in Aanbod._meta.get_fields()
    }
    assert set(definition.LOCATIE_TEKSTVELDEN) <= register_velden
