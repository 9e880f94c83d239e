# SPDX-License-Identifier: EUPL-1.2
"""The data of graphs 1–6 of the LSP monitor report, from the answers.

Plain Python, no Django (a test enforces it). A graph counts the answers to
the questions that the questionnaire tags with its number (`grafiek` in the
JSON definition; 2025: graph 1 = LSP question 13, kenmerken still in
development; 2 = LSP 5, cooperation with other LSPs; 3 = LSP 6, per theme;
4 = coordinators 8–11, satisfaction per partner; 5 = LSP 18 and 6 =
coordinators 15, what is needed). Counting is the questionnaire's own
(`questionnaire.aggregate`): an answer the respondent could not see (a skip
rule) or of the wrong shape does not count.

Small numbers: a graph counts the respondents of one role, nationally or of
one regio. From fewer than `DREMPEL` respondents every bar is suppressed
(None), like a statistic of the referral indicators; from none it is
unknown. From `DREMPEL` or more the counts are shown: they describe the
cooperation in a regio, not a respondent, and no smaller total is published
beside them. A round whose answers were not published (2025) has unknown
graphs, except graph 2, whose counts the report's text gives.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from dekkend.lspmonitor.questionnaire import aggregate
from dekkend.lspmonitor.questionnaire.definition import Optie, Vraag, Vragenlijst
from dekkend.lspmonitor.report.model import (
    DREMPEL,
    ROL_COORDINATOR,
    ROL_LSP,
    RapportInvoer,
    Respons,
)
from dekkend.monitoring.indicators.results import Cel

GRAFIEKEN = (1, 2, 3, 4, 5, 6)
# Role of each graph when the questionnaire is unknown (2025 without answers).
ROL_VAN_GRAFIEK = {
    1: ROL_LSP,
    2: ROL_LSP,
    3: ROL_LSP,
    4: ROL_COORDINATOR,
    5: ROL_LSP,
    6: ROL_COORDINATOR,
}


@dataclass(frozen=True)
class Reeks:
    naam: str  # option code of a stacked series; "" for a single series
    label: str
    waarden: tuple[Cel, ...]


@dataclass(frozen=True)
class Grafiek:
    nummer: int
    rol: str
    vragen: tuple[str, ...]  # question keys
    codes: tuple[str, ...]  # one per bar: option codes, or question keys
    labels: tuple[str, ...]
    reeksen: tuple[Reeks, ...]
    n: int  # respondents of the role in scope
    beantwoord: int  # of whom answered (the first of) the question(s)
    onderdrukt: bool
    gepubliceerd: bool
    regio: str | None = None

    @property
    def onbekend(self) -> bool:
        return not self.onderdrukt and all(
            c.waarde is None for s in self.reeksen for c in s.waarden
        )


def _cel(count: int, n: int, drempel: int) -> Cel:
    if n == 0:
        return Cel(None, False)
    if n < drempel:
        return Cel(None, True)
    return Cel(count, False)


def _rol(vraag: Vraag) -> str:
    return ROL_COORDINATOR if vraag.deel == "coordinator" else ROL_LSP


def _scope(invoer: RapportInvoer, rol: str, regio: str | None) -> list[Respons]:
    return [
        r
        for r in invoer.responsen
        if r.rol == rol and (regio is None or r.regio == regio)
    ]


def _unknown(nummer: int, regio: str | None) -> Grafiek:
    return Grafiek(
        nummer=nummer,
        rol=ROL_VAN_GRAFIEK[nummer],
        vragen=(),
        codes=(),
        labels=(),
        reeksen=(),
        n=0,
        beantwoord=0,
        onderdrukt=False,
        gepubliceerd=False,
        regio=regio,
    )


def _published_graph2(invoer: RapportInvoer, vragen: list[Vraag]) -> Grafiek | None:
    published = invoer.gepubliceerd
    if not published or not published.grafiek2:
        return None
    labels = {o.code: o.label for v in vragen for o in v.opties}
    codes = tuple(code for code, _ in published.grafiek2)
    n = sum(count for _, count in published.grafiek2)
    return Grafiek(
        nummer=2,
        rol=ROL_LSP,
        vragen=tuple(v.sleutel for v in vragen),
        codes=codes,
        labels=tuple(labels.get(c, c) for c in codes),
        reeksen=(
            Reeks("", "", tuple(Cel(count, False) for _, count in published.grafiek2)),
        ),
        n=n,
        beantwoord=n,
        onderdrukt=False,
        gepubliceerd=True,
    )


def grafiek(
    invoer: RapportInvoer,
    nummer: int,
    *,
    regio: str | None = None,
    drempel: int = DREMPEL,
) -> Grafiek:
    """The counts behind graph `nummer` (1–6), nationally or for one regio
    (its code). Raises KeyError for a number that is not a graph."""
    if nummer not in ROL_VAN_GRAFIEK:
        raise KeyError(nummer)
    vl = invoer.vragenlijst
    vragen = vl.vragen_voor_grafiek(str(nummer)) if vl is not None else []
    if nummer == 2 and regio is None:
        published = _published_graph2(invoer, vragen)
        if published is not None:
            return published
    if vl is None or not vragen:
        return _unknown(nummer, regio)
    rol = _rol(vragen[0])
    scope = [r.antwoorden for r in _scope(invoer, rol, regio)]
    n = len(scope)
    keys = tuple(v.sleutel for v in vragen)
    if len(vragen) > 1:
        return _per_question(vl, nummer, rol, vragen, scope, drempel, regio)
    vraag = vragen[0]
    counts = aggregate.keuze_telling(vl, vraag.sleutel, scope)
    labels = {o.code: o.label for o in vraag.opties}
    codes = tuple(counts)
    return Grafiek(
        nummer=nummer,
        rol=rol,
        vragen=keys,
        codes=codes,
        labels=tuple(labels.get(c, c) for c in codes),
        reeksen=(Reeks("", "", tuple(_cel(counts[c], n, drempel) for c in codes)),),
        n=n,
        beantwoord=aggregate.aantal_respondenten(vl, vraag.sleutel, scope),
        onderdrukt=0 < n < drempel,
        gepubliceerd=False,
        regio=regio,
    )


def _per_question(
    vl: Vragenlijst,
    nummer: int,
    rol: str,
    vragen: list[Vraag],
    scope: list[Mapping[str, Any]],
    drempel: int,
    regio: str | None,
) -> Grafiek:
    """One bar per question (graph 4: per partner), stacked by option."""
    n = len(scope)
    scale: list[Optie] = []
    for vraag in vragen:
        for optie in vraag.opties:
            if optie.code not in {o.code for o in scale}:
                scale.append(optie)
    counts = {v.sleutel: aggregate.keuze_telling(vl, v.sleutel, scope) for v in vragen}
    reeksen = tuple(
        Reeks(
            o.code,
            o.label,
            tuple(_cel(counts[v.sleutel].get(o.code, 0), n, drempel) for v in vragen),
        )
        for o in scale
    )
    return Grafiek(
        nummer=nummer,
        rol=rol,
        vragen=tuple(v.sleutel for v in vragen),
        codes=tuple(v.sleutel for v in vragen),
        labels=tuple(v.kort or v.tekst for v in vragen),
        reeksen=reeksen,
        n=n,
        beantwoord=aggregate.aantal_respondenten(vl, vragen[0].sleutel, scope),
        onderdrukt=0 < n < drempel,
        gepubliceerd=False,
        regio=regio,
    )


def grafieken(
    invoer: RapportInvoer, *, regio: str | None = None
) -> tuple[Grafiek, ...]:
    """Graphs 1–6 in order."""
    return tuple(grafiek(invoer, n, regio=regio) for n in GRAFIEKEN)
