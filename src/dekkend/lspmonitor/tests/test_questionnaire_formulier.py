# SPDX-License-Identifier: EUPL-1.2
"""Parsing POSTed fields into answers (`questionnaire.formulier`): shapes,
Dutch errors naming the question, Django's QueryDict, and the round trip
answer → form fields → answer."""

from typing import Any

from django.http import QueryDict

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dekkend.lspmonitor.questionnaire.definition import (
    LOCATIES_BEVESTIGEN,
    vragenlijst_get,
)
from dekkend.lspmonitor.questionnaire.engine import antwoorden_uit_formulier
from dekkend.lspmonitor.questionnaire.formulier import (
    antwoord_uit_formulier,
    formulier_data,
)
from dekkend.lspmonitor.tests.test_questionnaire_engine import REGIOS, geldig_antwoord

VL = vragenlijst_get("2025")
VL26 = vragenlijst_get("2026")
UUID = "0b0e2a5c-0000-4000-8000-000000000001"
HUIDIG = {
    UUID: {
        "naam": "Herstelcafé Goes",
        "gemeente": "Goes",
        "straat": "Markt",
        "huisnummer": "1",
        "postcode": "4461 AB",
        "plaats": "Goes",
        "telefoon": "",
        "email": "",
        "website": "",
        "dagdelen": ["1:ochtend", "3:middag"],
        "elementen": ["inloop"],
    }
}


def _parse(
    data: dict[str, list[str]], vl: Any = VL, **kwargs: Any
) -> tuple[dict[str, Any], dict[str, str]]:
    return antwoorden_uit_formulier(vl, data, **kwargs)


def test_single_choice_with_anders_text() -> None:
    antwoorden, fouten = _parse(
        {"v_rol": ["anders"], "v_rol_anders": [" Beleidsmedewerker "]}
    )
    assert fouten == {}
    assert antwoorden == {"rol": {"keuze": "anders", "anders": "Beleidsmedewerker"}}


def test_anders_text_alone_ticks_its_option() -> None:
    antwoorden, _ = _parse({"v_rol_anders": ["Projectleider"]})
    assert antwoorden == {"rol": {"keuze": "anders", "anders": "Projectleider"}}
    antwoorden, _ = _parse({"v_lsp.6": ["inspiratie"], "v_lsp.6_anders": ["Cursussen"]})
    assert antwoorden == {
        "lsp.6": {"keuzes": ["inspiratie", "overige"], "anders": "Cursussen"}
    }


def test_anders_text_with_another_single_choice_is_an_error() -> None:
    antwoorden, fouten = _parse({"v_rol": ["vng"], "v_rol_anders": ["Projectleider"]})
    assert antwoorden == {}
    assert fouten == {
        "rol": "Vraag 2: je vulde een toelichting bij 'Anders, namelijk' in, maar koos "
        "die optie niet."
    }


def test_option_outside_the_list() -> None:
    antwoorden, fouten = _parse({"v_lsp.5": ["altijd"], "v_lsp.7": ["vaak"]})
    assert antwoorden == {"lsp.7": {"keuze": "vaak"}}
    assert fouten == {
        "lsp.5": "Vraag 5: 'altijd' is geen antwoordoptie van deze vraag."
    }


def test_two_values_for_a_single_choice() -> None:
    _, fouten = _parse({"v_lsp.5": ["vaak", "niet"]})
    assert fouten == {"lsp.5": "Vraag 5: kies één antwoord."}


def test_multiple_choice_keeps_order_and_drops_duplicates() -> None:
    antwoorden, fouten = _parse({"v_lsp.18": ["visie", "kennen", "visie"]})
    assert fouten == {}
    assert antwoorden == {"lsp.18": {"keuzes": ["visie", "kennen"]}}


def test_comment_box_is_stored_as_toelichting() -> None:
    antwoorden, _ = _parse(
        {"v_coord.8": ["tevreden"], "v_coord.8_toelichting": ["Goed contact"]}
    )
    assert antwoorden == {
        "coord.8": {"keuze": "tevreden", "toelichting": "Goed contact"}
    }


