# SPDX-License-Identifier: EUPL-1.2
"""Reference data as loaded, and the importers' error handling.

The session database holds the real reference data (see `conftest.py`). Bad
files are small corrupted copies of the good ones in `tmp_path`; every error
must name file, row and field, and leave the database as it was.
"""

import csv
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import CommandError, call_command
from django.db.models import Count, Q, Sum

import pytest

from dekkend.importing import ImportFout, read_csv
from dekkend.regions.constants import (
    INDELING_GGD,
    INDELING_PROVINCIE,
    INDELING_ZORGKANTOOR,
)
from dekkend.regions.importers.cbs import cbs_bevolking_load
from dekkend.regions.importers.divisions import division_csv_load
from dekkend.regions.importers.reference import reference_load
from dekkend.regions.models import (
    Bevolking,
    Gemeente,
    Indeling,
    Postcodegebied,
    Regio,
    RegioGemeente,
)
from dekkend.regions.selectors import gemeente_get

pytestmark = pytest.mark.django_db

DATA = Path(settings.DEKKEND_DATA_DIR)
GEMEENTEN = "gemeenten_2025.csv"
PC4 = "pc4_2021.csv"
ZORGKANTOOR = "zorgkantoorregios_2025.csv"


def _read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def _write(path: Path, fieldnames: list[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fieldnames)
        writer.writeheader()
        writer.writerows(rows)


def _copy(
    tmp_path: Path,
    name: str,
    change: Callable[[list[dict[str, str]]], None],
    *,
    fieldnames: list[str] | None = None,
) -> Path:
    """Copy the good `name` into `tmp_path`, letting `change` edit its rows."""
    header, rows = _read(DATA / name)
    change(rows)
    _write(tmp_path / name, fieldnames or header, rows)
    return tmp_path / name


def _data_dir(tmp_path: Path, *names: str) -> Path:
    """Copy the good CSVs `names` that are not in `tmp_path` yet (no GeoJSON)."""
    for name in names:
        if not (tmp_path / name).exists():
            shutil.copy(DATA / name, tmp_path / name)
    return tmp_path


def _inwoners(code: str, peiljaar: int = 2024) -> int:
    return Bevolking.objects.get(gemeente__code=code, peiljaar=peiljaar).inwoners


def _row_number(rows: list[dict[str, str]], column: str, value: str) -> int:
    """The 1-based file row of the first data row where `column == value`."""
    return next(i for i, r in enumerate(rows, start=2) if r[column] == value)


# --- reference data as loaded ------------------------------------------------


def test_all_342_gemeenten_are_loaded():
    assert Gemeente.objects.count() == 342


def test_population_2024_sums_to_the_cbs_figure_for_the_netherlands():
    total = Bevolking.objects.filter(peiljaar=2024).aggregate(t=Sum("inwoners"))["t"]
    assert total == 17_942_942


def test_amsterdam_has_931298_inhabitants_on_1_january_2024():
    assert _inwoners("GM0363") == 931_298
    assert gemeente_get(code="gm0363").inwoners == 931_298


def test_all_4067_pc4_areas_are_loaded_with_their_gemeente():
    assert Postcodegebied.objects.count() == 4067
    middelburg = Postcodegebied.objects.get(pc4="4331")
    assert middelburg.gemeente.code == "GM0687"
    assert (middelburg.lat, middelburg.lon) == (51.49986, 3.61371)
    # Every gemeente receives at least one PC4 (data README).
    assert not Gemeente.objects.filter(postcodegebieden__isnull=True).exists()


@pytest.mark.parametrize(
    ("naam", "regios"),
    [(INDELING_ZORGKANTOOR, 31), (INDELING_GGD, 25), (INDELING_PROVINCIE, 12)],
)
def test_division_has_its_regions_and_every_gemeente_in_exactly_one(naam, regios):
    indeling = Indeling.objects.get(naam=naam)
    assert indeling.volledig
    assert indeling.regios.count() == regios
    members = RegioGemeente.objects.filter(indeling=indeling)
    assert members.count() == 342
    assert members.values("gemeente").distinct().count() == 342
    assert not indeling.regios.filter(gemeenten__isnull=True).exists()


@pytest.mark.parametrize(
    ("naam", "bestand"),
    [
        (INDELING_ZORGKANTOOR, ZORGKANTOOR),
        (INDELING_GGD, "ggdregios_2022.csv"),
        (INDELING_PROVINCIE, "provincies_2025.csv"),
    ],
)
def test_region_membership_and_population_match_the_reference_file(naam, bestand):
    _, rows = _read(DATA / bestand)
    loaded = {
        code: (n, inw)
        for code, n, inw in Regio.objects.filter(indeling__naam=naam)
        .annotate(
            n=Count("gemeenten", distinct=True),
            inw=Sum(
                "gemeenten__bevolking__inwoners",
                filter=Q(gemeenten__bevolking__peiljaar=2024),
            ),
        )
        .values_list("code", "n", "inw")
    }
    expected = {
        r["code"]: (int(r["n_gemeenten"]), int(r["inwoners_2024"])) for r in rows
    }
    assert loaded == expected


def test_provinces_hold_the_gemeenten_counts_of_the_readme():
    counts = dict(
        Regio.objects.filter(indeling__naam=INDELING_PROVINCIE)
        .annotate(n=Count("gemeenten"))
        .values_list("code", "n")
    )
    assert [counts[f"PV{n}"] for n in range(20, 32)] == [
        10, 18, 12, 25, 6, 51, 26, 44, 50, 13, 56, 31,
    ]  # fmt: skip


def test_second_reference_load_changes_nothing():
    report = reference_load(DATA)
    assert report.changed == 0
    assert report.gemeenten == 342
    assert report.postcodegebieden == 4067
    assert report.inwoners == 17_942_942
    assert report.indelingen == {
        INDELING_ZORGKANTOOR: 31,
        INDELING_GGD: 25,
        INDELING_PROVINCIE: 12,
    }


# --- errors in the reference files -------------------------------------------


def test_bad_gemeentecode_names_file_row_and_field(tmp_path):
    def corrupt(rows: list[dict[str, str]]) -> None:
        rows[4]["gemeentecode"] = "G0037"

    _copy(tmp_path, GEMEENTEN, corrupt)
    with pytest.raises(ImportFout) as info:
        reference_load(_data_dir(tmp_path, PC4))
    message = str(info.value)
    assert GEMEENTEN in message
    assert "rij 6" in message
    assert "'gemeentecode'" in message
    assert "'G0037' is geen CBS-gemeentecode" in message


def test_non_numeric_inhabitants_are_refused_and_an_earlier_row_is_not_written(
    tmp_path,
):
    def corrupt(rows: list[dict[str, str]]) -> None:
        rows[0]["inwoners_2024"] = "1"  # row 2: a valid change …
        rows[-1]["inwoners_2024"] = "veel"  # … and a bad last row (343)

    _, rows = _read(DATA / GEMEENTEN)
    first, last = rows[0]["gemeentecode"], rows[-1]["gemeentecode"]
    before = (_inwoners(first), _inwoners(last))
    _copy(tmp_path, GEMEENTEN, corrupt)
    with pytest.raises(ImportFout) as info:
        reference_load(_data_dir(tmp_path, PC4))
    assert info.value.bestand == GEMEENTEN
    assert info.value.rij == 343
    assert info.value.veld == "inwoners_2024"
    assert "'veel' is geen geheel getal" in str(info.value)
    assert (_inwoners(first), _inwoners(last)) == before


def test_missing_column_is_reported_on_the_header_row(tmp_path):
    header, _ = _read(DATA / GEMEENTEN)
    fields = [c for c in header if c != "inwoners_2024"]

    def drop(rows: list[dict[str, str]]) -> None:
        for row in rows:
            del row["inwoners_2024"]

    _copy(tmp_path, GEMEENTEN, drop, fieldnames=fields)
    with pytest.raises(ImportFout) as info:
        reference_load(_data_dir(tmp_path, PC4))
    assert str(info.value) == f"{GEMEENTEN}, rij 1: kolom ontbreekt: inwoners_2024"


def test_unknown_gemeente_in_pc4_rolls_back_the_gemeenten_already_written(
    tmp_path,
):
    def raise_amsterdam(rows: list[dict[str, str]]) -> None:
        for row in rows:
            if row["gemeentecode"] == "GM0363":
                row["inwoners_2024"] = "1000000"
                row["gemeentenaam"] = "Mokum"

    def corrupt(rows: list[dict[str, str]]) -> None:
        rows[99]["gemeentecode_2025"] = "GM0000"

    _copy(tmp_path, GEMEENTEN, raise_amsterdam)
    _copy(tmp_path, PC4, corrupt)
    with pytest.raises(ImportFout) as info:
        reference_load(tmp_path)
    message = str(info.value)
    assert message.startswith(f"{PC4}, rij 101, veld 'gemeentecode_2025'")
    assert "onbekende gemeente 'GM0000'" in message
    # The gemeenten file was read and written before the PC4 file failed.
    assert _inwoners("GM0363") == 931_298
    assert Gemeente.objects.get(code="GM0363").naam == "Amsterdam"


def test_bad_division_file_rolls_back_gemeenten_and_keeps_the_old_membership(
    tmp_path,
):
    def raise_amsterdam(rows: list[dict[str, str]]) -> None:
        next(r for r in rows if r["gemeentecode"] == "GM0363")["inwoners_2024"] = "1"

    def corrupt(rows: list[dict[str, str]]) -> None:
        rows[-1]["gemeentecodes"] += ";GM0000"

    _copy(tmp_path, GEMEENTEN, raise_amsterdam)
    _copy(tmp_path, ZORGKANTOOR, corrupt)
    before = set(
        RegioGemeente.objects.filter(indeling__naam=INDELING_ZORGKANTOOR).values_list(
            "regio__code", "gemeente__code"
        )
    )
    with pytest.raises(ImportFout) as info:
        reference_load(_data_dir(tmp_path, PC4))
    assert str(info.value).startswith(f"{ZORGKANTOOR}, rij 32, veld 'gemeentecode'")
    assert "GM0000" in str(info.value)
    assert _inwoners("GM0363") == 931_298
    after = set(
        RegioGemeente.objects.filter(indeling__naam=INDELING_ZORGKANTOOR).values_list(
            "regio__code", "gemeente__code"
        )
    )
    assert after == before


def test_missing_file_is_named(tmp_path):
    with pytest.raises(ImportFout) as info:
        list(read_csv(tmp_path / "weg.csv", ["a"]))
    assert "weg.csv" in str(info.value)
    assert "bestand niet gevonden" in str(info.value)


def test_row_with_more_values_than_columns_is_refused(tmp_path):
    path = tmp_path / "kort.csv"
    path.write_text("a,b\n1,2\n1,2,3\n", encoding="utf-8")
    with pytest.raises(ImportFout) as info:
        list(read_csv(path, ["a", "b"]))
    assert str(info.value) == "kort.csv, rij 3: meer waarden dan kolommen"


# --- divisions from `gemeentecode,regio` -------------------------------------


def _province_rows(
    code_of: Callable[[dict[str, str]], str] | None = None,
) -> list[dict[str, str]]:
    """One `gemeentecode,regio` row per gemeente, region = its province."""
    _, rows = _read(DATA / GEMEENTEN)
    get = code_of or (lambda r: r["gemeentecode"])
    return [{"gemeentecode": get(r), "regio": r["provincienaam"]} for r in rows]


def _division_file(tmp_path: Path, rows: list[dict[str, str]]) -> Path:
    path = tmp_path / "provincie-indeling.csv"
    _write(path, ["gemeentecode", "regio"], rows)
    return path


def _membership(naam: str) -> dict[str, str]:
    return dict(
        RegioGemeente.objects.filter(indeling__naam=naam).values_list(
            "gemeente__code", "regio__code"
        )
    )


def test_complete_division_file_loads_every_gemeente(tmp_path):
    path = _division_file(tmp_path, _province_rows())
    regios, changed = division_csv_load(path, naam="Test provincies")
    assert regios == 12
    assert changed >= 12 + 342  # at least every region and every membership
    indeling = Indeling.objects.get(naam="test-provincies")
    assert indeling.volledig
    assert indeling.titel == "Test provincies"
    assert indeling.bron == path.name
    membership = _membership("test-provincies")
    assert len(membership) == 342
    assert membership["GM0363"] == "noord-holland"
    assert membership["GM0687"] == "zeeland"


def test_loading_the_same_division_file_again_changes_nothing(tmp_path):
    path = _division_file(tmp_path, _province_rows())
    division_csv_load(path, naam="test-provincies")
    assert division_csv_load(path, naam="test-provincies") == (12, 0)


def test_incomplete_division_file_is_refused(tmp_path):
    path = _division_file(tmp_path, _province_rows()[:300])
    with pytest.raises(ImportFout) as info:
        division_csv_load(path, naam="test-onvolledig")
    assert path.name in str(info.value)
    assert "niet volledig: 42 gemeenten ontbreken" in str(info.value)
    assert not Indeling.objects.filter(naam="test-onvolledig").exists()


def test_incomplete_division_loads_when_declared_incomplete(tmp_path):
    path = _division_file(tmp_path, _province_rows()[:300])
    division_csv_load(path, naam="test-onvolledig", volledig=False)
    indeling = Indeling.objects.get(naam="test-onvolledig")
    assert not indeling.volledig
    assert len(_membership("test-onvolledig")) == 300


def test_duplicate_gemeente_row_names_both_rows(tmp_path):
    rows = _province_rows()
    first = _row_number(rows, "gemeentecode", "GM0363")
    rows.append({"gemeentecode": "GM0363", "regio": "Utrecht"})
    path = _division_file(tmp_path, rows)
    with pytest.raises(ImportFout) as info:
        division_csv_load(path, naam="test-dubbel")
    assert str(info.value) == (
        f"{path.name}, rij 344, veld 'gemeentecode': GM0363 staat al op rij {first}"
    )


def test_unknown_gemeentecode_names_the_row(tmp_path):
    rows = _province_rows()
    rows[9]["gemeentecode"] = "GM0000"
    path = _division_file(tmp_path, rows)
    with pytest.raises(ImportFout) as info:
        division_csv_load(path, naam="test-onbekend")
    assert str(info.value) == (
        f"{path.name}, rij 11, veld 'gemeentecode': onbekende gemeentecode 'GM0000'"
    )
    assert not Indeling.objects.filter(naam="test-onbekend").exists()


def test_numeric_gemeentecodes_are_read_as_cbs_codes(tmp_path):
    rows = _province_rows(lambda r: str(int(r["gemeentecode_num"])))
    assert rows[0]["gemeentecode"] == "14"  # Groningen, GM0014
    path = _division_file(tmp_path, rows)
    division_csv_load(path, naam="test-numeriek")
    membership = _membership("test-numeriek")
    assert len(membership) == 342
    assert membership["GM0363"] == "noord-holland"
    assert membership["GM0014"] == "groningen"


def test_reloading_with_a_changed_membership_moves_the_gemeente(tmp_path):
    rows = _province_rows()
    division_csv_load(_division_file(tmp_path, rows), naam="test-provincies")
    next(r for r in rows if r["gemeentecode"] == "GM0363")["regio"] = "Utrecht"
    regios, changed = division_csv_load(
        _division_file(tmp_path, rows), naam="test-provincies"
    )
    assert (regios, changed) == (12, 2)  # one membership removed, one added
    membership = _membership("test-provincies")
    assert membership["GM0363"] == "utrecht"
    assert list(membership.values()).count("utrecht") == 27  # 26 + Amsterdam


def test_region_name_that_contradicts_its_code_is_refused(tmp_path):
    path = tmp_path / "codes.csv"
    path.write_text(
        "gemeentecode,regio,regiocode\nGM0363,Amsterdam,R1\nGM0014,Groningen,R1\n",
        encoding="utf-8",
    )
    with pytest.raises(ImportFout) as info:
        division_csv_load(path, naam="test-codes", volledig=False)
    assert info.value.rij == 3
    assert info.value.veld == "regio"


def test_load_division_command_reports_what_it_loaded(tmp_path, capsys):
    path = _division_file(tmp_path, _province_rows())
    call_command("load_division", "test-commando", str(path), "--titel", "Test")
    assert "12 regio's geladen;" in capsys.readouterr().out
    assert Indeling.objects.get(naam="test-commando").titel == "Test"


def test_load_division_command_raises_command_error_with_the_import_message(
    tmp_path,
):
    path = _division_file(tmp_path, _province_rows()[:10])
    with pytest.raises(CommandError) as info:
        call_command("load_division", "test-commando", str(path))
    assert "niet volledig: 332 gemeenten ontbreken" in str(info.value)
    call_command("load_division", "test-commando", str(path), "--onvolledig")
    assert len(_membership("test-commando")) == 10


# --- CBS StatLine kerncijfers ------------------------------------------------

STATLINE_HEADER = (
    '"ID";"WijkenEnBuurten";"Gemeentenaam_1";"SoortRegio_2";"Codering_3";'
    '"IndelingswijzigingWijkenEnBuurten_4";"AantalInwoners_5";"Mannen_6";'
    '"Vrouwen_7";"k_0Tot15Jaar_8";"k_15Tot25Jaar_9";"k_25Tot45Jaar_10";'
    '"k_45Tot65Jaar_11";"k_65JaarOfOuder_12"'
)


def _statline_row(
    index: int, code: str, naam: str, soort: str, values: list[Any]
) -> str:
    cells = [
        str(index),
        f'"{code:<10}"',
        f'"{naam:<40}"',
        f'"{soort:<10}"',
        f'"{code:<10}"',
        '"1"',
        *(f"{v:>8}" for v in values),
    ]
    return ";".join(cells)


def _statline(tmp_path: Path, *extra: str, name: str = "kwb-2025.csv") -> Path:
    lines = [
        STATLINE_HEADER,
        _statline_row(
            0,
            "NL00",
            "Nederland",
            "Land",
            [18044027, 8966223, 9077804, 2774000, 2200000, 4500000, 4700000, 3800000],
        ),
        # Amsterdam: 940,000 inhabitants; bands 14 %, 13 %, 36 %, 22 %, 15 %.
        _statline_row(
            1,
            "GM0363",
            "Amsterdam",
            "Gemeente",
            [940000, 466000, 474000, 131600, 122200, 338400, 206800, 141000],
        ),
        _statline_row(
            2,
            "WK036300",
            "Burgwallen-Oude Zijde",
            "Wijk",
            [4000, 2100, 1900, 300, 500, 2000, 800, 400],
        ),
        _statline_row(
            3,
            "BU03630000",
            "Kop Zeedijk",
            "Buurt",
            [1000, 500, 500, 100, 100, 500, 200, 100],
        ),
        # Groningen: suppressed cells ("."); 30,000 of 245,000 aged 0-14.
        _statline_row(
            4,
            "GM0014",
            "Groningen",
            "Gemeente",
            [245000, ".", ".", 30000, ".", ".", ".", "."],
        ),
        *extra,
    ]
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_cbs_statline_file_loads_gemeente_rows_only(tmp_path):
    assert cbs_bevolking_load(_statline(tmp_path), peiljaar=2025) == (2, 2)
    assert Bevolking.objects.filter(peiljaar=2025).count() == 2
    amsterdam = Bevolking.objects.get(gemeente__code="GM0363", peiljaar=2025)
    assert amsterdam.inwoners == 940_000
    assert (amsterdam.mannen, amsterdam.vrouwen) == (466_000, 474_000)
    assert [
        amsterdam.pct_0_14,
        amsterdam.pct_15_24,
        amsterdam.pct_25_44,
        amsterdam.pct_45_64,
        amsterdam.pct_65plus,
    ] == [14.0, 13.0, 36.0, 22.0, 15.0]
    assert amsterdam.inw_65plus == 141_000
    assert not amsterdam.leeftijd_geschat
    assert "kwb-2025.csv" in amsterdam.bron
    # The 2024 figure stays; the latest year is what the selectors show.
    assert _inwoners("GM0363", 2024) == 931_298
    assert gemeente_get(code="GM0363").inwoners == 940_000
    assert gemeente_get(code="GM0363").inwoners_peiljaar == 2025


def test_cbs_suppressed_cells_become_none(tmp_path):
    cbs_bevolking_load(_statline(tmp_path), peiljaar=2025)
    groningen = Bevolking.objects.get(gemeente__code="GM0014", peiljaar=2025)
    assert groningen.inwoners == 245_000
    assert groningen.mannen is None
    assert groningen.vrouwen is None
    assert groningen.pct_0_14 == 12.24  # 30,000 / 245,000 = 12.2449 %
    assert groningen.pct_15_24 is None
    assert groningen.pct_65plus is None
    assert groningen.inw_65plus is None


def test_cbs_second_load_changes_nothing(tmp_path):
    path = _statline(tmp_path)
    cbs_bevolking_load(path, peiljaar=2025)
    assert cbs_bevolking_load(path, peiljaar=2025) == (2, 0)


def test_cbs_file_without_the_statline_columns_is_refused():
    with pytest.raises(ImportFout) as info:
        cbs_bevolking_load(DATA / GEMEENTEN, peiljaar=2025)
    assert info.value.bestand == GEMEENTEN
    assert info.value.rij == 1
    assert "AantalInwoners" in str(info.value)
    assert not Bevolking.objects.filter(peiljaar=2025).exists()


def test_cbs_unknown_gemeente_names_row_and_column_and_writes_nothing(tmp_path):
    bad = _statline_row(5, "GM0000", "Nergenshuizen", "Gemeente", [10] * 8)
    path = _statline(tmp_path, bad)
    with pytest.raises(ImportFout) as info:
        cbs_bevolking_load(path, peiljaar=2025)
    assert str(info.value) == (
        "kwb-2025.csv, rij 7, veld 'WijkenEnBuurten': onbekende gemeentecode 'GM0000'"
    )
    assert not Bevolking.objects.filter(peiljaar=2025).exists()


def test_cbs_gemeente_without_inhabitants_is_refused(tmp_path):
    bad = _statline_row(5, "GM0687", "Middelburg (Z.)", "Gemeente", ["."] * 8)
    with pytest.raises(ImportFout) as info:
        cbs_bevolking_load(_statline(tmp_path, bad), peiljaar=2025)
    assert info.value.rij == 7
    assert info.value.veld == "AantalInwoners_5"
    assert "aantal inwoners ontbreekt" in str(info.value)


def test_cbs_non_numeric_cell_is_refused(tmp_path):
    bad = _statline_row(
        5, "GM0687", "Middelburg (Z.)", "Gemeente", [50000, "veel", *[1] * 6]
    )
    with pytest.raises(ImportFout) as info:
        cbs_bevolking_load(_statline(tmp_path, bad), peiljaar=2025)
    assert info.value.rij == 7
    assert info.value.veld == "Mannen_6"


def test_load_cbs_bevolking_command_prints_the_counts(tmp_path, capsys):
    call_command("load_cbs_bevolking", str(_statline(tmp_path)), "--peiljaar", "2025")
    assert "2 gemeenten gelezen; 2 rijen gewijzigd." in capsys.readouterr().out
