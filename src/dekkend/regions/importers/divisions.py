# SPDX-License-Identifier: EUPL-1.2
"""Regional divisions (regio-indelingen) as data.

Two file shapes are accepted:

* the reference shape of `shared/data` (`code,naam,…,gemeentecodes` with the
  codes `;`-separated, plus an optional GeoJSON of the regions), and
* the simple shape a region uses to load an official list such as the
  IZA-regio's: one row per gemeente, `gemeentecode,regio` (optionally
  `regiocode`). It must cover every gemeente unless it is loaded as incomplete.
"""

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils.text import slugify

from dekkend.importing import ImportFout, read_csv, upsert
from dekkend.regions.constants import VERSION_SOURCE
from dekkend.regions.models import Gemeente, Indeling, Regio, RegioGemeente
from dekkend.versions.services import data_changed, one_change


@dataclass(frozen=True)
class DivisionSpec:
    naam: str
    titel: str
    csv: str
    geojson: str | None = None
    bron: str = ""
    peildatum: date | None = None


@dataclass
class RegioSpec:
    code: str
    naam: str
    gemeentecodes: list[str] = field(default_factory=list)
    geometrie: dict[str, Any] | None = None
    rij: int | None = None


@one_change(VERSION_SOURCE)  # one token in all, and none when nothing changed
def division_save(
    *,
    naam: str,
    titel: str,
    regios: Sequence[RegioSpec],
    bestand: str,
    volledig: bool = True,
    bron: str = "",
    peildatum: date | None = None,
    omschrijving: str = "",
) -> tuple[int, int]:
    """Create or replace the division `naam` with exactly `regios`.

    Raises ImportFout when a gemeentecode is unknown, a gemeente is in two
    regions, or a division said to be complete leaves gemeenten out.
    Returns (number of regions, number of changed rows).
    """
    codes = dict(Gemeente.objects.values_list("code", "pk"))
    seen: dict[str, str] = {}  # gemeentecode -> regio code
    names = {spec.code: spec.naam for spec in regios}
    for spec in regios:
        for code in spec.gemeentecodes:
            if code not in codes:
                raise ImportFout(
                    bestand,
                    f"onbekende gemeentecode '{code}'",
                    spec.rij,
                    "gemeentecode",
                )
            if code in seen and seen[code] != spec.code:
                raise ImportFout(
                    bestand,
                    f"gemeente {code} staat zowel in '{names[seen[code]]}' als in '{spec.naam}'",
                    spec.rij,
                    "gemeentecode",
                )
            seen[code] = spec.code
    if volledig and len(seen) != len(codes):
        missing = sorted(set(codes) - set(seen))
        raise ImportFout(
            bestand,
            f"de indeling is niet volledig: {len(missing)} gemeenten ontbreken "
            f"(bijvoorbeeld {', '.join(missing[:5])})",
        )
    indeling, created = Indeling.objects.get_or_create(
        naam=naam, defaults={"titel": titel}
    )
    changed = int(created)
    for attr, value in {
        "titel": titel,
        "volledig": volledig,
        "bron": bron,
        "peildatum": peildatum,
        "omschrijving": omschrijving,
    }.items():
        if getattr(indeling, attr) != value:
            setattr(indeling, attr, value)
            changed += 1
    if changed:  # an unchanged division keeps its version token
        indeling.save()
    c, u = upsert(
        Regio,
        "code",
        [
            {
                "code": s.code,
                "naam": s.naam,
                "geometrie": s.geometrie,
                "indeling_id": indeling.pk,
            }
            for s in regios
        ],
        extra_filter={"indeling": indeling},
    )
    changed += c + u
    stale = Regio.objects.filter(indeling=indeling).exclude(
        code__in=[s.code for s in regios]
    )
    changed += stale.delete()[0]
    regio_pk = dict(Regio.objects.filter(indeling=indeling).values_list("code", "pk"))
    wanted = {(regio_pk[s.code], codes[c]) for s in regios for c in s.gemeentecodes}
    current = set(
        RegioGemeente.objects.filter(indeling=indeling).values_list(
            "regio_id", "gemeente_id"
        )
    )
    for regio_id, gemeente_id in current - wanted:
        RegioGemeente.objects.filter(
            indeling=indeling, regio_id=regio_id, gemeente_id=gemeente_id
        ).delete()
    RegioGemeente.objects.bulk_create(
        [
            RegioGemeente(indeling=indeling, regio_id=r, gemeente_id=g)
            for r, g in wanted - current
        ]
    )
    changed += len(current ^ wanted)
    if changed:  # bulk writes send no signal
        data_changed(VERSION_SOURCE)
    return len(regios), changed


