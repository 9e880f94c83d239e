# SPDX-License-Identifier: EUPL-1.2
"""The shipped format definition holds the national format verbatim."""

from __future__ import annotations

import json

import pytest

from dekkend.coverage.constants import BASISFUNCTIONALITEITEN
from dekkend.werkagenda.content import OnderdeelInhoud, WerkagendaInhoud
from dekkend.werkagenda.format import definition
from dekkend.werkagenda.format.definition import (
    OnbekendFormat,
    format_get,
    format_latest,
    format_versies,
)

# "Inhoudsopgave werkagenda" of the format of 20 April 2026, verbatim.
INHOUDSOPGAVE = [
    "1. Regionale preventie-infrastructuur",
    "2. Mentale gezondheid",
    "a. Basisfunctionaliteit: Laagdrempelige steunpunten",
    "b. Basisfunctionaliteit: Sociaal verwijzen",
    "c. Aanpak ontwikkelagenda 1 - lopend: Mentale gezondheidsnetwerken",
    "3. Kansrijk opgroeien",
    "a. Basisfunctionaliteit: Kansrijke start",
    "a.1 Basisfunctionaliteit: Nu Niet Zwanger (onderdeel van Kansrijke start)",
    "a.2 Basisfunctionaliteit: Integrale gezinspoli (onderdeel van Kansrijke start)",
    "a.3 Aanpak ontwikkelagenda 1 - nieuw: Rookvrije start (onderdeel van Kansrijke start)",
    "b. Aanpak ontwikkelagenda 1 - lopend: Ketenaanpak overgewicht en obesitas kinderen",
    "4. Leefstijl",
    "a. Basisfunctionaliteit: Ketenaanpak overgewicht en obesitas volwassenen",
    "b. Aanpak ontwikkelagenda 1 - nieuw: Rookvrije Thuiszorg (onderdeel van Nicotinevrij)",
    "c. Aanpak ontwikkelagenda 1 - nieuw: Rookvrije Wijkaanpak (onderdeel van Nicotinevrij)",
    "5. Vitaal ouder worden/ouderen",
    "a. Basisfunctionaliteit: Valpreventie",
    "b. Aanpak ontwikkelagenda 1 - nieuw: Ketenaanpak dementie (incl. preventie)",
    "6. Gezondheidsachterstanden verminderen en voorkomen",
    "a. Aanpak ontwikkelagenda 1 - nieuw: Multiproblematiek aanpak (NPLV)",
]

# Section headings in the body of the format, verbatim.
KOPPEN = [
    "1. Regionale preventie-infrastructuur",
    "2. Mentale gezondheid",
    "2a. Laagdrempelige steunpunten",
    "2b. Sociaal verwijzen",
    "2c. Mentale gezondheidsnetwerken",
    "3. Kansrijk opgroeien",
    "3a. Kansrijke start",
    "3a.1 Nu Niet Zwanger (onderdeel van Kansrijke start)",
    "3a.2 Integrale gezinspoli (onderdeel van Kansrijke start)",
    "3a.3 Rookvrije start (onderdeel van Kansrijke start) (optioneel onderdeel werkagenda)",
    "3b. Ketenaanpak overgewicht en obesitas kinderen",
    "4. Leefstijl",
    "4a. Ketenaanpak overgewicht en obesitas volwassenen",
    "4b. Rookvrije Thuiszorg (onderdeel van Nicotinevrij) (optioneel onderdeel werkagenda)",
    "4c. Rookvrije Wijkaanpak (onderdeel van Nicotinevrij) (optioneel onderdeel werkagenda)",
    "5. Vitaal ouder worden/ouderen",
    "5a. Valpreventie",
    "5b. Ketenaanpak dementie (incl. preventie) (optioneel onderdeel werkagenda)",
    "6. Gezondheidsachterstanden verminderen en voorkomen",
    "6a. Multiproblematiek aanpak (NPLV) (optioneel onderdeel werkagenda)",
]

