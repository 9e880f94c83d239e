# SPDX-License-Identifier: EUPL-1.2
"""Shared plumbing for every file import: row-numbered reading, typed field
parsing with errors that name file, row and field, and an idempotent upsert.

The importers themselves live in the apps (`regions/importers/`,
`register/importers/`); each runs inside one transaction, so a bad row leaves
nothing half-written.
"""

import codecs
import csv
import io
import re
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

    def naam(self, veld: str, *, max_length: int = 200) -> str:
        """A required name: plain text, no formula or markup, not too long."""
        value = self.text(veld)
        problem = plain_text_problem(value)
        if problem:
            raise self.fout(veld, problem)
        if len(value) > max_length:
            raise self.fout(veld, f"langer dan {max_length} tekens")
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


# Larger than any reference file (the PC4 list is about 0.5 MB); a bigger file
# is a mistake (a wrong export, a whole StatLine table) rather than data.
MAX_BESTAND_BYTES = 50 * 1024 * 1024
# Longest cell we read; csv's own limit (128 KiB) would otherwise raise a bare
# csv.Error. No field of ours comes near it.
MAX_CEL_TEKENS = 10_000
# A cell that a spreadsheet would run as a formula, and markup: names are plain
# text, so these are refused where names are read (`Row.naam`).
_FORMULE_TEKENS = ("=", "+", "-", "@", "\t", "\r")
_MARKUP = re.compile(r"<\s*[a-zA-Z/!?]|&#?[a-zA-Z0-9]+;")


def formula_like(value: str) -> bool:
    """True when a spreadsheet would read `value` as a formula (OWASP CSV
    injection: a leading `=`, `+`, `-`, `@`, tab or carriage return)."""
    return value.startswith(_FORMULE_TEKENS)


def plain_text_problem(value: str) -> str | None:
    """Why `value` is not plain text for a name, or None when it is."""
    if formula_like(value):
        return f"'{value[:40]}' begint met '{value[:1]}' en lijkt een formule"
    if _MARKUP.search(value):
        return f"'{value[:40]}' bevat opmaak (HTML); alleen platte tekst"
    if any(ord(c) < 32 for c in value):
        return "bevat stuurtekens"
    return None


def _too_large(size: int) -> str:
    mib = 1024 * 1024
    return (
        f"het bestand is te groot ({size / mib:.1f} MB; "
        f"maximaal {MAX_BESTAND_BYTES // mib} MB)"
    )


def decode_text(bestand: str, data: bytes) -> str:
    """`data` as UTF-8 text (an optional BOM is dropped).

    Raises ImportFout for an empty or oversize file, UTF-16 (recognised by its
    BOM or its zero bytes) and any other encoding, naming the row of the first
    byte that is not UTF-8.
    """
    if len(data) > MAX_BESTAND_BYTES:
        raise ImportFout(bestand, _too_large(len(data)))
    if not data.strip():
        raise ImportFout(bestand, "het bestand is leeg")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or (
        b"\x00" in data[:200]
    ):
        raise ImportFout(
            bestand,
            "het bestand is UTF-16-tekst; sla het op als CSV (UTF-8)",
            rij=1,
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        rij = data[: exc.start].count(b"\n") + 1
        raise ImportFout(
            bestand,
            f"het bestand is geen UTF-8-tekst (byte 0x{data[exc.start]:02x}; "
            "misschien Latin-1/Windows-1252): sla het op als CSV (UTF-8)",
            rij=rij,
        ) from None


def read_csv(
    path: Path,
    required_columns: Sequence[str],
    *,
    delimiter: str | None = None,
    unique: Sequence[str] = (),
) -> Iterator[Row]:
    """Yield rows of a UTF-8 CSV after checking that the columns exist.

    The delimiter is sniffed between `,` and `;` (CBS downloads use `;`).
    Refused with an ImportFout naming row and field: an empty, oversize or
    non-UTF-8 file, a column named twice, a header without data rows, a row
    with more values than columns, and a repeated value in a `unique` column.
    """
    name = path.name
    if not path.is_file():
        raise ImportFout(name, f"bestand niet gevonden: {path}")
    if path.stat().st_size > MAX_BESTAND_BYTES:
        raise ImportFout(name, _too_large(path.stat().st_size))
    text = decode_text(name, path.read_bytes())
    yield from read_csv_text(
        name, text, required_columns, delimiter=delimiter, unique=unique
    )


def read_csv_text(
    name: str,
    text: str,
    required_columns: Sequence[str],
    *,
    delimiter: str | None = None,
    unique: Sequence[str] = (),
) -> Iterator[Row]:
    """`read_csv` for text already decoded (e.g. an uploaded file)."""
    first = text.split("\n", 1)[0]
    sep = delimiter or (";" if first.count(";") > first.count(",") else ",")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    try:
        header = [c.strip() for c in next(reader, [])]
    except csv.Error as exc:
        raise ImportFout(name, f"kopregel onleesbaar ({exc})", rij=1) from None
    if not any(header):
        raise ImportFout(name, "het bestand is leeg", rij=1)
    seen: set[str] = set()
    for column in header:
        if column and column in seen:
            raise ImportFout(name, "kolom staat twee keer in de kopregel", 1, column)
        seen.add(column)
    missing = [c for c in required_columns if c not in header]
    if missing:
        hint = ""
        if len(header) == 1 and any(d in header[0] for d in ",;\t|"):
            hint = " (ander scheidingsteken? gebruik , of ;)"
        raise ImportFout(name, f"kolom ontbreekt: {', '.join(missing)}{hint}", rij=1)
    first_row: dict[str, dict[str, int]] = {column: {} for column in unique}
    rows = 0
    number = 1
    while True:
        try:
            cells = next(reader, None)
        except csv.Error as exc:
            raise ImportFout(name, f"rij onleesbaar ({exc})", rij=number + 1) from None
        if cells is None:
            break
        number = reader.line_num
        if not any(c.strip() for c in cells):
            continue
        if len(cells) > len(header):
            raise ImportFout(name, "meer waarden dan kolommen", rij=number)
        values = {k: v for k, v in zip(header, cells, strict=False) if k}
        for column, value in values.items():
            if len(value) > MAX_CEL_TEKENS:
                raise ImportFout(
                    name, f"waarde langer dan {MAX_CEL_TEKENS} tekens", number, column
                )
        for column in unique:
            key = values.get(column, "").strip().upper()
            if key and key in first_row[column]:
                raise ImportFout(
                    name,
                    f"'{values[column].strip()}' staat al op rij "
                    f"{first_row[column][key]}",
                    number,
                    column,
                )
            first_row[column][key] = number
        rows += 1
        yield Row(name, number, values)
    if rows == 0:
        raise ImportFout(name, "het bestand bevat geen gegevensrijen", rij=2)


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
