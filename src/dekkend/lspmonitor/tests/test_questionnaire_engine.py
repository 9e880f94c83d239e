# SPDX-License-Identifier: EUPL-1.2
"""Routing, skip rules and validation of answers (`questionnaire.engine`),
by hand-made cases and by properties over random answers."""

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dekkend.lspmonitor.questionnaire.definition import (
    ENKELE_KEUZE,
    GETAL,
    GETALLEN_PER_CATEGORIE,
    LOCATIES_BEVESTIGEN,
    MATRIX,
    MEERDERE_KEUZE,
    REGIO,
    STEUNPUNTEN_LIJST,
    TEKST,
    Vraag,
    Vragenlijst,
    vragenlijst_get,
)
from dekkend.lspmonitor.questionnaire.engine import (
    antwoorden_samenvoegen,
    antwoorden_voor_indienen,
    gekozen_deel,
    valideer,
    zichtbare_vragen,
)

VL = vragenlijst_get("2025")
VL26 = vragenlijst_get("2026")
REGIOS = ("ZK27", "ZK01", "ZK02")
LOCATIES = (
    "0b0e2a5c-0000-4000-8000-000000000001",
    "0b0e2a5c-0000-4000-8000-000000000002",
)


def _sleutels(vl: Vragenlijst, antwoorden: dict[str, Any]) -> list[str]:
    return [v.sleutel for v in zichtbare_vragen(vl, antwoorden)]


# --- routing -----------------------------------------------------------------


def test_without_a_role_only_the_general_part_is_visible() -> None:
    assert _sleutels(VL, {}) == ["regio", "rol"]
    assert gekozen_deel(VL, {}) is None
    assert _sleutels(VL, {"rol": {"keuze": "onbekend"}}) == ["regio", "rol"]


def test_lsp_role_sees_the_lsp_part_only() -> None:
    sleutels = _sleutels(VL, {"rol": {"keuze": "lsp"}})
    assert sleutels[:3] == ["regio", "rol", "lsp.inleiding"]
    assert not any(s.startswith("coord.") for s in sleutels)
    assert {f"lsp.{n}" for n in range(3, 20)} <= set(sleutels)


@pytest.mark.parametrize("rol", ["vng", "iza", "anders"])
def test_coordinator_roles_see_the_coordinators_part(rol: str) -> None:
    sleutels = _sleutels(VL, {"rol": {"keuze": rol, "anders": "Beleid"}})
    assert not any(s.startswith("lsp.") for s in sleutels)
    assert {f"coord.{n}" for n in range(3, 17)} <= set(sleutels)
    assert gekozen_deel(VL, {"rol": {"keuze": rol}}) == "coordinator"


@pytest.mark.parametrize(
    ("bron", "doel"), [("lsp.5", "lsp.6"), ("lsp.7", "lsp.8"), ("lsp.9", "lsp.10")]
)
def test_skip_rule_hides_the_question_only_for_niet(bron: str, doel: str) -> None:
    basis = {"rol": {"keuze": "lsp"}}
    assert doel in _sleutels(VL, basis)
    for keuze in ("vaak", "af_en_toe"):
        assert doel in _sleutels(VL, basis | {bron: {"keuze": keuze}})
    assert doel not in _sleutels(VL, basis | {bron: {"keuze": "niet"}})


def test_skip_source_of_another_part_hides_nothing() -> None:
    # A stale LSP answer does not hide anything once the role is a coordinator.
    antwoorden = {"rol": {"keuze": "vng"}, "lsp.5": {"keuze": "niet"}}
    assert "lsp.6" not in _sleutels(VL, antwoorden)
    assert "coord.6" in _sleutels(VL, antwoorden)


# --- validation: hand-made cases -----------------------------------------------


def test_option_outside_the_list_names_question_and_option() -> None:
    fouten = valideer(VL, {"lsp.5": {"keuze": "soms"}}, volledig=False)
    assert fouten == {"lsp.5": "Vraag 5: 'soms' is geen antwoordoptie van deze vraag."}
    fouten = valideer(VL, {"lsp.6": {"keuzes": ["inspiratie", "geld"]}}, volledig=False)
    assert fouten == {"lsp.6": "Vraag 6: 'geld' is geen antwoordoptie van deze vraag."}


def test_matrix_errors_name_the_row() -> None:
    fouten = valideer(VL, {"coord.13": {"ggz": "heel_veel"}}, volledig=False)
    assert fouten == {
        "coord.13": "Vraag 13, 'Tussen steunpunten en ggz': 'heel_veel' is geen "
        "antwoordoptie van deze vraag."
    }
    fouten = valideer(VL, {"coord.13": {"politie": "weinig"}}, volledig=False)
    assert fouten == {"coord.13": "Vraag 13: 'politie' is geen regel van deze vraag."}


