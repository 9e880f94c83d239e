# SPDX-License-Identifier: EUPL-1.2
"""Load the reference data of `shared/data` (see its README for provenance):
gemeenten with population, PC4 areas, and the zorgkantoor, GGD and province
divisions with their boundaries.

Everything runs in one transaction; a second run changes nothing.
"""

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from django.db import transaction

from dekkend.importing import ImportFout, analyze_after_commit, read_csv, upsert
from dekkend.regions.constants import (
    INDELING_GGD,
    INDELING_PROVINCIE,
    INDELING_ZORGKANTOOR,
    VERSION_SOURCE,
)
from dekkend.regions.importers.divisions import DivisionSpec, division_load
from dekkend.regions.models import (
    Bevolking,
    Gemeente,
    Postcodegebied,
    Regio,
    RegioGemeente,
)
from dekkend.versions.services import data_changed, one_change

GEMEENTEN_CSV = "gemeenten_2025.csv"
GEMEENTEN_GEOJSON = "gemeenten_2025.geojson"
PC4_CSV = "pc4_2021.csv"
BRON_GEMEENTEN = "CBS Wijk- en Buurtkaart 2024 / 85984NED (CC BY 4.0, Bron: CBS)"
BRON_PC4 = "CBS 83503NED en 83502NED, 1 januari 2021 (CC BY 4.0, Bron: CBS)"

DIVISIONS = (
    DivisionSpec(
        naam=INDELING_ZORGKANTOOR,
        titel="Zorgkantoorregio's 2025",
        csv="zorgkantoorregios_2025.csv",
        geojson="zorgkantoorregios_2025.geojson",
        bron="CBS Gebiedsindelingen 2025 (zorgkantoorregio)",
        peildatum=date(2025, 1, 1),
    ),
    DivisionSpec(
        naam=INDELING_GGD,
        titel="GGD-regio's 2022",
        csv="ggdregios_2022.csv",
        geojson="ggdregios_2022.geojson",
        bron="CBS Gebiedsindelingen 2022 (GGD-regio)",
        peildatum=date(2022, 1, 1),
    ),
    DivisionSpec(
        naam=INDELING_PROVINCIE,
        titel="Provincies",
        csv="provincies_2025.csv",
        geojson="provincies_2025.geojson",
        bron="CBS Gebiedsindelingen 2022 (provincie; sindsdien ongewijzigd)",
        peildatum=date(2025, 1, 1),
    ),
)

MISSING_DATA_HELP = (
    "Geen referentiedata gevonden in {path}. Geef de map op met --data-dir of "
    "DEKKEND_DATA_DIR. De map moet {files} bevatten (zie docs/referentiedata.md); "
    "de cijfers komen van CBS open data: StatLine-tabel 85984NED (Kerncijfers wijken "
    "en buurten) en CBS Gebiedsindelingen via https://www.cbs.nl/ en https://www.pdok.nl/."
)


@dataclass
class ReferenceReport:
    gemeenten: int = 0
    inwoners: int = 0
    postcodegebieden: int = 0
    indelingen: dict[str, int] = field(default_factory=dict)
    changed: int = 0


def check_data_dir(data_dir: Path) -> None:
    required = [GEMEENTEN_CSV, PC4_CSV]
    if not all((data_dir / name).is_file() for name in required):
        raise ImportFout(
            str(data_dir),
            MISSING_DATA_HELP.format(path=data_dir, files=", ".join(required)),
        )


