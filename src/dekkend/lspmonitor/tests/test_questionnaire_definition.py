# SPDX-License-Identifier: EUPL-1.2
"""The questionnaire files load, hold every question of Annex B, and a broken
definition is refused with a message naming the question."""

import copy
import json
import re
from pathlib import Path
from typing import Any

from django.conf import settings

import pytest

from dekkend.lspmonitor.questionnaire.definition import (
    ALGEMEEN,
    COORDINATOR,
    DATA_DIR,
    LOCATIES_BEVESTIGEN,
    LSP,
    TYPES,
    VragenlijstFout,
    nummers_per_deel,
    vragenlijst_from_dict,
    vragenlijst_get,
    vragenlijst_latest,
    vragenlijst_load,
    vragenlijst_versies,
)

BIJLAGE_B = DATA_DIR / "bijlage-b-2025.txt"


def _seed() -> str:
    """The monitor report 001 beside the reference data (../shared), which the
    test suite needs anyway."""
    path = Path(settings.DEKKEND_DATA_DIR).parent / "seeds" / "001_d9c092ad107978a2.txt"
    return path.read_text(encoding="utf-8")


_VRAAG_REGEL = re.compile(
    r"^\s*(?P<ster>\*)?\s*(?P<nr>[0-9]{1,2})[.,]\s+(?P<tekst>\S.*)$"
)
LSP_START = "Dit gedeelte van de vragenlijst is bedoeld voor mensen die actief"
COORD_START = "Dit gedeelte van de vragenlijst is bedoeld voor IZA-"


def annex_b_vragen() -> dict[str, dict[str, tuple[bool, str]]]:
    """Parse Annex B: per part, question number → (starred as required, first
    words of its text)."""
    delen: dict[str, dict[str, tuple[bool, str]]] = {
        ALGEMEEN: {},
        LSP: {},
        COORDINATOR: {},
    }
    deel = ALGEMEEN
    for line in BIJLAGE_B.read_text(encoding="utf-8").splitlines():
        if line.startswith(LSP_START):
            deel = LSP
        elif line.startswith(COORD_START):
            deel = COORDINATOR
        match = _VRAAG_REGEL.match(line)
        if match:
            delen[deel][match["nr"]] = (bool(match["ster"]), match["tekst"])
    return delen


def _eerste_woorden(text: str, n: int = 3) -> list[str]:
    return text.split()[:n]


def test_both_versions_load_and_latest_is_2026() -> None:
    assert vragenlijst_versies() == ["2025", "2026"]
    assert vragenlijst_latest().versie == "2026"
    for versie in ("2025", "2026"):
        vl = vragenlijst_get(versie)
        assert vl.versie == versie
        assert vl.titel == "Vragenlijst landelijk beeld laagdrempelige steunpunten"
        assert all(v.type in TYPES for v in vl.vragen)
        assert vl.rolvraag is not None and vl.rolvraag.sleutel == "rol"


def test_annex_b_source_is_the_seed_excerpt() -> None:
    text = BIJLAGE_B.read_text(encoding="utf-8")
    assert text.startswith("Bijlage B - Vragenlijsten\n")
    seed = _seed()
    start = seed.index("Bijlage B - Vragenlijsten")
    end = seed.index("Bijlage C", start)
    assert seed[start:end].rstrip("\n") == text.rstrip("\n")


@pytest.mark.parametrize("versie", ["2025", "2026"])
def test_every_annex_b_question_is_present_with_its_required_flag(versie: str) -> None:
    bijlage = annex_b_vragen()
    # The parse itself must find the questionnaire: two general questions
    # and two numbered parts that start at 3.
    assert list(bijlage[ALGEMEEN]) == ["1", "2"]
    assert min(map(int, bijlage[LSP])) == 3 and min(map(int, bijlage[COORDINATOR])) == 3
    vl = vragenlijst_get(versie)
    nummers = nummers_per_deel(vl)
    for deel, vragen in bijlage.items():
        annex_nummers = set(vragen)
        json_nummers = {n for n in nummers[deel] if n.isdigit()}
        assert json_nummers == annex_nummers, deel
        for nummer, (ster, tekst) in vragen.items():
            vraag = next(v for v in vl.vragen if v.deel == deel and v.nummer == nummer)
            assert vraag.verplicht is ster, vraag.sleutel
            assert _eerste_woorden(vraag.tekst) == _eerste_woorden(tekst), vraag.sleutel


