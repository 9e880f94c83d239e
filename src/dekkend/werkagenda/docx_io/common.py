# SPDX-License-Identifier: EUPL-1.2
"""What the exporter writes and the importer reads back: table keys, the
printed forms of numbers, dates and quarters, and the fixed texts."""

from __future__ import annotations

import math
import re
from datetime import date

from django.utils.translation import gettext as _

# Table keys (`documents.model.Table.key`): "<onderdeel>.<suffix>", and "rpi".
SLEUTEL_RPI = "rpi"
SUFFIX_ISTSOLLGAP = "istsollgap"
SUFFIX_DOELEN = "doelen"
SUFFIX_MIJLPALEN = "mijlpalen"
SUFFIX_PARTIJEN = "partijen"

MAANDEN = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def tabel_sleutel(onderdeel: str, suffix: str) -> str:
    return f"{onderdeel}.{suffix}"


def leeg_tekst() -> str:
    """What an empty answer prints as (greyed)."""
    return _("Nog niet ingevuld")


def doelen_kop() -> str:
    return _("Projectdoelstellingen (SMART)")


def doelen_verwijzing() -> str:
    """The line in the Projectdoelstellingen row that refers to the table."""
    return _("Zie de tabel Projectdoelstellingen (SMART) hieronder.")


def doelen_kolommen(met_realisatie: bool) -> tuple[str, ...]:
    kolommen = (
        _("Doelstelling"),
        _("Maatstaf"),
        _("Streefwaarde"),
        _("Uiterlijk"),
        _("Verantwoordelijke"),
        _("Ingroeipad"),
    )
    return (*kolommen, _("Realisatie")) if met_realisatie else kolommen


def mijlpalen_status_kolom() -> str:
    return _("Status")


def datum_nl(d: date) -> str:
    """20 april 2026."""
    return f"{d.day} {MAANDEN[d.month - 1]} {d.year}"


def datum_kort(d: date) -> str:
    """31-12-2027, as a goal's "uiterlijk" prints."""
    return f"{d.day:02d}-{d.month:02d}-{d.year:04d}"


def versie_datum(versie: str) -> date | None:
    try:
        return date.fromisoformat(versie)
    except ValueError:
        return None


def getal(waarde: float) -> str:
    """A value printed so that `getal_lezen` gives back the same float:
    whole numbers without decimals, others with a decimal comma."""
    if math.isfinite(waarde) and waarde.is_integer() and abs(waarde) < 1e15:
        return str(int(waarde))
    return repr(waarde).replace(".", ",")


_GETAL = re.compile(
    r"^\s*([-+−]?(?:\d[\d.,]*)(?:[eE][-+]?\d+)?)\s*(.*?)\s*$", re.DOTALL
)
_DUIZENDTALLEN = re.compile(r"^\d{1,3}(?:\.\d{3})+$")


def _float(tekst: str) -> float | None:
    tekst = tekst.replace("−", "-")
    if "," in tekst and "." in tekst:
        # Dutch: 1.234,5
        tekst = tekst.replace(".", "").replace(",", ".")
    elif "," in tekst:
        tekst = tekst.replace(",", ".")
    elif _DUIZENDTALLEN.match(tekst.lstrip("+-")):
        tekst = tekst.replace(".", "")
    try:
        waarde = float(tekst)
    except ValueError:
        return None
    return waarde if math.isfinite(waarde) else None


def getal_lezen(tekst: str) -> float | None:
    match = _GETAL.match(tekst)
    return _float(match.group(1)) if match else None


def waarde_met_eenheid_lezen(tekst: str) -> tuple[float | None, str] | None:
    """ "13 gemeenten" → (13.0, "gemeenten"); "— fte" → (None, "fte");
    None when there is no number at all."""
    tekst = tekst.strip()
    if tekst.startswith("—"):
        return None, tekst[1:].strip()
    for prefix in ("≥", ">=", "ten minste", "minimaal"):
        if tekst.lower().startswith(prefix):
            tekst = tekst[len(prefix) :].strip()
    match = _GETAL.match(tekst)
    if not match:
        return None
    waarde = _float(match.group(1))
    if waarde is None:
        return None
    return waarde, match.group(2)


# Quarters: the canonical form is "2027-K1".
_KWARTAAL_VORMEN = (
    re.compile(r"^(?P<jaar>\d{4})\s*[-/ ]?\s*[KQ](?P<k>[1-4])$", re.IGNORECASE),
    re.compile(r"^[KQ](?P<k>[1-4])\s*[-/ ]?\s*(?P<jaar>\d{4})$", re.IGNORECASE),
    re.compile(r"^(?P<k>[1-4])e\s+kwartaal\s+(?P<jaar>\d{4})$", re.IGNORECASE),
    re.compile(r"^kwartaal\s+(?P<k>[1-4])\s+(?P<jaar>\d{4})$", re.IGNORECASE),
)


def kwartaal_lezen(tekst: str) -> str | None:
    """ "Q1 2027", "2027 Q1", "K1 2027", "2027-K1", "1e kwartaal 2027"
    → "2027-K1"; None when it is not a quarter."""
    tekst = " ".join(tekst.split())
    for vorm in _KWARTAAL_VORMEN:
        match = vorm.match(tekst)
        if match:
            return f"{match.group('jaar')}-K{match.group('k')}"
    return None


_DATUM_NUMERIEK = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_DATUM_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DATUM_TEKST = re.compile(r"^(\d{1,2})\s+([a-z]+)\s+(\d{4})$")


def datum_lezen(tekst: str) -> date | None:
    """ "31-12-2027", "2027-12-31", "31 december 2027"; None otherwise."""
    tekst = " ".join(tekst.split()).lower()
    try:
        if match := _DATUM_NUMERIEK.match(tekst):
            return date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        if match := _DATUM_ISO.match(tekst):
            return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        if (match := _DATUM_TEKST.match(tekst)) and match.group(2) in MAANDEN:
            return date(
                int(match.group(3)),
                MAANDEN.index(match.group(2)) + 1,
                int(match.group(1)),
            )
    except ValueError:
        return None
    return None


def ingroeipad_tekst(pad: tuple[tuple[int, float], ...]) -> str:
    return "; ".join(f"{jaar}: {getal(waarde)}" for jaar, waarde in pad)


_PAD_STAP = re.compile(r"^\s*(\d{4})\s*[:=]\s*(.+?)\s*$")


def ingroeipad_lezen(tekst: str) -> tuple[tuple[int, float], ...] | None:
    """ "2027: 5; 2028: 8" → ((2027, 5.0), (2028, 8.0)); None if unreadable."""
    stappen: list[tuple[int, float]] = []
    for deel in re.split(r"[;\n]", tekst):
        if not deel.strip():
            continue
        match = _PAD_STAP.match(deel)
        if not match:
            return None
        waarde = getal_lezen(match.group(2))
        if waarde is None:
            return None
        stappen.append((int(match.group(1)), waarde))
    return tuple(stappen)
