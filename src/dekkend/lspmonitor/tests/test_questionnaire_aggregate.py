# SPDX-License-Identifier: EUPL-1.2
"""Counts over responses for the report (`questionnaire.aggregate`), on
hand-made answer lists."""

from typing import Any

import pytest

from dekkend.lspmonitor.questionnaire.aggregate import (
    GRAFIEKEN,
    aantal_respondenten,
    anders_teksten,
    getal_som,
    grafiek_kenmerken_in_ontwikkeling,
    grafiek_nodig_netwerk_coordinatoren,
    grafiek_nodig_netwerk_lsp,
    grafiek_samenwerking_lsp,
    grafiek_samenwerking_per_thema,
    grafiek_tevredenheid_partners,
    keuze_telling,
    matrix_telling,
)
from dekkend.lspmonitor.questionnaire.definition import vragenlijst_get

VL = vragenlijst_get("2025")
LSP = {"rol": {"keuze": "lsp"}}
VNG = {"rol": {"keuze": "vng"}}

LSP_ANTWOORDEN: list[dict[str, Any]] = [
    LSP
    | {
        "lsp.4": {"A": 1, "C": 3},
        "lsp.5": {"keuze": "vaak"},
        "lsp.6": {"keuzes": ["inspiratie", "positionering"]},
        "lsp.13": {"keuzes": ["k9", "alle_aanwezig"]},
        "lsp.18": {"keuzes": ["menskracht", "anders"], "anders": "Ontmoetingsdagen"},
    },
    LSP
    | {
        "lsp.4": {"B": 2},
        "lsp.5": {"keuze": "af_en_toe"},
        "lsp.6": {"keuzes": ["inspiratie", "overige"], "anders": "Cursussen"},
        "lsp.13": {"keuzes": ["k1", "k9"]},
        "lsp.18": {"keuzes": ["menskracht", "financiering"]},
    },
    # Does not cooperate: the answer to 6 is hidden by the skip rule and not counted.
    LSP
    | {
        "lsp.5": {"keuze": "niet"},
        "lsp.6": {"keuzes": ["bemensing"]},
        "lsp.13": {"keuzes": ["alle_aanwezig"]},
    },
    # A malformed answer is not counted.
    LSP | {"lsp.5": {"keuze": "soms"}, "lsp.4": {"A": -1}},
]
COORD_ANTWOORDEN: list[dict[str, Any]] = [
    VNG
    | {
        "coord.7": {"kennen": "helemaal_eens", "verwijzen": "deels_eens"},
        "coord.8": {"keuze": "tevreden"},
        "coord.9": {"keuze": "neutraal"},
        "coord.10": {"keuze": "ontevreden"},
        "coord.11": {"keuze": "tevreden"},
        "coord.15": {"keuzes": ["menskracht"]},
    },
    {"rol": {"keuze": "iza"}}
    | {
        "coord.7": {"kennen": "helemaal_eens"},
        "coord.8": {"keuze": "zeer_tevreden"},
        "coord.9": {"keuze": "tevreden"},
        "coord.15": {"keuzes": ["kennen", "menskracht"]},
    },
    # An LSP answer to a coordinators' question is hidden by routing.
    LSP | {"coord.8": {"keuze": "zeer_ontevreden"}},
]
ALLE = LSP_ANTWOORDEN + COORD_ANTWOORDEN


def test_keuze_telling_counts_every_option_and_only_visible_answers() -> None:
    assert keuze_telling(VL, "lsp.5", ALLE) == {"vaak": 1, "af_en_toe": 1, "niet": 1}
    assert keuze_telling(VL, "lsp.6", ALLE) == {
        "inhoudelijk": 0,
        "praktisch": 0,
        "inspiratie": 2,
        "leren": 0,
        "bemensing": 0,
        "positionering": 1,
        "overige": 1,
    }
    assert aantal_respondenten(VL, "lsp.6", ALLE) == 2
    assert keuze_telling(VL, "coord.8", ALLE)["zeer_ontevreden"] == 0