# The conversion's character errors, as listed in data/README.md; applied to
# the source before comparing texts.
TEKENFOUTEN = {
    "Regiocodrdinator": "Regiocoördinator",
    "cobrdinator": "coördinator",
    "codrdinerende": "coördinerende",
    "codrdinataren": "coördinatoren",
    "1zA": "IZA",
    "|ZA": "IZA",
    "1ZA": "IZA",
    "Afentoe": "Af en toe",
    "financién": "financiën",
    "categorieén": "categorieën",
    "ocok": "ook",
    "vanaf18": "vanaf 18",
    "steunpuntin": "steunpunt in",
    "medewearkers": "medewerkers",
    "enfof": "en/of",
    "Eris ": "Er is ",
    "scciaal": "sociaal",
    "laagdrampelige": "laagdrempelige",
    "netwerkvarming": "netwerkvorming",
    "gerste uitvraag": "eerste uitvraag",
    "ap dit moment": "op dit moment",
    "Helemaal eans": "Helemaal eens",
    "Desls eens": "Deels eens",
    "nv.t.": "n.v.t.",
    "1tot": "1 tot",
}
# Reconstructed from graph 1 of the report, not from Annex B (data/README.md,
# reconstruction 6).
UIT_GRAFIEK_1 = {("lsp.13", "k5"), ("lsp.13", "k6"), ("lsp.13", "k7")}


def _vergelijkbaar(text: str) -> str:
    """Lower case, letters and digits only; radio-button marks of the scan
    ("O", "QO") dropped."""
    words = re.sub(r"[^a-z0-9äëïöüé]+", " ", text.lower()).split()
    return " ".join(w for w in words if w not in {"o", "qo"})


def _regels(text: str) -> list[str]:
    return [r for r in text.splitlines() if r.strip()]


def test_2025_texts_are_verbatim_from_annex_b() -> None:
    bron = BIJLAGE_B.read_text(encoding="utf-8")
    for fout, goed in TEKENFOUTEN.items():
        bron = bron.replace(fout, goed)
    bron = _vergelijkbaar(bron)
    vl = vragenlijst_get("2025")
    ontbreekt = [r for r in _regels(vl.inleiding) if _vergelijkbaar(r) not in bron]
    for v in vl.vragen:
        for tekst in (v.tekst, v.toelichting, v.opmerking):
            ontbreekt += [
                f"{v.sleutel}: {r}"
                for r in _regels(tekst)
                if _vergelijkbaar(r) not in bron
            ]
        for o in (*v.opties, *v.rijen, *v.schaal):
            if (v.sleutel, o.code) not in UIT_GRAFIEK_1 and _vergelijkbaar(
                o.label
            ) not in bron:
                ontbreekt.append(f"{v.sleutel}/{o.code}: {o.label}")
    assert ontbreekt == []


def test_reconstructed_kenmerken_come_from_graph_1() -> None:
    labels = {o.code: o.label for o in vragenlijst_get("2025").vraag("lsp.13").opties}
    assert set(labels) >= {code for _, code in UIT_GRAFIEK_1}
    # Graph 1 is outside the Annex B excerpt: read it from the report itself.
    seed = _seed().replace("cliént", "cliënt")
    grafiek = _vergelijkbaar(seed[: seed.index("Grafiek 1.")])
    for _, code in sorted(UIT_GRAFIEK_1):
        assert _vergelijkbaar(labels[code]) in grafiek, code


def test_keys_follow_the_contract() -> None:
    vl = vragenlijst_get("2025")
    for v in vl.vragen:
        if v.nummer and v.deel == LSP:
            assert v.sleutel == f"lsp.{v.nummer}"
        if v.nummer and v.deel == COORDINATOR:
            assert v.sleutel == f"coord.{v.nummer}"
    assert vl.vraag("regio").nummer == "1"
    assert vl.vraag("rol").nummer == "2"


def test_2026_is_2025_plus_the_locations_question() -> None:
    v2025 = vragenlijst_get("2025")
    v2026 = vragenlijst_get("2026")
    extra = [v for v in v2026.vragen if not v2025.heeft(v.sleutel)]
    assert [(v.sleutel, v.type) for v in extra] == [
        ("lsp.locaties", LOCATIES_BEVESTIGEN)
    ]
    for oud in v2025.vragen:
        nieuw = v2026.vraag(oud.sleutel)
        assert (
            nieuw.type,
            nieuw.opties,
            nieuw.rijen,
            nieuw.schaal,
            nieuw.verplicht,
        ) == (
            oud.type,
            oud.opties,
            oud.rijen,
            oud.schaal,
            oud.verplicht,
        )
        assert nieuw.overslaan == oud.overslaan


