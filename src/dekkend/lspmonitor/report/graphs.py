# SPDX-License-Identifier: EUPL-1.2
"""The data of graphs 1–6 of the LSP monitor report, from the answers.

Plain Python, no Django (a test enforces it). Each graph counts the answers
to one or more questions of the questionnaire (001 Annex B):

* graph 1: LSP question 13, kenmerken still in development;
* graph 2: LSP question 5, cooperation with other LSPs;
* graph 3: LSP question 6, cooperation per theme;
* graph 4: coordinators' questions 8–11, satisfaction per partner;
* graph 5: LSP question 18, what is needed for a stronger network;
* graph 6: coordinators' question 15, the same from their side.

Small numbers: a graph counts the respondents of one role, nationally or of
one regio. From fewer than `DREMPEL` respondents every bar is suppressed
(None), like a statistic of the referral indicators; from none it is unknown.
From `DREMPEL` or more the counts are shown: they describe the regio's
cooperation, not a respondent, and no smaller total is published beside
them. A round whose answers were not published (2025) has unknown graphs,
except graph 2, whose counts the report's text gives.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from dekkend.lspmonitor.report.model import (
    DREMPEL,
    ROL_COORDINATOR,
    ROL_LSP,
    Keuze,
    RapportInvoer,
    Respons,
)
from dekkend.monitoring.indicators.results import Cel

# (graph number, role, question keys); graph 4 has one bar per question.
GRAFIEK_VRAGEN: dict[int, tuple[str, tuple[str, ...]]] = {
    1: (ROL_LSP, ("lsp.13",)),
    2: (ROL_LSP, ("lsp.5",)),
    3: (ROL_LSP, ("lsp.6",)),
    4: (ROL_COORDINATOR, ("coord.8", "coord.9", "coord.10", "coord.11")),
    5: (ROL_LSP, ("lsp.18",)),
    6: (ROL_COORDINATOR, ("coord.15",)),
}


@dataclass(frozen=True)
class Reeks:
    naam: str  # code of the series ("" for a single series)
    label: str
    waarden: tuple[Cel, ...]


@dataclass(frozen=True)
class Grafiek:
    nummer: int
    rol: str
    vragen: tuple[str, ...]
    codes: tuple[str, ...]  # one per bar
    labels: tuple[str, ...]
    reeksen: tuple[Reeks, ...]
    n: int  # respondents of the role in scope (answered or not)
    beantwoord: int  # of whom answered the question(s)
    onderdrukt: bool
    gepubliceerd: bool
    regio: str | None = None

    @property
    def onbekend(self) -> bool:
        return not self.onderdrukt and all(
            c.waarde is None for s in self.reeksen for c in s.waarden
        )


def _codes(answer: Any) -> list[str]:
    """Option codes in one answer (single or multiple choice)."""
    if isinstance(answer, Mapping):
        if isinstance(answer.get("keuzes"), list):
            return [str(c) for c in answer["keuzes"]]
        if answer.get("keuze"):
            return [str(answer["keuze"])]
    return []


def keuze_telling(
    sleutel: str, responsen: Iterable[Respons], opties: Iterable[str] = ()
) -> dict[str, int]:
    """How many responses chose each option of a choice question, in the
    order of `opties` and then of first appearance.

    >>> keuze_telling("q", [Respons("lsp", "a", {"q": {"keuzes": ["x", "y"]}}),
    ...                     Respons("lsp", "a", {"q": {"keuze": "x"}})], ["y", "z"])
    {'y': 1, 'z': 0, 'x': 2}
    """
    counts: dict[str, int] = dict.fromkeys(opties, 0)
    for respons in responsen:
        for code in dict.fromkeys(_codes(respons.antwoorden.get(sleutel))):
            counts[code] = counts.get(code, 0) + 1
    return counts


def _scope(invoer: RapportInvoer, rol: str, regio: str | None) -> list[Respons]:
    return [
        r
        for r in invoer.responsen
        if r.rol == rol and (regio is None or r.regio == regio)
    ]


def _cel(count: int, n: int, drempel: int) -> Cel:
    if n == 0:
        return Cel(None, False)
    if n < drempel:
        return Cel(None, True)
    return Cel(count, False)


def _options(invoer: RapportInvoer, sleutel: str) -> tuple[Keuze, ...]:
    vraag = invoer.vraag(sleutel)
    return vraag.opties if vraag else ()


def _label(invoer: RapportInvoer, sleutel: str) -> str:
    vraag = invoer.vraag(sleutel)
    return vraag.tekst if vraag else sleutel


def _answered(responsen: list[Respons], keys: tuple[str, ...]) -> int:
    return sum(1 for r in responsen if any(_codes(r.antwoorden.get(k)) for k in keys))


def _published_graph2(invoer: RapportInvoer) -> Grafiek | None:
    published = invoer.gepubliceerd
    if not published or not published.grafiek2:
        return None
    opties = _options(invoer, "lsp.5")
    labels = {o.code: o.label for o in opties}
    codes = tuple(code for code, _ in published.grafiek2)
    n = sum(count for _, count in published.grafiek2)
    return Grafiek(
        nummer=2,
        rol=ROL_LSP,
        vragen=("lsp.5",),
        codes=codes,
        labels=tuple(labels.get(c, c) for c in codes),
        reeksen=(
            Reeks(
                "",
                "",
                tuple(Cel(count, False) for _, count in published.grafiek2),
            ),
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
    """The counts behind graph `nummer` (1–6), nationally or for one regio.

    Raises KeyError for a number that is not a graph of the report.
    """
    rol, keys = GRAFIEK_VRAGEN[nummer]
    if nummer == 2 and regio is None:
        published = _published_graph2(invoer)
        if published is not None:
            return published
    scope = _scope(invoer, rol, regio)
    n = len(scope)
    if nummer == 4:
        return _satisfaction(invoer, scope, keys, drempel, regio)
    (key,) = keys
    opties = _options(invoer, key)
    counts = keuze_telling(key, scope, [o.code for o in opties])
    labels = {o.code: o.label for o in opties}
    codes = tuple(counts)
    return Grafiek(
        nummer=nummer,
        rol=rol,
        vragen=keys,
        codes=codes,
        labels=tuple(labels.get(c, c) for c in codes),
        reeksen=(Reeks("", "", tuple(_cel(counts[c], n, drempel) for c in codes)),),
        n=n,
        beantwoord=_answered(scope, keys),
        onderdrukt=0 < n < drempel,
        gepubliceerd=False,
        regio=regio,
    )


def _satisfaction(
    invoer: RapportInvoer,
    scope: list[Respons],
    keys: tuple[str, ...],
    drempel: int,
    regio: str | None,
) -> Grafiek:
    """Graph 4: one bar per partner (question), stacked by scale option."""
    n = len(scope)
    scale: list[Keuze] = list(_options(invoer, keys[0]))
    counts = {key: keuze_telling(key, scope, [o.code for o in scale]) for key in keys}
    seen = {o.code for o in scale}
    for key in keys:
        for code in counts[key]:
            if code not in seen:
                scale.append(Keuze(code, code))
                seen.add(code)
    reeksen = tuple(
        Reeks(
            o.code,
            o.label,
            tuple(_cel(counts[key].get(o.code, 0), n, drempel) for key in keys),
        )
        for o in scale
    )
    return Grafiek(
        nummer=4,
        rol=ROL_COORDINATOR,
        vragen=keys,
        codes=keys,
        labels=tuple(_label(invoer, key) for key in keys),
        reeksen=reeksen,
        n=n,
        beantwoord=_answered(scope, keys),
        onderdrukt=0 < n < drempel,
        gepubliceerd=False,
        regio=regio,
    )


def grafieken(
    invoer: RapportInvoer, *, regio: str | None = None
) -> tuple[Grafiek, ...]:
    """Graphs 1–6 in order."""
    return tuple(grafiek(invoer, n, regio=regio) for n in sorted(GRAFIEK_VRAGEN))
