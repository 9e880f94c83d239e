# SPDX-License-Identifier: EUPL-1.2
"""SPUK reference data: the national amounts of 004 §4 and distribution keys
per gemeente loaded from CSV (`gemeentecode,aandeel`)."""

from __future__ import annotations

import csv
import io
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction

from dekkend.audit.services import record
from dekkend.importing import ImportFout, decode_text
from dekkend.regions.models import Gemeente
from dekkend.werkagenda.constants import SPUK_BEDRAGEN, SPUK_BRON
from dekkend.werkagenda.models import SpukBedrag, Verdeelsleutel

SOM_TOLERANTIE = Decimal("0.001")


@transaction.atomic
def spuk_bedragen_load() -> int:
    """Put the amounts of 004 §4 in place (idempotent); returns the rows."""
    n = 0
    for regeling, onderdeel, per_jaar in SPUK_BEDRAGEN:
        for jaar, miljoen in per_jaar.items():
            SpukBedrag.objects.update_or_create(
                regeling=regeling,
                onderdeel=str(onderdeel),
                jaar=jaar,
                defaults={"bedrag": Decimal(miljoen) * 1_000_000, "bron": SPUK_BRON},
            )
            n += 1
    return n


@transaction.atomic
def verdeelsleutel_load(
    *, naam: str, data: bytes, bestand: str = "verdeelsleutel.csv", user: Any = None
) -> int:
    """Replace distribution key `naam` with the rows of a UTF-8 CSV with
    columns `gemeentecode,aandeel` (shares as fractions that sum to 1 ±
    0.001). All or nothing.

    Raises:
        ImportFout: naming row and field (unknown gemeente, a share that is
            no number or outside 0–1, a gemeente twice, a wrong sum).
    """
    naam = naam.strip()
    if not naam:
        raise ImportFout(bestand, "geef de verdeelsleutel een naam")
    text = decode_text(bestand, data)
    first = text.splitlines()[0] if text.strip() else ""
    sep = ";" if first.count(";") > first.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=sep)
    columns = [c.strip() for c in reader.fieldnames or []]
    for column in columns:
        if column and columns.count(column) > 1:
            raise ImportFout(bestand, "kolom staat twee keer in de kopregel", 1, column)
    missing = [c for c in ("gemeentecode", "aandeel") if c not in columns]
    if missing:
        raise ImportFout(bestand, f"kolom ontbreekt: {', '.join(missing)}", rij=1)
    gemeenten = {g.code: g for g in Gemeente.objects.only("pk", "code", "naam")}
    rows: dict[str, tuple[Gemeente, Decimal]] = {}
    for nummer, raw in enumerate(reader, start=2):
        if None in raw:
            raise ImportFout(bestand, "meer waarden dan kolommen", rij=nummer)
        values = {k.strip(): (v or "").strip() for k, v in raw.items() if k}
        code = values.get("gemeentecode", "").upper()
        if not code:
            raise ImportFout(bestand, "is leeg", nummer, "gemeentecode")
        if code not in gemeenten:
            raise ImportFout(
                bestand, f"onbekende gemeente {code}", nummer, "gemeentecode"
            )
        if code in rows:
            raise ImportFout(
                bestand, f"{code} staat er twee keer in", nummer, "gemeentecode"
            )
        try:
            aandeel = Decimal(values.get("aandeel", "").replace(",", "."))
        except InvalidOperation:
            raise ImportFout(
                bestand,
                f"'{values.get('aandeel', '')}' is geen getal",
                nummer,
                "aandeel",
            ) from None
        if not Decimal(0) <= aandeel <= Decimal(1):
            raise ImportFout(
                bestand, "een aandeel ligt tussen 0 en 1", nummer, "aandeel"
            )
        rows[code] = (gemeenten[code], aandeel)
    if not rows:
        raise ImportFout(bestand, "het bestand heeft geen rijen")
    som = sum((a for _g, a in rows.values()), Decimal(0))
    if abs(som - 1) > SOM_TOLERANTIE:
        raise ImportFout(
            bestand,
            f"de aandelen tellen op tot {som}, niet tot 1 (± 0,001)",
            veld="aandeel",
        )
    Verdeelsleutel.objects.filter(naam=naam).delete()
    Verdeelsleutel.objects.bulk_create(
        Verdeelsleutel(naam=naam, gemeente=g, aandeel=a.quantize(Decimal("0.00000001")))
        for g, a in rows.values()
    )
    record("verdeelsleutel.loaded", user, None, {"naam": naam, "rijen": len(rows)})
    return len(rows)
