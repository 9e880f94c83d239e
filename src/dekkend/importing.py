# SPDX-License-Identifier: EUPL-1.2
"""Shared plumbing for every file import: row-numbered reading, typed field
parsing with errors that name file, row and field, and an idempotent upsert.

The importers themselves live in the apps (`regions/importers/`,
`register/importers/`); each runs inside one transaction, so a bad row leaves
nothing half-written.
"""

import csv
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import connection, models, transaction


@dataclass
class ImportFout(Exception):
    """A problem in an input file, located as precisely as we can."""

    bestand: str
    melding: str
    rij: int | None = None
    veld: str | None = None

    def __str__(self) -> str:
        where = [self.bestand]
        if self.rij is not None:
            where.append(f"rij {self.rij}")
        if self.veld:
            where.append(f"veld '{self.veld}'")
        return f"{', '.join(where)}: {self.melding}"


@dataclass(frozen=True)
class Row:
    """One data row with its 1-based line number (the header is row 1)."""

    bestand: str
    nummer: int
    values: dict[str, str]

    def fout(self, veld: str | None, melding: str) -> ImportFout:
        return ImportFout(self.bestand, melding, self.nummer, veld)

    def text(self, veld: str, *, required: bool = True) -> str:
        value = (self.values.get(veld) or "").strip()
        if required and not value:
            raise self.fout(veld, "is leeg")
        return value

    def integer(self, veld: str, *, required: bool = True) -> int | None:
        value = self.text(veld, required=required)
        if not value:
            return None
        try:
            number = float(value) if "." in value else int(value)
        except ValueError:
            raise self.fout(veld, f"'{value}' is geen geheel getal") from None
        if number != int(number):
            raise self.fout(veld, f"'{value}' is geen geheel getal")
        return int(number)

    def number(self, veld: str, *, required: bool = True) -> float | None:
        value = self.text(veld, required=required)
        if not value:
            return None
        try:
            return float(value.replace(",", "."))
        except ValueError:
            raise self.fout(veld, f"'{value}' is geen getal") from None


def read_csv(
    path: Path, required_columns: Sequence[str], *, delimiter: str | None = None
) -> Iterator[Row]:
    """Yield rows of a UTF-8 CSV after checking that the columns exist.

    The delimiter is sniffed between `,` and `;` (CBS downloads use `;`).
    """
    name = path.name
    if not path.is_file():
        raise ImportFout(name, f"bestand niet gevonden: {path}")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        first = handle.readline()
        handle.seek(0)
        sep = delimiter or (";" if first.count(";") > first.count(",") else ",")
        reader = csv.DictReader(handle, delimiter=sep)
        columns = [c.strip() for c in reader.fieldnames or []]
        missing = [c for c in required_columns if c not in columns]
        if missing:
            raise ImportFout(name, f"kolom ontbreekt: {', '.join(missing)}", rij=1)
        for number, raw in enumerate(reader, start=2):
            if None in raw:
                raise ImportFout(name, "meer waarden dan kolommen", rij=number)
            yield Row(name, number, {k.strip(): (v or "") for k, v in raw.items() if k})


def upsert(
    model: type[models.Model],
    key: str,
    rows: Iterable[dict[str, Any]],
    *,
    extra_filter: dict[str, Any] | None = None,
) -> tuple[int, int]:
    """Insert or update `rows` (dicts of field values) matched on `key`.

    Unchanged rows are not written, so running an import twice changes nothing.
    Returns (created, updated).
    """
    rows = list(rows)
    queryset = model._default_manager.filter(**(extra_filter or {}))
    existing = {getattr(obj, key): obj for obj in queryset}
    to_create, to_update, fields = [], [], set()
    for values in rows:
        obj = existing.get(values[key])
        if obj is None:
            to_create.append(model(**values))
            continue
        changed = [f for f, v in values.items() if getattr(obj, f) != v]
        if changed:
            for f in changed:
                setattr(obj, f, values[f])
            fields.update(changed)
            to_update.append(obj)
    model._default_manager.bulk_create(to_create, batch_size=500)
    if to_update:
        model._default_manager.bulk_update(to_update, sorted(fields), batch_size=500)
    return len(to_create), len(to_update)


def analyze_after_commit(*tables: type[models.Model]) -> None:
    """Refresh PostgreSQL's planner statistics once a bulk import commits.

    Without statistics (autovacuum off or not yet run) the planner assumes
    tiny tables and the nearest-point search slows down a hundredfold.
    """
    if connection.vendor != "postgresql":
        return

    def analyze() -> None:
        with connection.cursor() as cursor:
            for model in tables:
                cursor.execute(f'ANALYZE "{model._meta.db_table}"')  # noqa: S608

    transaction.on_commit(analyze)