def _gemeente_rows(path: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    gemeenten, bevolking = [], []
    for row in read_csv(
        path, ["gemeentecode", "gemeentenaam", "inwoners_2024"], unique=["gemeentecode"]
    ):
        code = row.text("gemeentecode")
        if len(code) != 6 or not code.startswith("GM") or not code[2:].isdigit():
            raise row.fout(
                "gemeentecode", f"'{code}' is geen CBS-gemeentecode (GMnnnn)"
            )
        gemeenten.append(
            {
                "code": code,
                "naam": row.naam("gemeentenaam", max_length=100),
                "opp_land_km2": row.number("opp_land_km2", required=False),
                "opp_totaal_km2": row.number("opp_totaal_km2", required=False),
                "omgevingsadressendichtheid": row.integer(
                    "omgevingsadressendichtheid_2024", required=False
                ),
                "stedelijkheid": row.integer("stedelijkheid_2024", required=False),
                "centroid_lat": row.number("centroid_lat", required=False),
                "centroid_lon": row.number("centroid_lon", required=False),
                "popw_lat": row.number("popw_lat", required=False),
                "popw_lon": row.number("popw_lon", required=False),
                "bron": BRON_GEMEENTEN,
            }
        )
        bevolking.append(
            {
                "code": code,
                "peiljaar": 2024,
                "inwoners": row.integer("inwoners_2024"),
                "mannen": row.integer("mannen_2024", required=False),
                "vrouwen": row.integer("vrouwen_2024", required=False),
                "huishoudens": row.integer("huishoudens_2024", required=False),
                "pct_0_14": row.number("pct_0_14_2024", required=False),
                "pct_15_24": row.number("pct_15_24_2024", required=False),
                "pct_25_44": row.number("pct_25_44_2024", required=False),
                "pct_45_64": row.number("pct_45_64_2024", required=False),
                "pct_65plus": row.number("pct_65plus_2024", required=False),
                "inw_0_17": row.integer("est_inw_0_17_2024", required=False),
                "inw_18_64": row.integer("est_inw_18_64_2024", required=False),
                "inw_65plus": row.integer("est_inw_65plus_2024", required=False),
                "leeftijd_geschat": True,
                "bron": BRON_GEMEENTEN,
            }
        )
    return gemeenten, bevolking


def _load_geometry(path: Path, by_code: dict[str, Gemeente]) -> int:
    if not path.is_file():
        return 0
    try:
        features = json.loads(path.read_text(encoding="utf-8"))["features"]
    except (ValueError, KeyError) as exc:
        raise ImportFout(
            path.name, f"geen geldige GeoJSON FeatureCollection ({exc})"
        ) from None
    changed = []
    for index, feature in enumerate(features, start=1):
        code = feature.get("id") or feature.get("properties", {}).get("gemeentecode")
        gemeente = by_code.get(code)
        if gemeente is None:
            raise ImportFout(
                path.name, f"onbekende gemeentecode '{code}'", rij=index, veld="id"
            )
        if gemeente.geometrie != feature["geometry"]:
            gemeente.geometrie = feature["geometry"]
            changed.append(gemeente)
    Gemeente.objects.bulk_update(changed, ["geometrie"], batch_size=100)
    return len(changed)


def gemeenten_load(data_dir: Path) -> tuple[int, int]:
    gemeenten, bevolking = _gemeente_rows(data_dir / GEMEENTEN_CSV)
    created, updated = upsert(Gemeente, "code", gemeenten)
    by_code = {g.code: g for g in Gemeente.objects.all()}
    updated += _load_geometry(data_dir / GEMEENTEN_GEOJSON, by_code)
    for year in {b["peiljaar"] for b in bevolking}:
        rows = []
        for b in bevolking:
            if b["peiljaar"] == year:
                values = {k: v for k, v in b.items() if k != "code"}
                values["gemeente_id"] = by_code[b["code"]].pk
                rows.append(values)
        c, u = upsert(Bevolking, "gemeente_id", rows, extra_filter={"peiljaar": year})
        created, updated = created + c, updated + u
    return len(gemeenten), created + updated


def postcodegebieden_load(data_dir: Path) -> tuple[int, int]:
    by_code = {g.code: g.pk for g in Gemeente.objects.all()}
    rows = []
    for row in read_csv(
        data_dir / PC4_CSV,
        ["pc4", "gemeentecode_2025", "centroid_lat", "centroid_lon"],
        unique=["pc4"],
    ):
        pc4 = row.text("pc4").zfill(4)
        if len(pc4) != 4 or not pc4.isdigit():
            raise row.fout("pc4", f"'{pc4}' is geen postcode van 4 cijfers")
        code = row.text("gemeentecode_2025")
        if code not in by_code:
            raise row.fout("gemeentecode_2025", f"onbekende gemeente '{code}'")
        rows.append(
            {
                "pc4": pc4,
                "gemeente_id": by_code[code],
                "plaats": row.text("plaats", required=False),
                "inwoners": row.integer("inwoners_2021", required=False),
                "peiljaar": 2021,
                "inw_0_14": row.integer("inw_0_14_2021", required=False),
                "inw_15_19": row.integer("inw_15_19_2021", required=False),
                "inw_20_64": row.integer("inw_20_64_2021", required=False),
                "inw_65plus": row.integer("inw_65plus_2021", required=False),
                "lat": row.number("centroid_lat"),
                "lon": row.number("centroid_lon"),
                "oppervlakte_km2": row.number("oppervlakte_km2", required=False),
            }
        )
    created, updated = upsert(Postcodegebied, "pc4", rows)
    return len(rows), created + updated


@transaction.atomic
@one_change(VERSION_SOURCE)  # one token in all, and none when nothing changed
def reference_load(data_dir: Path) -> ReferenceReport:
    """Load everything under `data_dir`; raise ImportFout on the first bad row."""
    check_data_dir(data_dir)
    report = ReferenceReport()
    report.gemeenten, changed = gemeenten_load(data_dir)
    report.changed += changed
    report.postcodegebieden, changed = postcodegebieden_load(data_dir)
    report.changed += changed
    for spec in DIVISIONS:
        if (data_dir / spec.csv).is_file():
            regios, changed = division_load(spec, data_dir)
            report.indelingen[spec.naam] = regios
            report.changed += changed
    if report.changed:  # bulk writes send no signal
        data_changed(VERSION_SOURCE)
    analyze_after_commit(Gemeente, Bevolking, Postcodegebied, Regio, RegioGemeente)
    report.inwoners = sum(
        Bevolking.objects.filter(peiljaar=2024).values_list("inwoners", flat=True)
    )
    return report
