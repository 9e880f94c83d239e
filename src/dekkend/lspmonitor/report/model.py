# SPDX-License-Identifier: EUPL-1.2
"""The input of the LSP monitor report: one round as plain, frozen values.

`RapportInvoer` is everything the tables and graphs of the report are computed
from: the round's dates and invitations, the monitor division with its
gemeenten, the base list with each location's size class and decision, the
previous round's list, the responses (role, regio, answers) with the
questionnaire they answered, anonymous visitor tallies, and the published figures where a round has them (2025).

Plain Python, no Django (a test enforces it). Reading the database belongs in
`report.inputs`; computing belongs in `report.tables` and `report.graphs`.
Nothing here holds a respondent's name or e-mail address.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from dekkend.lspmonitor.questionnaire.definition import Vragenlijst
from dekkend.register import lsp_type

GROOT = lsp_type.GROOT
MIDDEL = lsp_type.MIDDEL
KLEIN = lsp_type.KLEIN
ONBEKEND = lsp_type.ONBEKEND
GROOTTES = (GROOT, MIDDEL, KLEIN, ONBEKEND)

ROL_LSP = "lsp"
ROL_COORDINATOR = "coordinator"
ROLLEN = (ROL_LSP, ROL_COORDINATOR)

BESLUIT_OPEN = "open"
BESLUIT_OP_LIJST = "op_lijst"
BESLUIT_AF = "af"

REDEN_GESTOPT = "gestopt"
# A location of the previous round that this round neither kept nor judged.
REDEN_NIET_BEOORDEELD = "niet_beoordeeld"

# Small-number threshold, the same as the referral indicators use.
DREMPEL = 5


def grootte_uit_dagdelen(dagdelen_per_week: int | None) -> str:
    """The size class of 001 §4.2 (groot 8–14, middel 4–7, klein 1–3
    dagdelen per week; none known: onbekend).

    >>> grootte_uit_dagdelen(8), grootte_uit_dagdelen(3), grootte_uit_dagdelen(None)
    ('groot', 'klein', 'onbekend')
    """
    return lsp_type.classify_dagdelen(dagdelen_per_week)


@dataclass(frozen=True)
class Regio:
    code: str
    naam: str
    gemeentecodes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Indeling:
    """A division into regions; `regios` in the order the report prints them."""

    naam: str
    titel: str
    regios: tuple[Regio, ...]

    def regio_per_gemeente(self) -> dict[str, str]:
        """Gemeentecode → regio code (a gemeente is in one regio at most)."""
        return {g: r.code for r in self.regios for g in r.gemeentecodes}

    def naam_van(self, code: str) -> str:
        for regio in self.regios:
            if regio.code == code:
                return regio.naam
        return code


@dataclass(frozen=True)
class Locatie:
    """One location of the base list (or a candidate that was judged).

    `sleutel` identifies the location across rounds (the register's uuid).
    `regio` is the code of its regio in the monitor division. `grootte` is
    the §4.2 class from `dagdelen_per_week` (or the register's reasoned
    manual type); `eigen_categorie` the LSP's own answer to question 4
    ("A", "B", "C"; "" when not given). `besluit` and `reden` are this
    round's decision: the code of the failed afwegingskader question, or
    "gestopt".
    """

    sleutel: str
    naam: str
    organisatie: str
    gemeentecode: str
    gemeentenaam: str
    regio: str
    grootte: str = ONBEKEND
    dagdelen_per_week: int | None = None
    eigen_categorie: str = ""
    besluit: str = BESLUIT_OP_LIJST
    reden: str = ""
    adres_bekend: bool = False
    gecontroleerd_op: date | None = None
    # How many LSPs this entry counts for (a 2025 annex row may count 2 or 3).
    aantal: int = 1


@dataclass(frozen=True)
class Respons:
    """A submitted response: role, regio code and the answers
    (`{question key: answer}`, the shapes of the questionnaire)."""

    rol: str
    regio: str
    antwoorden: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Bezoekerstelling:
    """Visitors counted in one dagdeel at one location (a number, never who)."""

    locatie: str
    datum: date
    dagdeel: str
    aantal: int


@dataclass(frozen=True)
class GepubliceerdeRegio:
    """Published figures of one regio (001 Table 4 and Table 2)."""

    regio: str
    groot: int
    middel: int
    klein: int
    respons_lsp: int | None = None
    respons_coordinator: int | None = None

    @property
    def totaal(self) -> int:
        return self.groot + self.middel + self.klein


@dataclass(frozen=True)
class Gepubliceerd:
    """What a round published by hand before it was generated from data.

    Figures not published are None and stay unknown in the report.
    """

    bron: str
    regios: tuple[GepubliceerdeRegio, ...] = ()
    uitgenodigd_detail: tuple[tuple[str, int], ...] = ()  # ("IZA-…", 44)
    vorige_totaal: int | None = None
    afgevallen: int | None = None
    organisaties: int | None = None
    # Graph 2 (LSP question 5) as published in the text: (option code, n).
    grafiek2: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class VorigeRonde:
    """The previous round: its list when Dekkend holds it (None when only a
    published total is known, as for 2024)."""

    jaar: int
    locaties: tuple[Locatie, ...] | None = None
    totaal: int | None = None


@dataclass(frozen=True)
class RapportInvoer:
    jaar: int
    indeling: Indeling
    kandidaten: tuple[Locatie, ...]
    open_op: date | None = None
    sluit_op: date | None = None
    peildatum: date | None = None
    uitgenodigd_lsp: int | None = None
    uitgenodigd_coordinator: int | None = None
    responsen: tuple[Respons, ...] = ()
    # The questionnaire version the answers were given in (None: no answers
    # can be read, the graphs are unknown).
    vragenlijst: Vragenlijst | None = None
    tellingen: tuple[Bezoekerstelling, ...] = ()
    vorige: VorigeRonde | None = None
    gepubliceerd: Gepubliceerd | None = None
    # Synthetic data (demo, benchmark): the report says so on every page.
    synthetisch: bool = False
    # Another division for which Table 4 is given too (by the gemeenten).
    tabel4_indeling: Indeling | None = None

    @property
    def basislijst(self) -> tuple[Locatie, ...]:
        """The locations on this round's list."""
        return tuple(k for k in self.kandidaten if k.besluit == BESLUIT_OP_LIJST)