def _geometries(path: Path | None) -> dict[str, dict[str, Any]]:
    if path is None or not path.is_file():
        return {}
    try:
        features = json.loads(path.read_text(encoding="utf-8"))["features"]
    except (ValueError, KeyError) as exc:
        raise ImportFout(
            path.name, f"geen geldige GeoJSON FeatureCollection ({exc})"
        ) from None
    out = {}
    for feature in features:
        props = feature.get("properties") or {}
        key = str(feature.get("id") or props.get("code") or props.get("naam"))
        out[key] = feature["geometry"]
    return out


def division_load(spec: DivisionSpec, data_dir: Path) -> tuple[int, int]:
    """Load a division in the reference shape of `shared/data`."""
    path = data_dir / spec.csv
    geometries = _geometries(data_dir / spec.geojson if spec.geojson else None)
    regios = []
    for row in read_csv(path, ["code", "naam", "gemeentecodes"], unique=["code"]):
        code = row.text("code")
        regios.append(
            RegioSpec(
                code=code,
                naam=row.naam("naam"),
                gemeentecodes=[
                    c.strip() for c in row.text("gemeentecodes").split(";") if c.strip()
                ],
                geometrie=geometries.get(code),
                rij=row.nummer,
            )
        )
    return division_save(
        naam=spec.naam,
        titel=spec.titel,
        regios=regios,
        bestand=path.name,
        bron=spec.bron,
        peildatum=spec.peildatum,
    )


@transaction.atomic
def division_csv_load(
    path: Path,
    *,
    naam: str,
    titel: str | None = None,
    volledig: bool = True,
    bron: str = "",
    peildatum: date | None = None,
) -> tuple[int, int]:
    """Load a `gemeentecode,regio[,regiocode]` CSV as the division `naam`."""
    known = set(Gemeente.objects.values_list("code", flat=True))
    by_regio: dict[str, RegioSpec] = {}
    seen_rows: dict[str, int] = {}
    for row in read_csv(path, ["gemeentecode", "regio"]):
        code = row.text("gemeentecode").upper()
        if code.isdigit():
            code = f"GM{code.zfill(4)}"
        if code not in known:
            raise row.fout("gemeentecode", f"onbekende gemeentecode '{code}'")
        if code in seen_rows:
            raise row.fout("gemeentecode", f"{code} staat al op rij {seen_rows[code]}")
        seen_rows[code] = row.nummer
        regio = row.naam("regio")
        regiocode = row.text("regiocode", required=False) or slugify(regio)
        spec = by_regio.setdefault(
            regiocode, RegioSpec(code=regiocode, naam=regio, rij=row.nummer)
        )
        if spec.naam != regio:
            raise row.fout(
                "regio",
                f"regiocode {regiocode} hoort bij '{spec.naam}', niet '{regio}'",
            )
        spec.gemeentecodes.append(code)
        spec.rij = row.nummer
    if not by_regio:
        raise ImportFout(path.name, "het bestand bevat geen rijen")
    return division_save(
        naam=slugify(naam),
        titel=titel or naam,
        regios=list(by_regio.values()),
        bestand=path.name,
        volledig=volledig,
        bron=bron or path.name,
        peildatum=peildatum,
    )