@pytest.mark.parametrize(
    ("invoer", "melding"),
    [
        ("-2", "het getal mag niet negatief zijn."),
        ("2,5", "vul een heel getal in."),
        ("twee", "vul een getal in, geen tekst."),
    ],
)
def test_numbers_per_category_errors(invoer: str, melding: str) -> None:
    antwoorden, fouten = _parse({"v_lsp.4_A": ["1"], "v_lsp.4_B": [invoer]})
    assert antwoorden == {}
    assert fouten == {"lsp.4": f"Vraag 4, Categorie B: Aantal locaties: {melding}"}


def test_numbers_per_category_leaves_empty_categories_out() -> None:
    antwoorden, fouten = _parse(
        {"v_lsp.4_A": [" 1 "], "v_lsp.4_B": [""], "v_lsp.4_C": ["3"]}
    )
    assert fouten == {}
    assert antwoorden == {"lsp.4": {"A": 1, "C": 3}}


def test_matrix_rows_and_an_unknown_scale_point() -> None:
    antwoorden, fouten = _parse(
        {"v_coord.13_ggz": ["weinig"], "v_coord.13_gemeenten": ["intensief"]}
    )
    assert fouten == {}
    assert antwoorden == {"coord.13": {"gemeenten": "intensief", "ggz": "weinig"}}
    _, fouten = _parse({"v_coord.13_ggz": ["altijd"]})
    assert fouten == {
        "coord.13": "Vraag 13, 'Tussen steunpunten en ggz': 'altijd' is geen "
        "antwoordoptie van deze vraag."
    }


def test_text_is_stripped_and_blank_is_no_answer() -> None:
    antwoorden, fouten = _parse(
        {"v_lsp.12": ["  Jongeren\r\nen ouderen "], "v_lsp.19": ["   "]}
    )
    assert fouten == {}
    assert antwoorden == {"lsp.12": "Jongeren\nen ouderen"}


def test_region_restricted_to_codes() -> None:
    antwoorden, fouten = _parse({"v_regio": ["ZK27"]}, regio_codes=REGIOS)
    assert (antwoorden, fouten) == ({"regio": {"regio": "ZK27"}}, {})
    _, fouten = _parse({"v_regio": ["ZK99"]}, regio_codes=REGIOS)
    assert fouten == {"regio": "Vraag 1: 'ZK99' is geen regio van deze monitor."}


def test_new_lsp_list() -> None:
    data = {
        "v_lsp.14": ["ja"],
        "v_lsp.14_1_naam": ["Inloop De Brug"],
        "v_lsp.14_1_gemeente": ["Goes"],
        "v_lsp.14_2_naam": [""],
        "v_lsp.14_3_naam": ["Herstelcafé"],
        "v_lsp.14_3_organisatie": ["Emergis"],
    }
    antwoorden, fouten = _parse(data)
    assert fouten == {}
    assert antwoorden == {
        "lsp.14": [
            {"naam": "Inloop De Brug", "gemeente": "Goes"},
            {"naam": "Herstelcafé", "organisatie": "Emergis"},
        ]
    }
    assert _parse({"v_lsp.14": ["nee"], "v_lsp.14_1_naam": [""]}) == (
        {"lsp.14": []},
        {},
    )


@pytest.mark.parametrize(
    ("data", "melding"),
    [
        (
            {"v_lsp.14": ["ja"]},
            "Vraag 14: vul bij 'Ja, namelijk' minstens één steunpunt in.",
        ),
        (
            {"v_lsp.14": ["nee"], "v_lsp.14_1_naam": ["X"]},
            "Vraag 14: je koos 'Nee' maar vulde ook steunpunten in.",
        ),
        (
            {"v_lsp.14": ["ja"], "v_lsp.14_1_gemeente": ["Goes"]},
            "Vraag 14, steunpunt 1: vul de naam van het steunpunt in.",
        ),
        (
            {"v_lsp.14": ["misschien"]},
            "Vraag 14: 'misschien' is geen antwoordoptie van deze vraag.",
        ),
    ],
)
def test_new_lsp_list_errors(data: dict[str, list[str]], melding: str) -> None:
    antwoorden, fouten = _parse(data)
    assert antwoorden == {}
    assert fouten == {"lsp.14": melding}