def test_anders_without_text_only_blocks_submit() -> None:
    antwoorden = {"rol": {"keuze": "anders"}}
    assert valideer(VL, antwoorden, volledig=False) == {}
    fouten = valideer(VL, antwoorden, volledig=True)
    assert fouten["rol"] == "Vraag 2: vul bij 'Anders, namelijk' in wat je bedoelt."


def test_anders_text_without_its_option_is_refused() -> None:
    fouten = valideer(
        VL, {"lsp.11": {"keuzes": ["breed"], "anders": "Ouderen"}}, volledig=False
    )
    assert fouten == {
        "lsp.11": "Vraag 11: je vulde een toelichting bij 'Anders, namelijk' in, maar "
        "koos die optie niet."
    }


def test_number_where_text_goes_and_the_reverse() -> None:
    assert valideer(VL, {"lsp.3": 12}, volledig=False) == {
        "lsp.3": "Vraag 3: vul hier tekst in, geen getal."
    }
    assert valideer(VL, {"lsp.4": {"A": "twee"}}, volledig=False) == {
        "lsp.4": "Vraag 4, Categorie A: Aantal locaties: vul een getal in, geen tekst."
    }
    assert valideer(VL, {"lsp.4": {"B": -1}}, volledig=False) == {
        "lsp.4": "Vraag 4, Categorie B: Aantal locaties: het getal mag niet negatief zijn."
    }
    assert valideer(VL, {"lsp.4": {"B": True}}, volledig=False) == {
        "lsp.4": "Vraag 4, Categorie B: Aantal locaties: vul een heel getal in."
    }
    assert valideer(VL, {"lsp.4": {"D": 1}}, volledig=False) == {
        "lsp.4": "Vraag 4: 'D' is geen categorie van deze vraag."
    }


def test_unknown_key_is_an_error() -> None:
    assert valideer(VL, {"lsp.99": "x"}, volledig=False) == {
        "lsp.99": "Onbekende vraag 'lsp.99'."
    }


def test_required_visible_questions_on_submit() -> None:
    fouten = valideer(VL, {"rol": {"keuze": "vng"}}, volledig=True)
    verplicht = {
        v.sleutel
        for v in zichtbare_vragen(VL, {"rol": {"keuze": "vng"}})
        if v.verplicht
    } - {"rol"}
    assert set(fouten) == verplicht
    assert fouten["coord.6"] == "Vraag 6 is verplicht: geef een antwoord."
    assert "regio" in fouten


def test_required_matrix_needs_every_row() -> None:
    antwoorden = {"rol": {"keuze": "vng"}, "coord.7": {"kennen": "deels_eens"}}
    fouten = valideer(VL, antwoorden, volledig=True)
    assert fouten["coord.7"] == (
        "Vraag 7: kies ook een antwoord bij 'De laagdrempelige steunpunten en andere "
        "organisaties verwijzen naar elkaar door.'."
    )


def test_new_lsp_list_shapes() -> None:
    assert valideer(VL, {"lsp.14": []}, volledig=False) == {}
    assert (
        valideer(
            VL, {"lsp.14": [{"naam": "De Brug", "gemeente": "Goes"}]}, volledig=False
        )
        == {}
    )
    assert valideer(VL, {"lsp.14": [{"gemeente": "Goes"}]}, volledig=False) == {
        "lsp.14": "Vraag 14, steunpunt 1: vul de naam van het steunpunt in."
    }
    assert valideer(VL, {"lsp.14": [{"naam": "X", "adres": "y"}]}, volledig=False) == {
        "lsp.14": "Vraag 14, steunpunt 1: onbekend onderdeel 'adres' in het antwoord."
    }
    assert valideer(VL, {"lsp.14": "ja"}, volledig=False) == {
        "lsp.14": "Vraag 14: kies 'Nee' of vul de steunpunten in."
    }


def test_region_restricted_to_the_given_codes() -> None:
    assert (
        valideer(VL, {"regio": {"regio": "ZK27"}}, volledig=False, regio_codes=REGIOS)
        == {}
    )
    assert valideer(
        VL, {"regio": {"regio": "ZK99"}}, volledig=False, regio_codes=REGIOS
    ) == {"regio": "Vraag 1: 'ZK99' is geen regio van deze monitor."}