def test_graph_and_purpose_tags() -> None:
    vl = vragenlijst_get("2025")
    assert {g: [v.sleutel for v in vl.vragen_voor_grafiek(g)] for g in "123456"} == {
        "1": ["lsp.13"],
        "2": ["lsp.5"],
        "3": ["lsp.6"],
        "4": ["coord.8", "coord.9", "coord.10", "coord.11"],
        "5": ["lsp.18"],
        "6": ["coord.15"],
    }
    assert [v.sleutel for v in vl.vragen_met_doel("bijgekomen")] == [
        "lsp.14",
        "coord.3",
    ]
    assert [v.sleutel for v in vl.vragen_met_doel("gestopt")] == ["lsp.15", "coord.4"]
    kenmerken = vl.vraag("lsp.13")
    assert [o.code for o in kenmerken.opties] == [f"k{i}" for i in range(1, 11)] + [
        "alle_aanwezig"
    ]


def test_skip_rules_of_annex_b() -> None:
    vl = vragenlijst_get("2025")
    rules = {v.sleutel: v.overslaan for v in vl.vragen if v.overslaan}
    assert {k: (c.vraag, c.waarden) for k, c in rules.items()} == {
        "lsp.6": ("lsp.5", ("niet",)),
        "lsp.8": ("lsp.7", ("niet",)),
        "lsp.10": ("lsp.9", ("niet",)),
    }
    # Every "Sla deze vraag over" of Annex B became a rule.
    assert (
        BIJLAGE_B.read_text(encoding="utf-8").count("Sla deze vraag over") == 4
    )  # 10 twice


def test_routing_options() -> None:
    rol = vragenlijst_get("2025").vraag("rol")
    assert {o.code: o.deel for o in rol.opties} == {
        "lsp": LSP,
        "vng": COORDINATOR,
        "iza": COORDINATOR,
        "anders": COORDINATOR,
    }
    assert [o.code for o in rol.opties if o.anders] == ["anders"]


# --- refused definitions -----------------------------------------------------


def _raw() -> dict[str, Any]:
    return json.loads((DATA_DIR / "vragenlijst-2025.json").read_text(encoding="utf-8"))


def _item(raw: dict[str, Any], sleutel: str) -> dict[str, Any]:
    return next(v for v in raw["vragen"] if v["sleutel"] == sleutel)


def _refused(raw: dict[str, Any]) -> str:
    with pytest.raises(VragenlijstFout) as exc:
        vragenlijst_from_dict(raw)
    return str(exc.value)


def test_duplicate_key_is_refused_by_name() -> None:
    raw = _raw()
    raw["vragen"].append(copy.deepcopy(_item(raw, "lsp.5")))
    assert _refused(raw) == "question 'lsp.5': key occurs twice"


def test_duplicate_option_code_is_refused_by_name() -> None:
    raw = _raw()
    _item(raw, "lsp.6")["opties"][1]["code"] = "inhoudelijk"
    assert _refused(raw) == "question 'lsp.6': option code 'inhoudelijk' occurs twice"


def test_invalid_option_code_is_refused() -> None:
    raw = _raw()
    _item(raw, "lsp.7")["opties"][0]["code"] = "heel vaak"
    assert "question 'lsp.7': option #1 has an invalid code 'heel vaak'" in _refused(
        raw
    )


def test_skip_rule_must_refer_to_an_earlier_question() -> None:
    raw = _raw()
    _item(raw, "lsp.6")["overslaan"] = {"vraag": "lsp.9", "waarden": ["niet"]}
    assert _refused(raw) == (
        "question 'lsp.6': skip rule refers to 'lsp.9', which is not an earlier question"
    )


def test_skip_rule_value_must_be_an_option() -> None:
    raw = _raw()
    _item(raw, "lsp.6")["overslaan"]["waarden"] = ["nooit"]
    assert _refused(raw) == (
        "question 'lsp.6': skip rule value 'nooit' is not an option of 'lsp.5'"
    )


def test_skip_rule_on_text_question_is_refused() -> None:
    raw = _raw()
    _item(raw, "lsp.10")["overslaan"] = {"vraag": "lsp.8", "waarden": ["x"]}
    assert (
        _refused(raw)
        == "question 'lsp.10': skip rule refers to 'lsp.8', which has no options"
    )