def test_only_the_given_questions_are_parsed() -> None:
    antwoorden, fouten = _parse(
        {"v_lsp.5": ["vaak"], "v_lsp.7": ["altijd"]}, vragen=[VL.vraag("lsp.5")]
    )
    assert (antwoorden, fouten) == ({"lsp.5": {"keuze": "vaak"}}, {})


def test_querydict_is_read_like_a_mapping_of_lists() -> None:
    qd = QueryDict(mutable=True)
    qd.setlist("v_lsp.18", ["kennen", "visie"])
    qd["v_rol"] = "lsp"
    qd["v_lsp.4_A"] = "2"
    antwoorden, fouten = antwoorden_uit_formulier(VL, qd)
    assert fouten == {}
    assert antwoorden == {
        "rol": {"keuze": "lsp"},
        "lsp.4": {"A": 2},
        "lsp.18": {"keuzes": ["kennen", "visie"]},
    }


# --- own locations (2026) ---------------------------------------------------------


def _locatie_data(**velden: list[str]) -> dict[str, list[str]]:
    base = f"v_lsp.locaties_{UUID}"
    data = formulier_data(VL26.vraag("lsp.locaties"), None, locaties=HUIDIG)
    for veld, waarde in velden.items():
        data[f"{base}_{veld}"] = waarde
    return data


def test_locations_unchanged_and_unconfirmed_give_no_answer() -> None:
    assert _parse(_locatie_data(), VL26, locaties=HUIDIG) == ({}, {})


def test_locations_only_changed_fields_are_proposed() -> None:
    data = _locatie_data(
        bevestigd=["1"],
        telefoon=["0113 123456"],
        postcode=["4461ab"],
        website=["www.herstelcafe.nl"],
        dagdelen=["3:middag", "1:ochtend", "5:avond"],
    )
    antwoorden, fouten = _parse(data, VL26, locaties=HUIDIG)
    assert fouten == {}
    assert antwoorden == {
        "lsp.locaties": {
            UUID: {
                "bevestigd": True,
                "wijzigingen": {
                    "telefoon": "0113 123456",
                    "website": "https://www.herstelcafe.nl",
                    "dagdelen": ["1:ochtend", "3:middag", "5:avond"],
                },
            }
        }
    }


def test_locations_emptied_field_is_a_removal() -> None:
    antwoorden, _ = _parse(_locatie_data(straat=[""]), VL26, locaties=HUIDIG)
    assert antwoorden["lsp.locaties"][UUID]["wijzigingen"] == {"straat": ""}


@pytest.mark.parametrize(
    ("veld", "waarde", "melding"),
    [
        ("email", "geen-adres", "dit is geen geldig e-mailadres"),
        ("postcode", "44611", "vul een postcode in als 1234 AB"),
        ("dagdelen", "8:ochtend", "'8:ochtend' is geen dagdeel"),
        ("elementen", "koffie", "'koffie' is geen element"),
    ],
)
def test_locations_field_errors_name_question_location_and_field(
    veld: str, waarde: str, melding: str
) -> None:
    antwoorden, fouten = _parse(
        _locatie_data(**{veld: [waarde]}), VL26, locaties=HUIDIG
    )
    assert antwoorden == {}
    assert fouten == {"lsp.locaties": f"Vraag 3a, Herstelcafé Goes, {veld}: {melding}."}


def test_locations_of_another_organisation_are_refused() -> None:
    data = _locatie_data()
    data["v_lsp.locaties_andere-uuid_getoond"] = ["1"]
    data["v_lsp.locaties_andere-uuid_bevestigd"] = ["1"]
    antwoorden, fouten = _parse(data, VL26, locaties=HUIDIG)
    assert antwoorden == {}
    assert fouten == {
        "lsp.locaties": "Vraag 3a: 'andere-uuid' is geen locatie van jouw organisatie."
    }