def test_locations_restricted_and_checked() -> None:
    goed = {LOCATIES[0]: {"bevestigd": True, "wijzigingen": {"postcode": "4461 AB"}}}
    assert (
        valideer(VL26, {"lsp.locaties": goed}, volledig=False, locatie_uuids=LOCATIES)
        == {}
    )
    vreemd = {"ander-uuid": {"bevestigd": True, "wijzigingen": {}}}
    assert valideer(
        VL26, {"lsp.locaties": vreemd}, volledig=False, locatie_uuids=LOCATIES
    ) == {
        "lsp.locaties": "Vraag 3a: 'ander-uuid' is geen locatie van jouw organisatie."
    }
    fout = {
        LOCATIES[0]: {"bevestigd": False, "wijzigingen": {"dagdelen": ["8:ochtend"]}}
    }
    assert valideer(VL26, {"lsp.locaties": fout}, volledig=False) == {
        "lsp.locaties": "Vraag 3a, dagdelen: '8:ochtend' is geen dagdeel."
    }


def test_submit_drops_answers_to_hidden_questions() -> None:
    antwoorden = {
        "rol": {"keuze": "lsp"},
        "lsp.5": {"keuze": "niet"},
        "lsp.6": {"keuzes": ["inspiratie"]},
        "coord.8": {"keuze": "tevreden"},
        "lsp.12": "",
        "lsp.99": "x",
    }
    assert antwoorden_voor_indienen(VL, antwoorden) == {
        "rol": {"keuze": "lsp"},
        "lsp.5": {"keuze": "niet"},
    }
    # On submit a hidden question's answer is not validated either.
    fouten = valideer(VL, antwoorden | {"lsp.6": {"keuzes": ["geld"]}}, volledig=True)
    assert "lsp.6" not in fouten and "coord.8" not in fouten


def test_merging_a_page_keeps_unreadable_and_other_answers() -> None:
    vragen = [VL.vraag("lsp.5"), VL.vraag("lsp.6"), VL.vraag("lsp.7")]
    opgeslagen = {
        "rol": {"keuze": "lsp"},
        "lsp.5": {"keuze": "vaak"},
        "lsp.6": {"keuzes": ["inspiratie"]},
        "lsp.7": {"keuze": "vaak"},
    }
    samen = antwoorden_samenvoegen(
        opgeslagen, {"lsp.5": {"keuze": "af_en_toe"}}, vragen, fouten={"lsp.7"}
    )
    assert samen == {
        "rol": {"keuze": "lsp"},
        "lsp.5": {"keuze": "af_en_toe"},
        "lsp.7": {"keuze": "vaak"},
    }


# --- properties ---------------------------------------------------------------

_tekst = (
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")),
        min_size=1,
        max_size=20,
    )
    .map(str.strip)
    .filter(bool)
)


def geldig_antwoord(vraag: Vraag) -> st.SearchStrategy[Any]:
    """A valid, complete answer to one question."""
    if vraag.type in (ENKELE_KEUZE, MEERDERE_KEUZE):
        if vraag.type == ENKELE_KEUZE:
            codes = st.sampled_from([o.code for o in vraag.opties]).map(lambda c: [c])
        else:
            codes = st.lists(
                st.sampled_from([o.code for o in vraag.opties]), min_size=1, unique=True
            )

        def _maak(
            gekozen: list[str], anders: str, toelichting: str | None
        ) -> dict[str, Any]:
            antwoord: dict[str, Any] = (
                {"keuze": gekozen[0]}
                if vraag.type == ENKELE_KEUZE
                else {"keuzes": gekozen}
            )
            if any(vraag.optie(c).anders for c in gekozen):  # type: ignore[union-attr]
                antwoord["anders"] = anders
            if vraag.opmerking and toelichting:
                antwoord["toelichting"] = toelichting
            return antwoord

        return st.builds(_maak, codes, _tekst, st.none() | _tekst)
    if vraag.type == GETAL:
        return st.integers(0, 10_000)
    if vraag.type == GETALLEN_PER_CATEGORIE:
        return st.dictionaries(
            st.sampled_from([r.code for r in vraag.rijen]),
            st.integers(0, 500),
            min_size=1,
        )
    if vraag.type == MATRIX:
        return st.fixed_dictionaries(
            {
                r.code: st.sampled_from([s.code for s in vraag.schaal])
                for r in vraag.rijen
            }
        )
    if vraag.type == TEKST:
        return _tekst
    if vraag.type == REGIO:
        return st.sampled_from(REGIOS).map(lambda r: {"regio": r})
    if vraag.type == STEUNPUNTEN_LIJST:
        item = st.fixed_dictionaries(
            {"naam": _tekst},
            optional={"gemeente": _tekst, "organisatie": _tekst, "toelichting": _tekst},
        )
        return st.lists(item, max_size=3)
    if vraag.type == LOCATIES_BEVESTIGEN:
        item = st.fixed_dictionaries(
            {
                "bevestigd": st.booleans(),
                "wijzigingen": st.fixed_dictionaries(
                    {},
                    optional={
                        "plaats": _tekst,
                        "postcode": st.sampled_from(["4461 AB", "1012 JS"]),
                        "dagdelen": st.lists(
                            st.sampled_from(["1:ochtend", "3:middag", "7:avond"]),
                            unique=True,
                        ),
                        "elementen": st.lists(
                            st.sampled_from(["inloop", "groeivijver"]), unique=True
                        ),
                    },
                ),
            }
        )
        return st.dictionaries(st.sampled_from(LOCATIES), item, min_size=1)
    raise AssertionError(vraag.type)