SLEUTELS = [
    "rpi", "2", "2a", "2b", "2c", "3", "3a", "3a.1", "3a.2", "3a.3", "3b",
    "4", "4a", "4b", "4c", "5", "5a", "5b", "6", "6a",
]  # fmt: skip


@pytest.fixture
def fmt():
    return format_get("2026-04-20")


def test_versions_and_latest(fmt):
    assert "2026-04-20" in format_versies()
    assert format_latest().versie == format_versies()[-1]
    assert fmt.versie == "2026-04-20"
    assert "20 april 2026" in fmt.bron


def test_unknown_version_is_refused():
    with pytest.raises(OnbekendFormat):
        format_get("1999-01-01")


def test_keys_in_format_order(fmt):
    assert list(fmt.sleutels) == SLEUTELS


def test_table_of_contents_verbatim_and_in_order(fmt):
    assert [o.inhoudsopgave for o in fmt.onderdelen] == INHOUDSOPGAVE
    assert fmt.tekst("inhoudsopgave") == "Inhoudsopgave werkagenda"


def test_headings_verbatim(fmt):
    assert [o.kop for o in fmt.onderdelen] == KOPPEN


def test_optional_parts_are_the_ones_the_format_marks(fmt):
    marked = {
        o.sleutel for o in fmt.onderdelen if "(optioneel onderdeel werkagenda)" in o.kop
    }
    assert marked == {"3a.3", "4b", "4c", "5b", "6a"}
    assert {o.sleutel for o in fmt.onderdelen if o.optioneel} == marked


def test_status_per_aanpak_from_the_table_of_contents(fmt):
    labels = {
        "basisfunctionaliteit": "Basisfunctionaliteit",
        "ontwikkelagenda_lopend": "Aanpak ontwikkelagenda 1 - lopend",
        "ontwikkelagenda_nieuw": "Aanpak ontwikkelagenda 1 - nieuw",
    }
    for onderdeel in fmt.onderdelen:
        if onderdeel.soort != "aanpak":
            assert onderdeel.status_azwa == ""
            continue
        label = labels[onderdeel.status_azwa]
        assert fmt.status_label(onderdeel.status_azwa) == label
        # "a. Basisfunctionaliteit: ..." - the status is the TOC's own prefix.
        assert onderdeel.inhoudsopgave.split(" ", 1)[1].startswith(label + ":")
    statuses = {o.sleutel: o.status_azwa for o in fmt.onderdelen if o.soort == "aanpak"}
    assert statuses == {
        "2a": "basisfunctionaliteit",
        "2b": "basisfunctionaliteit",
        "2c": "ontwikkelagenda_lopend",
        "3a": "basisfunctionaliteit",
        "3a.1": "basisfunctionaliteit",
        "3a.2": "basisfunctionaliteit",
        "3a.3": "ontwikkelagenda_nieuw",
        "3b": "ontwikkelagenda_lopend",
        "4a": "basisfunctionaliteit",
        "4b": "ontwikkelagenda_nieuw",
        "4c": "ontwikkelagenda_nieuw",
        "5a": "basisfunctionaliteit",
        "5b": "ontwikkelagenda_nieuw",
        "6a": "ontwikkelagenda_nieuw",
    }


def test_fields_per_kind(fmt):
    for onderdeel in fmt.onderdelen:
        if onderdeel.soort == "rpi":
            assert onderdeel.veld_sleutels == (
                "toelichting",
                "gezondheidsdoelen",
                "financiele_middelen",
                "samenwerkingsafspraken",
                "verantwoordelijkheidsverdeling",
                "kennis_monitoring",
            )
        elif onderdeel.soort == "leefgebied":
            assert onderdeel.veld_sleutels == (
                "gezondheidsdoelen",
                "scope_samenhang",
                "organisatie_rollen",
            )
            assert onderdeel.heeft_partijen and not onderdeel.heeft_mijlpalen
        else:
            assert onderdeel.veld_sleutels == (
                "urgentie",
                "situatie",
                "ambitie",
                "ontwerp",
                "projectdoelstellingen",
                "financieel_plan",
                "monitoring",
            )
            assert [v.groep for v in onderdeel.velden] == [
                "IST",
                "IST",
                "SOLL",
                "SOLL",
                "GAP",
                "GAP",
                "GAP",
            ]
            assert onderdeel.heeft_mijlpalen and not onderdeel.heeft_partijen


