# SPDX-License-Identifier: EUPL-1.2
"""The national werkagenda format, loaded from versioned JSON files.

Each file in `data/` (`format-<versie>.json`) is one published version of the
format of VWS, VNG and ZN: its sections (onderdelen) in format order, their
headings and questions verbatim, the status of each aanpak in the AZWA and the
fixed texts of its tables. A new national format is a new file; a werkagenda
records the version it follows. Plain Python: no Django.

Keys are stable across versions: onderdelen `rpi`, `2`, `2a`, ... and fields
`urgentie`, `situatie`, ...; a field is addressed as `"2a.situatie"`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any, Literal

Soort = Literal["rpi", "leefgebied", "aanpak"]
Groep = Literal["", "IST", "SOLL", "GAP"]
StatusAzwa = Literal[
    "", "basisfunctionaliteit", "ontwikkelagenda_lopend", "ontwikkelagenda_nieuw"
]

SOORTEN: tuple[str, ...] = ("rpi", "leefgebied", "aanpak")
GROEPEN: tuple[str, ...] = ("", "IST", "SOLL", "GAP")
STATUSSEN_AZWA: tuple[str, ...] = (
    "",
    "basisfunctionaliteit",
    "ontwikkelagenda_lopend",
    "ontwikkelagenda_nieuw",
)
# The keys of coverage.constants.BASISFUNCTIONALITEITEN (kept literal here so
# that this module stays free of Django; a test checks they agree).
BASISFUNCTIONALITEIT_SLEUTELS: tuple[str, ...] = (
    "lsp",
    "sociaal_verwijzen",
    "valpreventie",
    "overgewicht_kinderen",
    "nu_niet_zwanger",
    "mgn",
)
# Texts every format file must define (table headers, group labels, ...).
VERPLICHTE_TEKSTEN: tuple[str, ...] = (
    "inhoudsopgave",
    "rpi_kolom_onderdelen",
    "kolom_uitwerking",
    "kolom_istsollgap",
    "kolom_onderdelen",
    "groep_IST",
    "groep_SOLL",
    "groep_GAP",
    "optioneel_veld",
    "optioneel_onderdeel",
    "financierders",
    "uitvoeringspartijen",
    "mijlpalen",
    "mijlpalen_kwartaal",
    "mijlpalen_activiteiten",
    "mijlpalen_verantwoordelijke",
    "mijlpalen_deelresultaat",
    "status_basisfunctionaliteit",
    "status_ontwikkelagenda_lopend",
    "status_ontwikkelagenda_nieuw",
)

_DATA_PACKAGE = "dekkend.werkagenda.format.data"
_PREFIX = "format-"
_SUFFIX = ".json"


class OnbekendFormat(LookupError):
    """No format definition with that version (or its file is invalid)."""


@dataclass(frozen=True)
class VeldDefinitie:
    """One question of the format: `label` ("Urgentie") and `vraag` (the
    question text, verbatim). `groep` is "IST", "SOLL" or "GAP" inside an
    aanpak and "" elsewhere; `optioneel` marks "(optioneel)" fields."""

    sleutel: str
    groep: Groep
    label: str
    vraag: str
    optioneel: bool = False


@dataclass(frozen=True)
class OnderdeelDefinitie:
    """A section of the format: the RPI, a leefgebied or an aanpak.

    `kop` is the heading as the format prints it ("2a. Laagdrempelige
    steunpunten", with "(optioneel onderdeel werkagenda)" where the format
    says so) and `inhoudsopgave` its line in the table of contents."""

    sleutel: str
    nummer: str
    titel: str
    soort: Soort
    ouder: str | None
    status_azwa: StatusAzwa
    optioneel: bool
    basisfunctionaliteit: str
    velden: tuple[VeldDefinitie, ...]
    heeft_partijen: bool
    heeft_mijlpalen: bool
    kop: str = ""
    inhoudsopgave: str = ""

    def veld(self, sleutel: str) -> VeldDefinitie:
        for veld in self.velden:
            if veld.sleutel == sleutel:
                return veld
        raise KeyError(f"{self.sleutel}.{sleutel}")

    @property
    def veld_sleutels(self) -> tuple[str, ...]:
        return tuple(veld.sleutel for veld in self.velden)


@dataclass(frozen=True)
class FormatDefinitie:
    versie: str
    titel: str
    bron: str
    onderdelen: tuple[OnderdeelDefinitie, ...]
    teksten: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    def onderdeel(self, sleutel: str) -> OnderdeelDefinitie:
        for onderdeel in self.onderdelen:
            if onderdeel.sleutel == sleutel:
                return onderdeel
        raise KeyError(sleutel)

    def veld(self, adres: str) -> VeldDefinitie:
        """The field at `"2a.situatie"` (the onderdeel key may hold a dot
        itself: `"3a.1.urgentie"`)."""
        onderdeel, _, veld = adres.rpartition(".")
        return self.onderdeel(onderdeel).veld(veld)

    def kinderen(self, sleutel: str) -> tuple[OnderdeelDefinitie, ...]:
        return tuple(o for o in self.onderdelen if o.ouder == sleutel)

    def tekst(self, naam: str) -> str:
        return self.teksten[naam]

    def status_label(self, status_azwa: str) -> str:
        """ "Basisfunctionaliteit", "Aanpak ontwikkelagenda 1 - lopend", ..."""
        return self.teksten[f"status_{status_azwa}"] if status_azwa else ""

    def veld_label(self, veld: VeldDefinitie) -> str:
        """The label as printed: "Financieel plan (optioneel)"."""
        if veld.optioneel:
            return f"{veld.label} {self.teksten['optioneel_veld']}"
        return veld.label

    @property
    def sleutels(self) -> tuple[str, ...]:
        return tuple(o.sleutel for o in self.onderdelen)

    @property
    def adressen(self) -> tuple[str, ...]:
        """Every field address in format order."""
        return tuple(
            f"{o.sleutel}.{v.sleutel}" for o in self.onderdelen for v in o.velden
        )


def _fout(versie: str, melding: str) -> OnbekendFormat:
    return OnbekendFormat(f"format {versie}: {melding}")


def _parse(raw: Mapping[str, Any]) -> FormatDefinitie:
    versie = str(raw.get("versie", ""))
    teksten = raw.get("teksten") or {}
    missing = [naam for naam in VERPLICHTE_TEKSTEN if not teksten.get(naam)]
    if missing:
        raise _fout(versie, f"missing texts {missing}")
    onderdelen: list[OnderdeelDefinitie] = []
    seen: set[str] = set()
    for item in raw.get("onderdelen", ()):
        sleutel = item["sleutel"]
        if sleutel in seen:
            raise _fout(versie, f"duplicate onderdeel {sleutel!r}")
        ouder = item.get("ouder")
        if ouder is not None and ouder not in seen:
            # Parents come before their children, as in the format.
            raise _fout(versie, f"{sleutel!r}: parent {ouder!r} not defined before it")
        if item["soort"] not in SOORTEN:
            raise _fout(versie, f"{sleutel!r}: unknown soort {item['soort']!r}")
        if item["status_azwa"] not in STATUSSEN_AZWA:
            raise _fout(versie, f"{sleutel!r}: unknown status {item['status_azwa']!r}")
        bf = item.get("basisfunctionaliteit", "")
        if bf and bf not in BASISFUNCTIONALITEIT_SLEUTELS:
            raise _fout(versie, f"{sleutel!r}: unknown basisfunctionaliteit {bf!r}")
        if (item["soort"] == "aanpak") != bool(item["status_azwa"]):
            raise _fout(
                versie, f"{sleutel!r}: an aanpak, and only an aanpak, has a status"
            )
        velden: list[VeldDefinitie] = []
        veld_seen: set[str] = set()
        for veld in item["velden"]:
            if veld["sleutel"] in veld_seen:
                raise _fout(versie, f"duplicate field {sleutel}.{veld['sleutel']}")
            if veld["groep"] not in GROEPEN:
                raise _fout(versie, f"{sleutel}.{veld['sleutel']}: unknown group")
            veld_seen.add(veld["sleutel"])
            velden.append(
                VeldDefinitie(
                    sleutel=veld["sleutel"],
                    groep=veld["groep"],
                    label=veld["label"],
                    vraag=veld["vraag"],
                    optioneel=bool(veld.get("optioneel", False)),
                )
            )
        if not velden:
            raise _fout(versie, f"{sleutel!r} has no fields")
        seen.add(sleutel)
        onderdelen.append(
            OnderdeelDefinitie(
                sleutel=sleutel,
                nummer=item["nummer"],
                titel=item["titel"],
                soort=item["soort"],
                ouder=ouder,
                status_azwa=item["status_azwa"],
                optioneel=bool(item.get("optioneel", False)),
                basisfunctionaliteit=bf,
                velden=tuple(velden),
                heeft_partijen=bool(item.get("heeft_partijen", False)),
                heeft_mijlpalen=bool(item.get("heeft_mijlpalen", False)),
                kop=item.get("kop") or f"{item['nummer']}. {item['titel']}",
                inhoudsopgave=item.get("inhoudsopgave") or item["titel"],
            )
        )
    if not onderdelen:
        raise _fout(versie, "no onderdelen")
    return FormatDefinitie(
        versie=versie,
        titel=raw["titel"],
        bron=raw["bron"],
        onderdelen=tuple(onderdelen),
        teksten=MappingProxyType(dict(teksten)),
    )


def format_versies() -> list[str]:
    """All shipped versions, oldest first ("2026-04-20", ...)."""
    names = [p.name for p in resources.files(_DATA_PACKAGE).iterdir()]
    return sorted(
        n[len(_PREFIX) : -len(_SUFFIX)]
        for n in names
        if n.startswith(_PREFIX) and n.endswith(_SUFFIX)
    )


@cache
def format_get(versie: str) -> FormatDefinitie:
    if versie not in format_versies():
        raise OnbekendFormat(f"unknown werkagenda format {versie!r}")
    text = (
        resources.files(_DATA_PACKAGE)
        .joinpath(f"{_PREFIX}{versie}{_SUFFIX}")
        .read_text("utf-8")
    )
    definitie = _parse(json.loads(text))
    if definitie.versie != versie:
        raise _fout(versie, f"file states version {definitie.versie!r}")
    return definitie


def format_latest() -> FormatDefinitie:
    return format_get(format_versies()[-1])