# --- round trip ---------------------------------------------------------------------

_VRAGEN = [v for v in VL.vragen if v.heeft_antwoord and v.type != LOCATIES_BEVESTIGEN]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_every_valid_answer_survives_the_form(data: st.DataObject) -> None:
    vraag = data.draw(st.sampled_from(_VRAGEN))
    antwoord = data.draw(geldig_antwoord(vraag))
    velden = formulier_data(vraag, antwoord)
    assert antwoord_uit_formulier(vraag, velden, regio_codes=REGIOS) == antwoord


def _met_getalvraag() -> Any:
    from dekkend.lspmonitor.questionnaire.definition import vragenlijst_from_dict

    return vragenlijst_from_dict(
        {
            "versie": "test",
            "titel": "Test",
            "vragen": [
                {
                    "sleutel": "bezoekers",
                    "nummer": "1",
                    "deel": "algemeen",
                    "type": "getal",
                    "verplicht": True,
                    "tekst": "Hoeveel bezoekers kwamen er vorige week?",
                }
            ],
        }
    )


@pytest.mark.parametrize(
    ("invoer", "antwoord", "melding"),
    [
        ("12", 12, None),
        (" 1 200 ", 1200, None),
        ("-1", None, "Vraag 1: het getal mag niet negatief zijn."),
        ("veel", None, "Vraag 1: vul een getal in, geen tekst."),
        ("200000", None, "Vraag 1: het getal is groter dan 100000."),
    ],
)
def test_plain_number_question(
    invoer: str, antwoord: int | None, melding: str | None
) -> None:
    from dekkend.lspmonitor.questionnaire.engine import valideer

    vl = _met_getalvraag()
    antwoorden, fouten = antwoorden_uit_formulier(vl, {"v_bezoekers": [invoer]})
    assert antwoorden == ({} if antwoord is None else {"bezoekers": antwoord})
    assert fouten == ({} if melding is None else {"bezoekers": melding})
    # Stored JSON: text where a number goes, and a fraction, are refused too.
    assert valideer(vl, {"bezoekers": "12"}, volledig=False) == {
        "bezoekers": "Vraag 1: vul een getal in, geen tekst."
    }
    assert valideer(vl, {"bezoekers": 2.5}, volledig=False) == {
        "bezoekers": "Vraag 1: vul een heel getal in."
    }
    assert valideer(vl, {}, volledig=True) == {
        "bezoekers": "Vraag 1 is verplicht: geef een antwoord."
    }


def test_control_characters_are_removed_from_posted_text() -> None:
    antwoorden, fouten = _parse({"v_lsp.12": ["Jon\x00geren\x07\r\nen ouderen"]})
    assert fouten == {}
    assert antwoorden == {"lsp.12": "Jongeren\nen ouderen"}


def test_stored_text_with_control_characters_is_refused() -> None:
    from dekkend.lspmonitor.questionnaire.engine import valideer

    assert valideer(VL, {"lsp.12": "a\x00b"}, volledig=False) == {
        "lsp.12": "Vraag 12: de tekst bevat ongeldige tekens."
    }
    assert valideer(VL, {"lsp.14": [{"naam": "X\x00"}]}, volledig=False) == {
        "lsp.14": "Vraag 14, steunpunt 1: de tekst bevat ongeldige tekens."
    }
    onleesbaar = {"lsp.locaties": {"a b": {"bevestigd": True, "wijzigingen": {}}}}
    assert valideer(VL26, onleesbaar, volledig=False) == {
        "lsp.locaties": "Vraag 3a: onleesbaar antwoord."
    }


def test_location_field_names_must_look_like_ids() -> None:
    _, fouten = _parse({"v_lsp.locaties_a b_getoond": ["1"]}, VL26)
    assert fouten == {"lsp.locaties": "Vraag 3a: onleesbaar antwoord."}
