# SPDX-License-Identifier: EUPL-1.2
"""The tables of the LSP monitor report, computed from a `RapportInvoer`.

Plain Python, no Django (a test enforces it). Each function returns a frozen
result of codes and numbers; labels and sentences are added by
`report.document`. The tables follow the 2025 report (001): the method's
numbers, Table 2 (response per regio), Table 3 (size classes), Table 4
(locations per regio and size, for the monitor division or any other), the
change since the previous round and Annex A.

Small numbers: counts of respondents per regio (Table 2) below `DREMPEL` are
suppressed with the rule of the referral indicators
(`monitoring.indicators.suppression`), including complementary suppression
against the printed column totals. Counts of locations are register data,
public, and never suppressed. Published figures (2025) are reproduced as
published and marked so.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from dekkend.lspmonitor.report.model import (
    BESLUIT_AF,
    DREMPEL,
    GROOT,
    GROOTTES,
    KLEIN,
    MIDDEL,
    ONBEKEND,
    REDEN_NIET_BEOORDEELD,
    ROL_COORDINATOR,
    ROL_LSP,
    Bezoekerstelling,
    Indeling,
    Locatie,
    RapportInvoer,
)
from dekkend.monitoring.indicators.results import Cel
from dekkend.monitoring.indicators.suppression import suppress_groups
from dekkend.register import lsp_type

__all__ = [
    "RapportInvoer",
    "bijlage_a",
    "methode",
    "tabel2",
    "tabel3",
    "tabel4",
    "tabel4_gepubliceerd",
    "verandering",
    "volledigheid",
]

BUITEN_INDELING = ""  # regio code of locations outside the division


# --- method ---------------------------------------------------------------


@dataclass(frozen=True)
class Groep:
    rol: str
    uitgenodigd: int | None
    respons: int
    # Share of invited who responded, 0..1; None without invitations.
    responspercentage: float | None


@dataclass(frozen=True)
class Methode:
    jaar: int
    open_op: date | None
    sluit_op: date | None
    groepen: tuple[Groep, ...]
    respons_totaal: int
    uitgenodigd_detail: tuple[tuple[str, int], ...]
    locaties: int
    organisaties: int
    gepubliceerd: bool


def _respons_aantallen(invoer: RapportInvoer) -> dict[str, int]:
    """Responses per role: published where the round has them, else counted."""
    published = invoer.gepubliceerd
    if published and published.regios:
        counts = {ROL_LSP: 0, ROL_COORDINATOR: 0}
        for r in published.regios:
            counts[ROL_LSP] += r.respons_lsp or 0
            counts[ROL_COORDINATOR] += r.respons_coordinator or 0
        return counts
    counter = Counter(r.rol for r in invoer.responsen)
    return {rol: counter.get(rol, 0) for rol in (ROL_LSP, ROL_COORDINATOR)}


def methode(invoer: RapportInvoer) -> Methode:
    """The round's own numbers for the method chapter (001 §3.4).

    >>> from dekkend.lspmonitor.report.model import Indeling, Respons
    >>> m = methode(RapportInvoer(jaar=2026, indeling=Indeling("i", "I", ()),
    ...     kandidaten=(), uitgenodigd_lsp=4, uitgenodigd_coordinator=2,
    ...     responsen=(Respons("lsp", "a"), Respons("coordinator", "a"))))
    >>> [(g.rol, g.respons, g.responspercentage) for g in m.groepen]
    [('lsp', 1, 0.25), ('coordinator', 1, 0.5)]
    """
    counts = _respons_aantallen(invoer)
    groepen = []
    for rol, invited in (
        (ROL_LSP, invoer.uitgenodigd_lsp),
        (ROL_COORDINATOR, invoer.uitgenodigd_coordinator),
    ):
        rate = counts[rol] / invited if invited else None
        groepen.append(Groep(rol, invited, counts[rol], rate))
    basis = invoer.basislijst
    published = invoer.gepubliceerd
    return Methode(
        jaar=invoer.jaar,
        open_op=invoer.open_op,
        sluit_op=invoer.sluit_op,
        groepen=tuple(groepen),
        respons_totaal=sum(counts.values()),
        uitgenodigd_detail=published.uitgenodigd_detail if published else (),
        locaties=sum(loc.aantal for loc in basis),
        organisaties=len({loc.organisatie for loc in basis}),
        gepubliceerd=bool(published and published.regios),
    )


# --- Table 2 --------------------------------------------------------------


@dataclass(frozen=True)
class Tabel2Rij:
    regio: str  # code
    naam: str
    lsp: Cel
    coordinator: Cel


@dataclass(frozen=True)
class Tabel2:
    rijen: tuple[Tabel2Rij, ...]
    totaal_lsp: Cel
    totaal_coordinator: Cel
    gepubliceerd: bool


def tabel2(invoer: RapportInvoer, *, drempel: int = DREMPEL) -> Tabel2:
    """Respondents per regio of the monitor division, LSP and coordinators.

    Counted from the responses, with small-number suppression: a count of
    1..drempel-1 is hidden, and so much more in its column that the column
    total does not give it back. Where the round has published figures
    (2025) these are used as published (`gepubliceerd`), unsuppressed: the
    report printed them, so repeating them reveals nothing new.
    """
    indeling = invoer.indeling
    published = invoer.gepubliceerd
    if published and published.regios:
        by_code = {r.regio: r for r in published.regios}
        rijen = []
        for regio in indeling.regios:
            pub = by_code.get(regio.code)
            lsp = pub.respons_lsp if pub else None
            coord = pub.respons_coordinator if pub else None
            rijen.append(
                Tabel2Rij(
                    regio.code,
                    regio.naam,
                    Cel(lsp, False),
                    Cel(coord, False),
                )
            )
        counts = _respons_aantallen(invoer)
        return Tabel2(
            tuple(rijen),
            Cel(counts[ROL_LSP], False),
            Cel(counts[ROL_COORDINATOR], False),
            gepubliceerd=True,
        )

    exact: dict[tuple[str, str], int] = {}
    codes = [r.code for r in indeling.regios]
    for rol in (ROL_LSP, ROL_COORDINATOR):
        for code in codes:
            exact[rol, code] = 0
        exact[rol, "*"] = 0
    for respons in invoer.responsen:
        if respons.rol not in (ROL_LSP, ROL_COORDINATOR):
            continue
        exact[respons.rol, "*"] += 1
        if (respons.rol, respons.regio) in exact:
            exact[respons.rol, respons.regio] += 1
    groups = []
    for rol in (ROL_LSP, ROL_COORDINATOR):
        members = [(rol, code) for code in codes]
        outside = exact[rol, "*"] - sum(exact[m] for m in members)
        groups.append((members, (rol, "*"), outside))
    hidden = suppress_groups(exact, groups, drempel)

    def cel(key: tuple[str, str]) -> Cel:
        return Cel(None, True) if hidden[key] else Cel(exact[key], False)

    rijen = [
        Tabel2Rij(
            r.code, r.naam, cel((ROL_LSP, r.code)), cel((ROL_COORDINATOR, r.code))
        )
        for r in indeling.regios
    ]
    return Tabel2(
        tuple(rijen),
        cel((ROL_LSP, "*")),
        cel((ROL_COORDINATOR, "*")),
        gepubliceerd=False,
    )


# --- Table 3 --------------------------------------------------------------


@dataclass(frozen=True)
class Tabel3Rij:
    grootte: str
    dagdelen: tuple[int, int] | None  # bounds per week, §4.2
    bezoekers_per_dag: tuple[int, int] | None  # 001 Table 3
    unieke_bezoekers_per_jaar: tuple[int, int] | None
    elementen: tuple[str, ...]  # required elements
    locaties: int
    locaties_met_telling: int
    # Mean over the counted locations of their mean visitors per open day.
    bezoekers_per_dag_telling: float | None
    eigen_categorie: int  # locations the LSPs placed in A / B / C (question 4)


@dataclass(frozen=True)
class Tabel3:
    rijen: tuple[Tabel3Rij, ...]
    eigen_categorie_afwijkend: int  # locations whose own category differs


# The LSP's own categories of question 4 and the class whose dagdelen they
# come closest to (A: 4–7 days; B: 4 dagdelen–3.5 days; C: 1–3 dagdelen).
EIGEN_CATEGORIE = {"A": GROOT, "B": MIDDEL, "C": KLEIN}


def bezoekers_per_dag(tellingen: tuple[Bezoekerstelling, ...]) -> dict[str, float]:
    """Per location: mean visitors per day over the days with a tally.

    >>> from datetime import date
    >>> t = (Bezoekerstelling("x", date(2026, 1, 5), "ochtend", 10),
    ...      Bezoekerstelling("x", date(2026, 1, 5), "middag", 6),
    ...      Bezoekerstelling("x", date(2026, 1, 6), "ochtend", 8))
    >>> bezoekers_per_dag(t)
    {'x': 12.0}
    """
    per_dag: dict[str, dict[date, int]] = defaultdict(lambda: defaultdict(int))
    for t in tellingen:
        per_dag[t.locatie][t.datum] += t.aantal
    return {
        loc: sum(days.values()) / len(days) for loc, days in sorted(per_dag.items())
    }


def tabel3(invoer: RapportInvoer) -> Tabel3:
    """Size classes with their bounds (001 Table 3, §4.2) and this round's
    counts; visitors per day from the anonymous tally where present."""
    basis = invoer.basislijst
    visitors = bezoekers_per_dag(invoer.tellingen)
    counts: Counter[str] = Counter()
    for loc in basis:
        counts[loc.grootte] += loc.aantal
    own = Counter(
        EIGEN_CATEGORIE[loc.eigen_categorie]
        for loc in basis
        if loc.eigen_categorie in EIGEN_CATEGORIE
    )
    rijen = []
    for grootte in GROOTTES:
        norm = lsp_type.NORMS.get(grootte)
        counted = [
            visitors[loc.sleutel]
            for loc in basis
            if loc.grootte == grootte and loc.sleutel in visitors
        ]
        rijen.append(
            Tabel3Rij(
                grootte=grootte,
                dagdelen=(norm.dagdelen_min, norm.dagdelen_max) if norm else None,
                bezoekers_per_dag=(
                    (norm.bezoekers_per_dag_min, norm.bezoekers_per_dag_max)
                    if norm
                    else None
                ),
                unieke_bezoekers_per_jaar=(
                    (norm.unieke_bezoekers_min, norm.unieke_bezoekers_max)
                    if norm
                    else None
                ),
                elementen=(
                    tuple(e for e in lsp_type.ELEMENTS if e in norm.required_elements)
                    if norm
                    else ()
                ),
                locaties=counts.get(grootte, 0),
                locaties_met_telling=len(counted),
                bezoekers_per_dag_telling=(
                    sum(counted) / len(counted) if counted else None
                ),
                eigen_categorie=own.get(grootte, 0),
            )
        )
    afwijkend = sum(
        1
        for loc in basis
        if loc.eigen_categorie in EIGEN_CATEGORIE
        and loc.grootte != ONBEKEND
        and EIGEN_CATEGORIE[loc.eigen_categorie] != loc.grootte
    )
    return Tabel3(tuple(rijen), afwijkend)


# --- Table 4 --------------------------------------------------------------


@dataclass(frozen=True)
class Tabel4Rij:
    regio: str  # code; BUITEN_INDELING for gemeenten outside the division
    naam: str
    groot: int
    middel: int
    klein: int
    onbekend: int

    @property
    def totaal(self) -> int:
        return self.groot + self.middel + self.klein + self.onbekend


@dataclass(frozen=True)
class Tabel4:
    indeling: str
    titel: str
    rijen: tuple[Tabel4Rij, ...]
    gepubliceerd: bool

    @property
    def totaal(self) -> Tabel4Rij:
        return Tabel4Rij(
            "*",
            "Totaal",
            sum(r.groot for r in self.rijen),
            sum(r.middel for r in self.rijen),
            sum(r.klein for r in self.rijen),
            sum(r.onbekend for r in self.rijen),
        )


def tabel4(invoer: RapportInvoer, indeling: Indeling | None = None) -> Tabel4:
    """Locations of the base list per regio × size class, from the data.

    With the monitor division (the default) a location counts in its own
    regio (`Locatie.regio`, as Annex A lists it); with any other division its
    gemeente decides. Locations in a gemeente outside the division (an
    incomplete division) form a last row with code `BUITEN_INDELING`.
    Counts of locations are public and never suppressed.
    """
    target = indeling or invoer.indeling
    own = target.naam == invoer.indeling.naam
    mapping = target.regio_per_gemeente()
    known = {r.code for r in target.regios}
    per: dict[str, Counter[str]] = defaultdict(Counter)
    for loc in invoer.basislijst:
        code = loc.regio if own else mapping.get(loc.gemeentecode, BUITEN_INDELING)
        if code not in known:
            code = BUITEN_INDELING
        per[code][loc.grootte] += loc.aantal

    def rij(code: str, naam: str) -> Tabel4Rij:
        c = per.get(code, Counter())
        return Tabel4Rij(code, naam, c[GROOT], c[MIDDEL], c[KLEIN], c[ONBEKEND])

    rijen = [rij(r.code, r.naam) for r in target.regios]
    if BUITEN_INDELING in per:
        rijen.append(rij(BUITEN_INDELING, ""))
    return Tabel4(target.naam, target.titel, tuple(rijen), gepubliceerd=False)


def tabel4_gepubliceerd(invoer: RapportInvoer) -> Tabel4 | None:
    """Table 4 as the round published it (2025: `MonitorTelling`), per regio
    of the monitor division; None for a round without published figures."""
    published = invoer.gepubliceerd
    if not published or not published.regios:
        return None
    by_code = {r.regio: r for r in published.regios}
    rijen = []
    for regio in invoer.indeling.regios:
        pub = by_code.get(regio.code)
        if pub is None:
            rijen.append(Tabel4Rij(regio.code, regio.naam, 0, 0, 0, 0))
        else:
            rijen.append(
                Tabel4Rij(regio.code, regio.naam, pub.groot, pub.middel, pub.klein, 0)
            )
    return Tabel4(
        invoer.indeling.naam, invoer.indeling.titel, tuple(rijen), gepubliceerd=True
    )


# --- change since the previous round --------------------------------------


@dataclass(frozen=True)
class Afgevallen:
    locatie: Locatie
    reden: str  # failed afwegingskader question, "gestopt" or "niet_beoordeeld"


@dataclass(frozen=True)
class Grootteverandering:
    locatie: Locatie
    was: str
    wordt: str


@dataclass(frozen=True)
class Verandering:
    """ "278 → 318, 53 dropped": the previous and this round's totals, with
    the locations behind the difference where Dekkend holds both lists."""

    vorige_jaar: int
    vorige_totaal: int | None
    totaal: int
    aantal_nieuw: int | None
    aantal_afgevallen: int | None
    nieuw: tuple[Locatie, ...]
    afgevallen: tuple[Afgevallen, ...]
    grootte_veranderd: tuple[Grootteverandering, ...]
    afgevallen_per_reden: tuple[tuple[str, int], ...]
    # True when the counts come from published totals, not from two lists.
    gepubliceerd: bool


def verandering(invoer: RapportInvoer) -> Verandering | None:
    """What changed since the previous round; None without one.

    New: on this list and not on the previous one. Dropped: on the previous
    list and not on this one, with this round's reason (the failed question
    of the afwegingskader or "gestopt"; "niet_beoordeeld" when this round has
    no decision on it). Changed size: on both lists, both sizes known and
    different. Without the previous list (2024) only the published totals
    are given: new = this total − previous total + dropped.
    """
    vorige = invoer.vorige
    if vorige is None:
        return None
    basis = invoer.basislijst
    if vorige.locaties is None:
        published = invoer.gepubliceerd
        total = _published_total(invoer)
        dropped = published.afgevallen if published else None
        new = (
            total - vorige.totaal + dropped
            if vorige.totaal is not None and dropped is not None
            else None
        )
        return Verandering(
            vorige_jaar=vorige.jaar,
            vorige_totaal=vorige.totaal,
            totaal=total,
            aantal_nieuw=new,
            aantal_afgevallen=dropped,
            nieuw=(),
            afgevallen=(),
            grootte_veranderd=(),
            afgevallen_per_reden=(),
            gepubliceerd=True,
        )
    now = {loc.sleutel: loc for loc in basis}
    before = {loc.sleutel: loc for loc in vorige.locaties}
    decisions = {k.sleutel: k for k in invoer.kandidaten}
    nieuw = tuple(loc for key, loc in now.items() if key not in before)
    afgevallen = []
    for key, loc in before.items():
        if key in now:
            continue
        decision = decisions.get(key)
        if decision is not None and decision.besluit == BESLUIT_AF and decision.reden:
            reden = decision.reden
        else:
            reden = REDEN_NIET_BEOORDEELD
        afgevallen.append(Afgevallen(loc, reden))
    veranderd = tuple(
        Grootteverandering(now[key], loc.grootte, now[key].grootte)
        for key, loc in before.items()
        if key in now
        and ONBEKEND not in (loc.grootte, now[key].grootte)
        and loc.grootte != now[key].grootte
    )
    per_reden: Counter[str] = Counter()
    for a in afgevallen:
        per_reden[a.reden] += a.locatie.aantal
    return Verandering(
        vorige_jaar=vorige.jaar,
        vorige_totaal=sum(loc.aantal for loc in before.values()),
        totaal=sum(loc.aantal for loc in now.values()),
        aantal_nieuw=sum(loc.aantal for loc in nieuw),
        aantal_afgevallen=sum(a.locatie.aantal for a in afgevallen),
        nieuw=tuple(sorted(nieuw, key=lambda loc: loc.naam)),
        afgevallen=tuple(sorted(afgevallen, key=lambda a: a.locatie.naam)),
        grootte_veranderd=tuple(sorted(veranderd, key=lambda v: v.locatie.naam)),
        afgevallen_per_reden=tuple(sorted(per_reden.items())),
        gepubliceerd=False,
    )


def _published_total(invoer: RapportInvoer) -> int:
    published = invoer.gepubliceerd
    if published and published.regios:
        return sum(r.totaal for r in published.regios)
    return sum(loc.aantal for loc in invoer.basislijst)


# --- Annex A and the register's completeness -------------------------------


@dataclass(frozen=True)
class BijlageRegio:
    regio: str
    naam: str
    locaties: tuple[Locatie, ...]  # by name


def bijlage_a(invoer: RapportInvoer) -> tuple[BijlageRegio, ...]:
    """Every location of the base list per regio, with gemeente and size;
    regions without a location are listed too ("Geen LSP")."""
    per: dict[str, list[Locatie]] = defaultdict(list)
    for loc in invoer.basislijst:
        per[loc.regio].append(loc)
    out = [
        BijlageRegio(
            r.code,
            r.naam,
            tuple(sorted(per.get(r.code, []), key=lambda loc: (loc.naam, loc.sleutel))),
        )
        for r in invoer.indeling.regios
    ]
    known = {r.code for r in invoer.indeling.regios}
    rest = [loc for code, locs in per.items() if code not in known for loc in locs]
    if rest:
        out.append(
            BijlageRegio(
                BUITEN_INDELING,
                "",
                tuple(sorted(rest, key=lambda loc: (loc.naam, loc.sleutel))),
            )
        )
    return tuple(out)


@dataclass(frozen=True)
class VolledigheidRij:
    regio: str
    naam: str
    locaties: int
    met_dagdelen: int
    met_adres: int
    gecontroleerd: int  # checked within the year before the reference date


def volledigheid(
    invoer: RapportInvoer, *, peildatum: date | None = None
) -> tuple[VolledigheidRij, ...]:
    """How complete and how fresh the register is per regio: locations with
    opening dagdelen, with an address, and checked ("gecontroleerd op") in
    the 365 days up to the reference date."""
    ref = peildatum or invoer.peildatum or invoer.sluit_op
    since = ref - timedelta(days=365) if ref else None
    per: dict[str, list[Locatie]] = defaultdict(list)
    for loc in invoer.basislijst:
        per[loc.regio].append(loc)
    rijen = []
    for regio in invoer.indeling.regios:
        locs = per.get(regio.code, [])
        rijen.append(
            VolledigheidRij(
                regio.code,
                regio.naam,
                len(locs),
                sum(1 for loc in locs if loc.dagdelen_per_week),
                sum(1 for loc in locs if loc.adres_bekend),
                sum(
                    1
                    for loc in locs
                    if loc.gecontroleerd_op is not None
                    and since is not None
                    and ref is not None
                    and since <= loc.gecontroleerd_op <= ref
                ),
            )
        )
    return tuple(rijen)
