# SPDX-License-Identifier: EUPL-1.2
"""Plain context for the coverage pages: rows, bar widths and maps are
computed here so the templates do no arithmetic."""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from dekkend.coverage.analysis import advisor
from dekkend.coverage.analysis.aggregate import RegioTotaal
from dekkend.coverage.constants import BASISFUNCTIONALITEITEN, REALISATIE_INDICATOREN
from dekkend.coverage.models import Realisatie
from dekkend.regions import svgmap
from dekkend.regions.models import Gemeente
from dekkend.register.maps import regio_map


@dataclass(frozen=True)
class Balk:
    label: str
    waarde: float
    tekst: str
    breedte_pct: float
    href: str = ""


def balken(
    items: Iterable[tuple[str, float, str, str]], *, maximum: float | None = None
) -> list[Balk]:
    """Horizontal bars: (label, value, text, href) scaled to the largest value."""
    rows = list(items)
    top = (
        maximum if maximum is not None else max((v for _, v, _, _ in rows), default=0.0)
    )
    return [
        Balk(label, v, tekst, round(100 * v / top, 1) if top else 0.0, href)
        for label, v, tekst, href in rows
    ]


def pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.0f}%".replace(".", ",")


def gemeente_map(
    results: Sequence[Mapping[str, Any]],
    lsp_points: Sequence[svgmap.Punt],
    *,
    naam: str = "",
) -> svgmap.Kaart:
    """The gemeenten of `results`, those without an LSP in orange, named
    (register/maps.py `regio_map`); `naam` is the region's name in the map's
    accessible name."""
    codes = {r["gemeentecode"]: r for r in results}
    vlakken, zonder = [], set()
    for g in Gemeente.objects.filter(code__in=codes).only("code", "naam", "geometrie"):
        if g.geometrie:
            vlakken.append((g.geometrie, g.naam))
            if not codes[g.code]["heeft_lsp"]:
                zonder.add(g.naam)
    return regio_map(
        naam=naam or str(_("Nederland")),
        gemeenten=vlakken,
        zonder=zonder,
        punten=lsp_points,
    )


@dataclass(frozen=True)
class StreefwaardeRij:
    basisfunctionaliteit: str
    label: str
    waarde: str
    eenheid: str
    bron: str
    realisatie: str
    status: str


def _fmt(value: float) -> str:
    text = f"{value:,.1f}" if value % 1 else f"{value:,.0f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def streefwaarde_rijen(
    streefwaarden: Mapping[str, Mapping[str, Mapping[str, Any]]],
    realisaties: Mapping[tuple[str, str], Realisatie],
) -> list[StreefwaardeRij]:
    """One row per target; actual figures next to the target they answer."""
    realisatie_by_doel: dict[tuple[str, str], tuple[Realisatie, tuple[str, ...]]] = {}
    for ind in REALISATIE_INDICATOREN:
        r = realisaties.get((ind.basisfunctionaliteit, ind.sleutel))
        if r is not None:
            realisatie_by_doel[(ind.basisfunctionaliteit, ind.doel[0])] = (r, ind.doel)
    rows = []
    for bf, values in streefwaarden.items():
        for key, sw in values.items():
            tekst, status = "", ""
            if (bf, key) in realisatie_by_doel:
                r, doel = realisatie_by_doel[(bf, key)]
                low = values[doel[0]]["waarde"]
                high = values[doel[-1]]["waarde"]
                tekst = f"{_fmt(r.waarde)} ({r.jaar})"
                status = "gehaald" if r.waarde >= low else "onder"
                if len(doel) > 1 and r.waarde > high:
                    status = "boven"
            rows.append(
                StreefwaardeRij(
                    str(BASISFUNCTIONALITEITEN.get(bf, bf)),
                    sw["label"],
                    _fmt(sw["waarde"]),
                    sw["eenheid"],
                    sw["bron"],
                    tekst,
                    status,
                )
            )
    return rows


REDEN_LABELS = {
    advisor.REDEN_PER_GEMEENTE: _("minimaal één LSP per gemeente"),
    advisor.REDEN_NABIJHEID: _("nabijheid"),
    advisor.REDEN_CAPACITEIT: _("capaciteit tegen behoefte"),
}


def redenen(codes: Iterable[str]) -> str:
    return "; ".join(str(REDEN_LABELS.get(c, c)) for c in codes)


VOOR_NA_LABELS = {
    "aandeel_binnen_km": "Aandeel inwoners binnen de afstand",
    "capaciteit_personen": "Capaciteit (personen per jaar)",
    "behoefte_personen": "Behoefte (personen)",
    "gemeenten_zonder_lsp": "Gemeenten zonder LSP",
    "aantal_lsp": "Aantal LSP",
    "afstand_km": "Afstand (km)",
}


def voor_na(
    voor: Mapping[str, float], na: Mapping[str, float]
) -> list[tuple[str, str, str]]:
    rows = []
    for key, label in VOOR_NA_LABELS.items():
        if key in voor:
            fmt = pct if key.startswith("aandeel") else _fmt
            rows.append((label, fmt(voor[key]), fmt(na.get(key, voor[key]))))
    return rows


def regio_href(indeling: str, code: str) -> str:
    return reverse("coverage:regio", kwargs={"indeling": indeling, "code": code})


def regio_balken(
    totals: Sequence[RegioTotaal], codes: Mapping[str, str], indeling: str, key: str
) -> list[Balk]:
    return balken(
        (
            t.regio,
            t.aandeel_inwoners_binnen_km.get(key, 0.0),
            pct(t.aandeel_inwoners_binnen_km.get(key)),
            regio_href(indeling, codes[t.regio]),
        )
        for t in totals
    )
