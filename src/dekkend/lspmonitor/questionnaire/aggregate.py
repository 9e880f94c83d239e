# SPDX-License-Identifier: EUPL-1.2
"""Counts over many responses, for the report's tables and graphs.

Every function takes the questionnaire and a list of answer objects (one per
submitted response) and counts only answers the respondent could see: an
answer to a question that routing or a skip rule hides is ignored, as is an
answer of the wrong shape. Counts include every option, row and scale point
of the question (zero where nobody chose it), in questionnaire order.

The graph helpers find their questions by the `grafiek` tag of the JSON
definition (graph 1 = kenmerken still in development, 2-6 cooperation), so a
new version that renumbers its questions needs no code. They return plain
`Grafiekdata`; drawing, and suppressing small numbers per region, belong to
the report.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from dekkend.lspmonitor.questionnaire._i18n import _
from dekkend.lspmonitor.questionnaire.definition import (
    ENKELE_KEUZE,
    GETAL,
    GETALLEN_PER_CATEGORIE,
    MATRIX,
    MEERDERE_KEUZE,
    STEUNPUNTEN_LIJST,
    TEKST,
    Vraag,
    Vragenlijst,
)
from dekkend.lspmonitor.questionnaire.engine import (
    gekozen_codes,
    is_leeg,
    valideer_antwoord,
    zichtbare_vragen,
)

Antwoorden = Mapping[str, Any]


@dataclass(frozen=True)
class GrafiekReeks:
    """One series of a bar chart: a value per label."""

    naam: str
    waarden: tuple[int, ...]


@dataclass(frozen=True)
class Grafiekdata:
    """What a bar chart shows: `labels` (with their option `codes`) and one or
    more series; `n` is the number of respondents who answered."""

    titel: str
    labels: tuple[str, ...]
    codes: tuple[str, ...]
    reeksen: tuple[GrafiekReeks, ...]
    n: int
    sleutels: tuple[str, ...]


def _geldige_antwoorden(
    vl: Vragenlijst, sleutel: str, antwoorden_lijst: Iterable[Antwoorden]
) -> tuple[Vraag, list[Any]]:
    vraag = vl.vraag(sleutel)
    result = []
    for antwoorden in antwoorden_lijst:
        antwoord = antwoorden.get(sleutel)
        if is_leeg(vraag, antwoord):
            continue
        if valideer_antwoord(vraag, antwoord, volledig=False) is not None:
            continue
        if all(v.sleutel != sleutel for v in zichtbare_vragen(vl, antwoorden)):
            continue
        result.append(antwoord)
    return vraag, result


def aantal_respondenten(
    vl: Vragenlijst, sleutel: str, antwoorden_lijst: Iterable[Antwoorden]
) -> int:
    """How many responses answered this (visible) question."""
    return len(_geldige_antwoorden(vl, sleutel, antwoorden_lijst)[1])


def keuze_telling(
    vl: Vragenlijst, sleutel: str, antwoorden_lijst: Iterable[Antwoorden]
) -> dict[str, int]:
    """Option code → number of responses that chose it (single or multiple
    choice, or "nee"/"ja" of a new/stopped list)."""
    vraag, antwoorden = _geldige_antwoorden(vl, sleutel, antwoorden_lijst)
    if vraag.type not in (ENKELE_KEUZE, MEERDERE_KEUZE, STEUNPUNTEN_LIJST):
        raise ValueError(f"question {sleutel} has type {vraag.type}, not a choice")
    telling = {o.code: 0 for o in vraag.opties}
    for antwoord in antwoorden:
        for code in gekozen_codes(vraag, antwoord):
            telling[code] += 1
    return telling


def matrix_telling(
    vl: Vragenlijst, sleutel: str, antwoorden_lijst: Iterable[Antwoorden]
) -> dict[str, dict[str, int]]:
    """Row code → scale code → number of responses (Likert matrix)."""
    vraag, antwoorden = _geldige_antwoorden(vl, sleutel, antwoorden_lijst)
    if vraag.type != MATRIX:
        raise ValueError(f"question {sleutel} has type {vraag.type}, not a matrix")
    telling = {r.code: {s.code: 0 for s in vraag.schaal} for r in vraag.rijen}
    for antwoord in antwoorden:
        for rij, punt in antwoord.items():
            telling[rij][punt] += 1
    return telling


def getal_som(
    vl: Vragenlijst, sleutel: str, antwoorden_lijst: Iterable[Antwoorden]
) -> dict[str, int]:
    """Category code → sum of the numbers given (numbers per category); for
    a plain number question the one key is "totaal"."""
    vraag, antwoorden = _geldige_antwoorden(vl, sleutel, antwoorden_lijst)
    if vraag.type == GETAL:
        return {"totaal": sum(int(a) for a in antwoorden)}
    if vraag.type != GETALLEN_PER_CATEGORIE:
        raise ValueError(f"question {sleutel} has type {vraag.type}, not numbers")
    som = {r.code: 0 for r in vraag.rijen}
    for antwoord in antwoorden:
        for code, value in antwoord.items():
            som[code] += int(value)
    return som


def anders_teksten(
    vl: Vragenlijst, sleutel: str, antwoorden_lijst: Iterable[Antwoorden]
) -> list[str]:
    """The "Anders, namelijk" texts given, in response order (for the report's
    summary of "overige"; free text may hold names, so the report decides
    what it quotes)."""
    vraag, antwoorden = _geldige_antwoorden(vl, sleutel, antwoorden_lijst)
    if vraag.type == TEKST:
        return [str(a) for a in antwoorden]
    return [
        str(a["anders"]).strip()
        for a in antwoorden
        if isinstance(a, Mapping) and str(a.get("anders", "")).strip()
    ]


def _enkele_reeks(
    vl: Vragenlijst,
    grafiek: str,
    titel: str,
    antwoorden_lijst: Sequence[Antwoorden],
    *,
    zonder: Sequence[str] = (),
) -> Grafiekdata:
    vragen = vl.vragen_voor_grafiek(grafiek)
    if len(vragen) != 1:
        raise ValueError(f"version {vl.versie}: graph {grafiek} needs one question")
    vraag = vragen[0]
    telling = keuze_telling(vl, vraag.sleutel, antwoorden_lijst)
    opties = [o for o in vraag.opties if o.code not in zonder]
    return Grafiekdata(
        titel=titel,
        labels=tuple(o.label for o in opties),
        codes=tuple(o.code for o in opties),
        reeksen=(
            GrafiekReeks(
                naam=_("Aantal respondenten"),
                waarden=tuple(telling[o.code] for o in opties),
            ),
        ),
        n=aantal_respondenten(vl, vraag.sleutel, antwoorden_lijst),
        sleutels=(vraag.sleutel,),
    )


def grafiek_kenmerken_in_ontwikkeling(
    vl: Vragenlijst, antwoorden_lijst: Sequence[Antwoorden]
) -> Grafiekdata:
    """Graph 1: which of the ten kenmerken are still in development (LSP
    part), including "Alle kenmerken zijn bij ons al aanwezig"."""
    return _enkele_reeks(
        vl,
        "1",
        _(
            "Welke van de kenmerken van laagdrempelige steunpunten zijn volgens jou "
            "nog in ontwikkeling binnen jouw organisatie?"
        ),
        antwoorden_lijst,
    )


def grafiek_samenwerking_lsp(
    vl: Vragenlijst, antwoorden_lijst: Sequence[Antwoorden]
) -> Grafiekdata:
    """Graph 2: how often LSPs cooperate with other LSPs (LSP part)."""
    return _enkele_reeks(
        vl,
        "2",
        _("Samenwerking met andere laagdrempelige steunpunten"),
        antwoorden_lijst,
    )


def grafiek_samenwerking_per_thema(
    vl: Vragenlijst, antwoorden_lijst: Sequence[Antwoorden]
) -> Grafiekdata:
    """Graph 3: the themes LSPs cooperate on (LSP part)."""
    return _enkele_reeks(vl, "3", _("Samenwerking per thema"), antwoorden_lijst)


def grafiek_tevredenheid_partners(
    vl: Vragenlijst, antwoorden_lijst: Sequence[Antwoorden]
) -> Grafiekdata:
    """Graph 4: satisfaction with the cooperation between LSPs and each
    partner (coordinators' part): one label per partner question (its `kort`
    label), one series per satisfaction level, for a stacked chart."""
    vragen = vl.vragen_voor_grafiek("4")
    if not vragen:
        raise ValueError(f"version {vl.versie}: graph 4 has no questions")
    schaal = vragen[0].opties
    if any([o.code for o in v.opties] != [o.code for o in schaal] for v in vragen):
        raise ValueError(f"version {vl.versie}: graph 4 questions differ in options")
    tellingen = [keuze_telling(vl, v.sleutel, antwoorden_lijst) for v in vragen]
    return Grafiekdata(
        titel=_("Tevredenheid over samenwerking stakeholders"),
        labels=tuple(v.kort or v.tekst for v in vragen),
        codes=tuple(v.sleutel for v in vragen),
        reeksen=tuple(
            GrafiekReeks(naam=o.label, waarden=tuple(t[o.code] for t in tellingen))
            for o in schaal
        ),
        n=max(
            (aantal_respondenten(vl, v.sleutel, antwoorden_lijst) for v in vragen),
            default=0,
        ),
        sleutels=tuple(v.sleutel for v in vragen),
    )


def grafiek_nodig_netwerk_lsp(
    vl: Vragenlijst, antwoorden_lijst: Sequence[Antwoorden]
) -> Grafiekdata:
    """Graph 5: what is needed for a strong(er) network (LSP part)."""
    return _enkele_reeks(
        vl,
        "5",
        _(
            "Wat is er in jouw regio nodig om een sterk(er) netwerk van "
            "laagdrempelige steunpunten op te bouwen?"
        ),
        antwoorden_lijst,
    )


def grafiek_nodig_netwerk_coordinatoren(
    vl: Vragenlijst, antwoorden_lijst: Sequence[Antwoorden]
) -> Grafiekdata:
    """Graph 6: what is needed for a strong(er) network (coordinators' part)."""
    return _enkele_reeks(
        vl,
        "6",
        _(
            "Wat is er in jouw regio nodig om een sterk(er) netwerk van "
            "laagdrempelige steunpunten op te bouwen?"
        ),
        antwoorden_lijst,
    )


GRAFIEKEN = {
    "1": grafiek_kenmerken_in_ontwikkeling,
    "2": grafiek_samenwerking_lsp,
    "3": grafiek_samenwerking_per_thema,
    "4": grafiek_tevredenheid_partners,
    "5": grafiek_nodig_netwerk_lsp,
    "6": grafiek_nodig_netwerk_coordinatoren,
}