def test_optional_gap_fields(fmt):
    aanpak = fmt.onderdeel("2a")
    optional = [v.sleutel for v in aanpak.velden if v.optioneel]
    assert optional == ["financieel_plan", "monitoring"]
    assert (
        fmt.veld_label(aanpak.veld("financieel_plan")) == "Financieel plan (optioneel)"
    )
    assert fmt.veld_label(aanpak.veld("urgentie")) == "Urgentie"
    for onderdeel in fmt.onderdelen:
        if onderdeel.soort != "aanpak":
            assert not any(v.optioneel for v in onderdeel.velden)


def test_questions_verbatim(fmt):
    assert fmt.veld("2a.situatie").vraag == (
        "In hoeverre is deze basisfunctionaliteit (of onderdelen daarvan) al aanwezig in de regio?"
    )
    # The format speaks of an "aanpak" where the part is not a basisfunctionaliteit.
    assert fmt.veld("2c.situatie").vraag == (
        "In hoeverre is deze aanpak (of onderdelen daarvan) al aanwezig in de regio?"
    )
    assert fmt.veld("3a.1.urgentie").label == "Urgentie"
    assert fmt.veld("rpi.toelichting").label == "Toelichting op RPI"
    assert fmt.veld("rpi.financiele_middelen").vraag == (
        "Omschrijf de financieringsafspraken over de coördinatie en uitvoering."
    )
    assert fmt.veld("4.scope_samenhang").vraag.startswith(
        "Wat valt er binnen het leefgebied"
    )
    assert fmt.tekst("groep_GAP") == "GAP (projectplan)"


def test_parents_and_basisfunctionaliteiten(fmt):
    assert [o.sleutel for o in fmt.kinderen("3a")] == ["3a.1", "3a.2", "3a.3"]
    assert [o.sleutel for o in fmt.kinderen("2")] == ["2a", "2b", "2c"]
    bf = {
        o.basisfunctionaliteit: o.sleutel
        for o in fmt.onderdelen
        if o.basisfunctionaliteit
    }
    assert set(bf) == set(BASISFUNCTIONALITEITEN)
    assert set(definition.BASISFUNCTIONALITEIT_SLEUTELS) == set(BASISFUNCTIONALITEITEN)
    assert bf["lsp"] == "2a" and bf["nu_niet_zwanger"] == "3a.1"


def _raw():
    path = definition.resources.files(definition._DATA_PACKAGE).joinpath(
        "format-2026-04-20.json"
    )
    return json.loads(path.read_text("utf-8"))


def test_validation_refuses_a_duplicate_key():
    raw = _raw()
    raw["onderdelen"].append(raw["onderdelen"][2])
    with pytest.raises(OnbekendFormat, match="duplicate onderdeel '2a'"):
        definition._parse(raw)


def test_validation_refuses_a_missing_parent():
    raw = _raw()
    raw["onderdelen"][2]["ouder"] = "9"
    with pytest.raises(OnbekendFormat, match="parent '9'"):
        definition._parse(raw)


def test_validation_refuses_an_unknown_status():
    raw = _raw()
    raw["onderdelen"][2]["status_azwa"] = "verplicht"
    with pytest.raises(OnbekendFormat, match="unknown status"):
        definition._parse(raw)


def test_content_lookup():
    inhoud = WerkagendaInhoud(
        format_versie="2026-04-20",
        regio="Zeeland",
        periode_van=2027,
        periode_tot=2030,
        status="concept",
        versie=1,
        onderdelen=(OnderdeelInhoud(sleutel="2a", velden={"urgentie": "Hoog"}),),
    )
    assert inhoud.onderdeel("2a").tekst("urgentie") == "Hoog"
    assert inhoud.onderdeel("2b") == OnderdeelInhoud(sleutel="2b")