def test_skip_rule_across_parts_is_refused() -> None:
    raw = _raw()
    _item(raw, "coord.12")["overslaan"] = {"vraag": "lsp.5", "waarden": ["niet"]}
    assert (
        _refused(raw)
        == "question 'coord.12': skip rule refers to 'lsp.5' of another part"
    )


def test_unknown_type_and_field_are_refused() -> None:
    raw = _raw()
    _item(raw, "lsp.12")["type"] = "schuifregelaar"
    assert _refused(raw) == "question 'lsp.12': unknown type 'schuifregelaar'"
    raw = _raw()
    _item(raw, "lsp.12")["verplict"] = True
    assert _refused(raw) == "question 'lsp.12': unknown fields ['verplict']"


def test_matrix_without_scale_and_choice_without_options_are_refused() -> None:
    raw = _raw()
    _item(raw, "coord.6")["schaal"] = []
    assert (
        _refused(raw)
        == "question 'coord.6': a matrix needs a scale of at least 2 points"
    )
    raw = _raw()
    _item(raw, "lsp.5")["opties"] = []
    assert (
        _refused(raw)
        == "question 'lsp.5': a enkele_keuze question needs at least 2 options"
    )


def test_duplicate_number_within_a_part_is_refused() -> None:
    raw = _raw()
    _item(raw, "lsp.12")["nummer"] = "11"
    assert _refused(raw) == (
        "question 'lsp.12': number 11 of part 'lsp' is already used by 'lsp.11'"
    )


def test_role_option_without_part_is_refused() -> None:
    raw = _raw()
    del _item(raw, "rol")["opties"][3]["deel"]
    assert _refused(raw) == "question 'rol': options ['anders'] route to no part"


def test_file_version_must_match_its_name(tmp_path: Path) -> None:
    raw = _raw()
    path = tmp_path / "vragenlijst-2027.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(
        VragenlijstFout, match="the file says version '2025', its name '2027'"
    ):
        vragenlijst_load(path)
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(VragenlijstFout, match="vragenlijst-2027.json: cannot be read"):
        vragenlijst_load(path)


def test_unknown_version_is_refused(tmp_path: Path) -> None:
    with pytest.raises(VragenlijstFout, match="no questionnaire of version '1999'"):
        vragenlijst_get("1999")
    with pytest.raises(VragenlijstFout, match="invalid questionnaire version"):
        vragenlijst_get("../etc")
    with pytest.raises(VragenlijstFout, match="no questionnaire files"):
        vragenlijst_latest(data_dir=tmp_path)


def test_a_new_version_is_data_only(tmp_path: Path) -> None:
    raw = _raw()
    raw["versie"] = "2027"
    _item(raw, "lsp.19")["tekst"] = "Nog iets?"
    (tmp_path / "vragenlijst-2027.json").write_text(json.dumps(raw), encoding="utf-8")
    vl = vragenlijst_latest(data_dir=tmp_path)
    assert vl.versie == "2027"
    assert vl.vraag("lsp.19").tekst == "Nog iets?"


def _zet(vraag: str, **velden: Any) -> Any:
    def wijzig(raw: dict[str, Any]) -> None:
        _item(raw, vraag).update(velden)

    return wijzig


def _zonder_rol(raw: dict[str, Any]) -> None:
    raw["vragen"] = [v for v in raw["vragen"] if v["sleutel"] != "rol"]


def _twee_routers(raw: dict[str, Any]) -> None:
    tweede = copy.deepcopy(_item(raw, "rol"))
    tweede["sleutel"] = "rol2"
    tweede["nummer"] = "2b"
    raw["vragen"].insert(2, tweede)


