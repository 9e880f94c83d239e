# SPDX-License-Identifier: EUPL-1.2
"""The placement advice in words and the explanation of the measures."""

from dekkend.coverage.analysis.advisor import (
    REDEN_CAPACITEIT,
    REDEN_PER_GEMEENTE,
    NieuwLsp,
    Proposal,
    Upgrade,
)
from dekkend.coverage.analysis.parameters import resolve
from dekkend.coverage.presenters import advies_weergave, maat_uitleg

CAPACITEIT = {"groot": 1000.0, "middel": 275.0, "klein": 35.0, "onbekend": 35.0}
NAMEN = {"GM1": "Aadorp", "GM2": "Beekdal", "GM3": "Cruquius"}


def _proposal(status: str = "optimaal") -> Proposal:
    return Proposal(
        status=status,
        doelwaarde=19.0,
        nieuw=(
            NieuwLsp("GM2", "groot", 1, 0.0, 0.0, (REDEN_PER_GEMEENTE,)),
            NieuwLsp("GM1", "groot", 2, 0.0, 0.0, (REDEN_CAPACITEIT,)),
        ),
        upgrades=(Upgrade(0, "GM3", "onbekend", "middel", (REDEN_CAPACITEIT,)),),
        voor={
            "aandeel_binnen_km": 0.881,
            "capaciteit_personen": 420.0,
            "behoefte_personen": 6657.8,
            "gemeenten_zonder_lsp": 1,
            "aantal_lsp": 12,
            "afstand_km": 10.0,
        },
        na={
            "aandeel_binnen_km": 0.97,
            "capaciteit_personen": 3660.0,
            "behoefte_personen": 6657.8,
            "gemeenten_zonder_lsp": 0,
            "aantal_lsp": 15,
            "afstand_km": 10.0,
        },
        toelichting=("+240 voor klein kost 1,0",),
    )


def _weergave(status: str = "optimaal"):
    return advies_weergave(
        _proposal(status),
        namen=NAMEN,
        capaciteit=CAPACITEIT,
        afstand_km=10.0,
        doel_aandeel=0.9,
        capaciteit_aandeel=1.0,
    )


def test_advice_is_a_sentence_naming_gemeenten_types_and_effect():
    w = _weergave()
    assert w.haalbaar
    assert "Aadorp en Beekdal krijgen elk een LSP groot (type 1)" in w.samenvatting
    assert "in Cruquius wordt een bestaand LSP uitgebreid" in w.samenvatting
    assert "97% van de inwoners binnen 10 km van een LSP (nu 88%)" in w.samenvatting
    assert "3.660 plaatsen per jaar (nu 420) voor 6.658 inwoners" in w.samenvatting
    assert "kost" not in w.samenvatting and "gewicht" not in w.samenvatting


def test_advice_table_gives_places_and_reasons_per_gemeente():
    rijen = {r.gemeente: r for r in _weergave().rijen}
    assert list(rijen) == ["Aadorp", "Beekdal", "Cruquius"]
    assert rijen["Aadorp"].wat == "nieuw: 2 × LSP groot (type 1)"
    assert rijen["Aadorp"].extra_plaatsen == "+2.000"
    assert rijen["Beekdal"].waarom == "de gemeente heeft nog geen LSP"
    assert rijen["Cruquius"].extra_plaatsen == "+240"  # 275 - 35
    assert "dekken de behoefte nog niet" in rijen["Cruquius"].waarom


def test_before_after_rows_are_whole_people_and_the_solver_account_is_kept():
    w = _weergave()
    rows = {label: (voor, na) for label, voor, na in w.voor_na}
    assert rows["Inwoners binnen 10 km van een LSP"] == ("88%", "97%")
    assert rows["Behoefte (inwoners die baat hebben bij een LSP)"] == ("6.658", "6.658")
    assert "+240 voor klein kost 1,0" in w.berekening


def test_infeasible_advice_says_so_and_proposes_nothing():
    w = _weergave("onhaalbaar")
    assert not w.haalbaar
    assert "niet te halen" in w.samenvatting
    assert w.rijen == [] and w.voor_na == []


def test_capacity_measure_is_explained_with_the_parameters():
    tekst = maat_uitleg(resolve())["capaciteit"]
    assert "1,7% van de inwoners" in tekst
    assert "1.000 voor een LSP groot, 275 voor middel en 35" in tekst