def test_matrix_telling() -> None:
    telling = matrix_telling(VL, "coord.7", ALLE)
    assert telling["kennen"] == {
        "helemaal_eens": 2,
        "deels_eens": 0,
        "deels_oneens": 0,
        "helemaal_oneens": 0,
        "geen_mening": 0,
    }
    assert telling["verwijzen"]["deels_eens"] == 1
    assert sum(telling["ingebed"].values()) == 0


def test_getal_som_per_category() -> None:
    assert getal_som(VL, "lsp.4", ALLE) == {"A": 1, "B": 2, "C": 3}


def test_anders_teksten() -> None:
    assert anders_teksten(VL, "lsp.6", ALLE) == ["Cursussen"]
    assert anders_teksten(VL, "lsp.18", ALLE) == ["Ontmoetingsdagen"]


def test_wrong_type_is_refused() -> None:
    with pytest.raises(ValueError, match="not a matrix"):
        matrix_telling(VL, "lsp.5", ALLE)
    with pytest.raises(ValueError, match="not a choice"):
        keuze_telling(VL, "coord.7", ALLE)


def test_graph_1_kenmerken() -> None:
    g = grafiek_kenmerken_in_ontwikkeling(VL, ALLE)
    assert g.sleutels == ("lsp.13",)
    assert len(g.labels) == 11 and g.codes[-1] == "alle_aanwezig"
    waarden = dict(zip(g.codes, g.reeksen[0].waarden, strict=True))
    assert waarden["k9"] == 2 and waarden["k1"] == 1 and waarden["alle_aanwezig"] == 2
    assert g.n == 3


def test_graph_2_to_3_and_5_to_6() -> None:
    g2 = grafiek_samenwerking_lsp(VL, ALLE)
    assert g2.labels == ("Vaak", "Af en toe", "Niet of nauwelijks")
    assert g2.reeksen[0].waarden == (1, 1, 1)
    assert g2.n == 3
    g3 = grafiek_samenwerking_per_thema(VL, ALLE)
    assert dict(zip(g3.codes, g3.reeksen[0].waarden, strict=True))["inspiratie"] == 2
    g5 = grafiek_nodig_netwerk_lsp(VL, ALLE)
    g6 = grafiek_nodig_netwerk_coordinatoren(VL, ALLE)
    assert g5.codes == g6.codes  # comparable: the same codes in both parts
    assert dict(zip(g5.codes, g5.reeksen[0].waarden, strict=True))["menskracht"] == 2
    assert dict(zip(g6.codes, g6.reeksen[0].waarden, strict=True)) == {
        "kennen": 1,
        "ondersteuning": 0,
        "financiering": 0,
        "koepel": 0,
        "visie": 0,
        "menskracht": 2,
        "anders": 0,
    }


def test_graph_4_satisfaction_per_partner_is_stacked_by_level() -> None:
    g = grafiek_tevredenheid_partners(VL, ALLE)
    assert g.labels == ("Gemeenten", "Ggz", "Huisartsen/POH", "Sociaal werk")
    reeksen = {r.naam: r.waarden for r in g.reeksen}
    assert list(reeksen) == [
        "Zeer tevreden",
        "Tevreden",
        "Neutraal",
        "Ontevreden",
        "Zeer ontevreden",
        "Ik heb hier onvoldoende zicht op",
    ]
    assert reeksen["Zeer tevreden"] == (1, 0, 0, 0)
    assert reeksen["Tevreden"] == (1, 1, 0, 1)
    assert reeksen["Ontevreden"] == (0, 0, 1, 0)
    assert reeksen["Zeer ontevreden"] == (0, 0, 0, 0)
    assert g.n == 2


def test_every_graph_works_on_both_versions_and_empty_lists() -> None:
    for versie in ("2025", "2026"):
        vl = vragenlijst_get(versie)
        for nr, maak in GRAFIEKEN.items():
            g = maak(vl, [])
            assert g.n == 0, nr
            assert all(set(r.waarden) == {0} for r in g.reeksen), nr
            assert len(g.labels) == len(g.reeksen[0].waarden)
