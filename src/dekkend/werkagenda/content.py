# SPDX-License-Identifier: EUPL-1.2
"""The content of one werkagenda as plain values.

This is what the app hands to the exporter and what the importer gives back:
no Django, no database identities. Texts are keyed by the field keys of the
format definition (`werkagenda.format`); `OnderdeelInhoud.sleutel` is the
onderdeel key ("2a").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

MIJLPAAL_STATUSSEN: tuple[str, ...] = (
    "gepland",
    "bezig",
    "gereed",
    "vertraagd",
    "vervallen",
)


@dataclass(frozen=True)
class Projectdoelstelling:
    """A SMART goal: what (`omschrijving`), measured by what (`maatstaf`, a
    measure key of the werkagenda, or "" for a measure the region names in
    `maatstaf_label`), to which value (`streefwaarde` in `eenheid`), by when
    (`uiterlijk`) and by whom; `ingroeipad` holds (year, value) steps."""

    omschrijving: str
    maatstaf: str
    maatstaf_label: str
    streefwaarde: float | None
    eenheid: str
    uiterlijk: date
    verantwoordelijke: str
    ingroeipad: tuple[tuple[int, float], ...] = ()


@dataclass(frozen=True)
class Mijlpaal:
    """A row of the mijlpalenplanning; `kwartaal` is "2027-K1"."""

    kwartaal: str
    activiteiten: str
    verantwoordelijke: str
    deelresultaat: str
    status: str = "gepland"


@dataclass(frozen=True)
class OnderdeelInhoud:
    sleutel: str
    velden: dict[str, str] = field(default_factory=dict)
    doelstellingen: tuple[Projectdoelstelling, ...] = ()
    mijlpalen: tuple[Mijlpaal, ...] = ()
    financiers: tuple[str, ...] = ()
    uitvoeringspartijen: tuple[str, ...] = ()

    def tekst(self, veld: str) -> str:
        return self.velden.get(veld, "")


@dataclass(frozen=True)
class WerkagendaInhoud:
    format_versie: str
    regio: str
    periode_van: int
    periode_tot: int
    status: str
    versie: int
    onderdelen: tuple[OnderdeelInhoud, ...]

    def onderdeel(self, sleutel: str) -> OnderdeelInhoud:
        """The content of onderdeel `sleutel`; an empty one if absent."""
        for onderdeel in self.onderdelen:
            if onderdeel.sleutel == sleutel:
                return onderdeel
        return OnderdeelInhoud(sleutel=sleutel)
