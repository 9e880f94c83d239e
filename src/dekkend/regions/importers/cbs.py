# SPDX-License-Identifier: EUPL-1.2
"""Population from the official CBS open-data download of the *Kerncijfers
wijken en buurten* tables (StatLine 85984NED for 2024, 86165NED for 2025, …).

The StatLine CSV ("Onbewerkte dataset") is `;`-separated, pads codes with
spaces and numbers its columns (`AantalInwoners_5`, `k_0Tot15Jaar_8`); we
match columns on their name before the last underscore so the same code reads
every year's table. Only rows of SoortRegio "Gemeente" are used. Age bands are
counts in these tables; we store them as percentages like the reference file.
"""

import re
from pathlib import Path
from typing import Any

from django.db import transaction

from dekkend.importing import ImportFout, Row, decode_text, read_csv_text, upsert
from dekkend.regions.models import Bevolking, Gemeente

_BASE = re.compile(r"_\d+$")
AGE_COLUMNS = {
    "pct_0_14": "k_0Tot15Jaar",
    "pct_15_24": "k_15Tot25Jaar",
    "pct_25_44": "k_25Tot45Jaar",
    "pct_45_64": "k_45Tot65Jaar",
    "pct_65plus": "k_65JaarOfOuder",
}


def _columns(text: str) -> dict[str, str]:
    header = text.split("\n", 1)[0].strip()
    names = [c.strip().strip('"') for c in header.split(";")]
    return {_BASE.sub("", name): name for name in names}


def _count(row: Row, column: str | None) -> int | None:
    if column is None:
        return None
    value = row.values.get(column, "").strip().strip('"')
    if value in {"", "."}:  # CBS marks a suppressed or unknown cell with "."
        return None
    try:
        return int(float(value))
    except ValueError:
        raise row.fout(column, f"'{value}' is geen getal") from None


@transaction.atomic
def cbs_bevolking_load(path: Path, *, peiljaar: int) -> tuple[int, int]:
    """Load inhabitants (and age bands) on 1 January `peiljaar` per gemeente.

    Returns (gemeenten read, rows changed). Unknown gemeentecodes raise an
    ImportFout naming the row: load the matching municipal division first.
    """
    if not path.is_file():
        raise ImportFout(path.name, f"bestand niet gevonden: {path}")
    text = decode_text(path.name, path.read_bytes())
    cols = _columns(text)
    code_col = cols.get("WijkenEnBuurten") or cols.get("RegioS")
    inw_col = cols.get("AantalInwoners")
    if not code_col or not inw_col:
        raise ImportFout(
            path.name,
            "geen CBS-kerncijferbestand: kolommen WijkenEnBuurten/RegioS en "
            "AantalInwoners ontbreken",
            rij=1,
        )
    soort_col = cols.get("SoortRegio")
    gemeenten = dict(Gemeente.objects.values_list("code", "pk"))
    rows = []
    for row in read_csv_text(
        path.name, text, [code_col, inw_col], delimiter=";", unique=[code_col]
    ):
        code = row.values[code_col].strip().strip('"')
        soort = row.values.get(soort_col, "").strip().strip('"') if soort_col else ""
        if not code.startswith("GM") or (soort and soort.lower() != "gemeente"):
            continue
        if code not in gemeenten:
            raise row.fout(code_col, f"onbekende gemeentecode '{code}'")
        inwoners = _count(row, inw_col)
        if inwoners is None:
            raise row.fout(inw_col, "aantal inwoners ontbreekt")
        values: dict[str, Any] = {
            "gemeente_id": gemeenten[code],
            "peiljaar": peiljaar,
            "inwoners": inwoners,
            "mannen": _count(row, cols.get("Mannen")),
            "vrouwen": _count(row, cols.get("Vrouwen")),
            "huishoudens": _count(row, cols.get("HuishoudensTotaal")),
            "leeftijd_geschat": False,
            "bron": f"CBS Kerncijfers wijken en buurten ({path.name})",
        }
        for field, base in AGE_COLUMNS.items():
            count = _count(row, cols.get(base))
            values[field] = (
                round(100 * count / inwoners, 2)
                if count is not None and inwoners
                else None
            )
        count_65 = _count(row, cols.get("k_65JaarOfOuder"))
        values["inw_65plus"] = count_65
        rows.append(values)
    if not rows:
        raise ImportFout(path.name, "geen gemeenterijen gevonden")
    created, updated = upsert(
        Bevolking, "gemeente_id", rows, extra_filter={"peiljaar": peiljaar}
    )
    return len(rows), created + updated