@st.composite
def volledige_respons(draw: st.DrawFn, vl: Vragenlijst) -> dict[str, Any]:
    """A complete valid response: answers are drawn question by question in
    order, so each skip rule sees the answers before it; optional questions
    are sometimes left out."""
    antwoorden: dict[str, Any] = {}
    for vraag in vl.vragen:
        if not vraag.heeft_antwoord:
            continue
        if vraag not in zichtbare_vragen(vl, antwoorden):
            continue
        if vraag.verplicht or draw(st.booleans()):
            antwoorden[vraag.sleutel] = draw(geldig_antwoord(vraag))
    return antwoorden


@st.composite
def willekeurige_antwoorden(draw: st.DrawFn, vl: Vragenlijst) -> dict[str, Any]:
    """Any subset of questions with valid or garbage answers."""
    antwoorden: dict[str, Any] = {}
    for vraag in vl.vragen:
        if not vraag.heeft_antwoord or not draw(st.booleans()):
            continue
        antwoorden[vraag.sleutel] = draw(
            geldig_antwoord(vraag)
            | st.none()
            | st.integers(-5, 5)
            | _tekst
            | st.dictionaries(_tekst, _tekst, max_size=2)
        )
    return antwoorden


SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@pytest.mark.parametrize("versie", ["2025", "2026"])
@SETTINGS
@given(data=st.data())
def test_valid_answers_always_validate(versie: str, data: st.DataObject) -> None:
    vl = vragenlijst_get(versie)
    antwoorden = data.draw(volledige_respons(vl))
    assert (
        valideer(
            vl, antwoorden, volledig=False, regio_codes=REGIOS, locatie_uuids=LOCATIES
        )
        == {}
    )
    assert (
        valideer(
            vl, antwoorden, volledig=True, regio_codes=REGIOS, locatie_uuids=LOCATIES
        )
        == {}
    )
    assert antwoorden_voor_indienen(vl, antwoorden) == antwoorden


@pytest.mark.parametrize("versie", ["2025", "2026"])
@SETTINGS
@given(data=st.data())
def test_a_hidden_question_is_never_required(versie: str, data: st.DataObject) -> None:
    vl = vragenlijst_get(versie)
    antwoorden = data.draw(willekeurige_antwoorden(vl))
    zichtbaar = {v.sleutel for v in zichtbare_vragen(vl, antwoorden)}
    fouten = valideer(vl, antwoorden, volledig=True)
    for sleutel, melding in fouten.items():
        if "verplicht" in melding:
            assert sleutel in zichtbaar
            assert vl.vraag(sleutel).verplicht
    # Whatever is dropped on submit was hidden or empty, and dropping it
    # changes no error of a visible question.
    ingediend = antwoorden_voor_indienen(vl, antwoorden)
    assert set(ingediend) <= zichtbaar
    assert zichtbare_vragen(vl, ingediend) == zichtbare_vragen(vl, antwoorden)
    assert valideer(vl, ingediend, volledig=True) == {
        k: m for k, m in fouten.items() if k in zichtbaar and vl.heeft(k)
    }


@SETTINGS
@given(data=st.data())
def test_visible_questions_keep_their_order(data: st.DataObject) -> None:
    antwoorden = data.draw(willekeurige_antwoorden(VL))
    zichtbaar = zichtbare_vragen(VL, antwoorden)
    posities = [VL.vragen.index(v) for v in zichtbaar]
    assert posities == sorted(posities)
    assert [v.sleutel for v in zichtbaar[:2]] == ["regio", "rol"]