@pytest.mark.parametrize(
    ("wijzig", "melding"),
    [
        (lambda raw: raw["vragen"].append("x"), "item #43 must be an object"),
        (_zet("lsp.5", sleutel="LSP 5"), "item #6: invalid key 'LSP 5'"),
        (_zet("lsp.5", deel="regio"), "question 'lsp.5': unknown part 'regio'"),
        (
            _zet("lsp.5", verplicht="ja"),
            "question 'lsp.5': 'verplicht' must be true/false",
        ),
        (_zet("lsp.5", doel="rapport"), "question 'lsp.5': unknown doel 'rapport'"),
        (_zet("lsp.5", tekst=5), "question 'lsp.5': 'tekst' must be a string"),
        (_zet("lsp.5", tekst=" "), "question 'lsp.5': 'tekst' is missing"),
        (
            _zet("lsp.einde", verplicht=True),
            "question 'lsp.einde': a informatie item has no answer to require",
        ),
        (
            _zet("lsp.einde", nummer="20"),
            "question 'lsp.einde': a informatie item carries no number",
        ),
        (_zet("lsp.12", nummer=""), "question 'lsp.12': 'nummer' is missing"),
        (
            _zet("lsp.12", opties=[{"code": "a", "label": "A"}]),
            "question 'lsp.12': a tekst question has no options",
        ),
        (_zet("coord.6", rijen=[]), "question 'coord.6': a matrix question needs rows"),
        (
            _zet("lsp.12", rijen=[{"code": "a", "label": "A"}]),
            "question 'lsp.12': a tekst question has no rows",
        ),
        (
            _zet("lsp.5", schaal=[{"code": "a", "label": "A"}]),
            "question 'lsp.5': only a matrix has a scale",
        ),
        (
            _zet(
                "lsp.14",
                opties=[{"code": "ja", "label": "Ja"}, {"code": "nee", "label": "Nee"}],
            ),
            "question 'lsp.14': options must be 'nee' and 'ja', in that order",
        ),
        (
            _zet(
                "lsp.16",
                opties=[
                    {"code": "a", "label": "A", "anders": True},
                    {"code": "b", "label": "B", "anders": True},
                ],
            ),
            "question 'lsp.16': at most one 'anders' option",
        ),
        (
            _zet(
                "lsp.11",
                opties=[
                    {"code": "a", "label": "A", "anders": True},
                    {"code": "b", "label": "B", "anders": True},
                ],
            ),
            "question 'lsp.11': at most one 'anders' option",
        ),
        (
            _zet(
                "lsp.11",
                opties=[
                    {"code": "a", "label": "A", "deel": "lsp"},
                    {"code": "b", "label": "B"},
                ],
            ),
            "question 'lsp.11': only a single-choice question routes to a part",
        ),
        (
            _zet(
                "lsp.16",
                opties=[
                    {"code": "a", "label": "A", "deel": "lsp"},
                    {"code": "b", "label": "B"},
                ],
            ),
            "question 'lsp.16': the routing question belongs to 'algemeen'",
        ),
        (
            _zet("lsp.6", overslaan={"vraag": "lsp.5"}),
            "question 'lsp.6': skip rule needs exactly 'vraag' and 'waarden'",
        ),
        (
            _zet("lsp.6", overslaan={"vraag": "lsp.5", "waarden": []}),
            "question 'lsp.6': skip rule 'waarden' must be a list of codes",
        ),
        (_zet("lsp.5", opties="vaak"), "question 'lsp.5': 'option' must be a list"),
        (
            _zet("lsp.5", opties=["vaak", "niet"]),
            "question 'lsp.5': option #1 must be an object",
        ),
        (
            _zet("lsp.5", opties=[{"code": "a"}, {"code": "b", "label": "B"}]),
            "question 'lsp.5', option 'a': 'label' is missing",
        ),
        (
            _zet(
                "lsp.5",
                opties=[
                    {"code": "a", "label": "A", "anders": "ja"},
                    {"code": "b", "label": "B"},
                ],
            ),
            "question 'lsp.5': option 'a': 'anders' must be true/false",
        ),
        (
            _zet(
                "rol",
                opties=[
                    {"code": "a", "label": "A", "deel": "beleid"},
                    {"code": "b", "label": "B"},
                ],
            ),
            "question 'rol': option 'a' routes to unknown part 'beleid'",
        ),
        (
            _zet(
                "lsp.5",
                opties=[
                    {"code": "a", "label": "A", "kleur": "rood"},
                    {"code": "b", "label": "B"},
                ],
            ),
            "question 'lsp.5': option 'a' has unknown fields ['kleur']",
        ),
        (lambda raw: raw.update(auteur="x"), "unknown top-level fields ['auteur']"),
        (
            lambda raw: raw.update(vragen=[]),
            "questionnaire: 'vragen' must be a non-empty list",
        ),
        (lambda raw: raw.update(versie=""), "questionnaire: 'versie' is missing"),
        (_zonder_rol, "questionnaire: parts without a routing question"),
        (_twee_routers, "questionnaire: more than one routing question: rol, rol2"),
    ],
)
def test_every_definition_error_names_what_is_wrong(wijzig: Any, melding: str) -> None:
    raw = _raw()
    wijzig(raw)
    assert _refused(raw) == melding


def test_questionnaire_must_be_an_object() -> None:
    with pytest.raises(VragenlijstFout, match="must be a JSON object"):
        vragenlijst_from_dict([])  # type: ignore[arg-type]
