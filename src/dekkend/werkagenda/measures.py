# SPDX-License-Identifier: EUPL-1.2
"""The measures (maatstaven) Dekkend computes for a SMART goal, their
realised value per year, and the on-track rule.

Every value comes from the app that owns the figure: LSP counts from the
register (`register.selectors.regio_lsp_overview` on 31 December of the year,
or today for the current year), the share within 10 km from the stored
coverage runs of that year (`coverage.selectors.analysis_runs`; for the
current year without a stored run a recompute through
`coverage.services.analysis_compute`), referrals from the published
indicators (`monitoring.selectors.referral_indicators`, suppressed cells stay
suppressed). Goals on a measure not listed here take the values the region
enters (`DoelRealisatie`) with their source.

On-track rule: in a year with an ingroeipad value, a realised value at or
above it is "op koers", below it "achter". The goal's status is that of the
latest year with both a realised and an ingroeipad value; without one it has
no status yet. All measures here grow towards their target.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from dekkend.coverage.selectors import analysis_runs
from dekkend.coverage.services import analysis_compute
from dekkend.monitoring.selectors import referral_indicators
from dekkend.regions.models import Regio
from dekkend.register.selectors import regio_lsp_overview

OP_KOERS = "op_koers"
ACHTER = "achter"


@dataclass(frozen=True)
class Maatstaf:
    sleutel: str
    label: Any  # lazy translation
    eenheid: str
    bron: str


MAATSTAVEN: dict[str, Maatstaf] = {
    m.sleutel: m
    for m in (
        Maatstaf(
            "lsp.gemeenten_met_lsp",
            gettext_lazy("Gemeenten met ten minste één LSP"),
            "gemeenten",
            "Register van Dekkend",
        ),
        Maatstaf(
            "lsp.locaties",
            gettext_lazy("Aantal LSP-locaties"),
            "locaties",
            "Register van Dekkend",
        ),
        Maatstaf(
            "lsp.aandeel_binnen_10km",
            gettext_lazy("Aandeel inwoners binnen 10 km van een LSP"),
            "%",
            "Dekkingsanalyse",
        ),
        Maatstaf(
            "sv.verwijzingen_per_10000",
            gettext_lazy("Verwijzingen sociaal verwijzen per 10.000 inwoners"),
            "per 10.000 inwoners",
            "Indicatoren sociaal verwijzen",
        ),
        Maatstaf(
            "sv.terugkoppeling_op_tijd",
            gettext_lazy("Aandeel eerste terugkoppeling op tijd"),
            "%",
            "Indicatoren sociaal verwijzen",
        ),
    )
}


def maatstaf_choices() -> list[tuple[str, str]]:
    return [(m.sleutel, str(m.label)) for m in MAATSTAVEN.values()]


@dataclass(frozen=True)
class Meting:
    """A realised value: `waarde` None when unknown or suppressed."""

    jaar: int
    waarde: float | None
    tekst: str
    bron: str
    onderdrukt: bool = False


def _fmt(value: float) -> str:
    text = f"{value:.1f}" if value % 1 else f"{value:.0f}"
    return text.replace(".", ",")


@dataclass
class Metingen:
    """Realised values of one region, computed once per (measure, year)."""

    regio: Regio
    vandaag: date = field(default_factory=timezone.localdate)
    _cache: dict[tuple[str, int], Meting | None] = field(default_factory=dict)

    def peildatum(self, jaar: int) -> date:
        return min(date(jaar, 12, 31), self.vandaag)

    def get(self, sleutel: str, jaar: int) -> Meting | None:
        """The realised value of measure `sleutel` in `jaar`; None for a
        year still to come or a measure Dekkend does not compute."""
        if sleutel not in MAATSTAVEN or jaar > self.vandaag.year:
            return None
        key = (sleutel, jaar)
        if key not in self._cache:
            self._cache[key] = _COMPUTE[sleutel](self, jaar)
        return self._cache[key]

    def jaren(self, periode_van: int, periode_tot: int) -> list[int]:
        """The baseline year before the period, and every year of it up to now."""
        return list(range(periode_van - 1, min(periode_tot, self.vandaag.year) + 1))


def _gemeenten_met_lsp(m: Metingen, jaar: int) -> Meting:
    peildatum = m.peildatum(jaar)
    overzicht = regio_lsp_overview(regio=m.regio, peildatum=peildatum)
    met = len(overzicht.gemeenten) - len(overzicht.zonder_lsp)
    return Meting(
        jaar,
        float(met),
        _("%(met)s van %(totaal)s gemeenten")
        % {"met": met, "totaal": len(overzicht.gemeenten)},
        _("Register van Dekkend, stand %(datum)s") % {"datum": peildatum.isoformat()},
    )


def _locaties(m: Metingen, jaar: int) -> Meting:
    peildatum = m.peildatum(jaar)
    overzicht = regio_lsp_overview(regio=m.regio, peildatum=peildatum)
    totaal = overzicht.totaal["totaal"]
    return Meting(
        jaar,
        float(totaal),
        _("%(n)s locaties") % {"n": totaal},
        _("Register van Dekkend, stand %(datum)s") % {"datum": peildatum.isoformat()},
    )


def _binnen_10km(m: Metingen, jaar: int) -> Meting | None:
    runs = [r for r in analysis_runs(m.regio, limit=100) if r.peildatum.year == jaar]
    if runs:
        run = max(runs, key=lambda r: (r.peildatum, r.pk))
        aandeel = run.resultaat["aandeel_inwoners_binnen_km"].get("10")
        bron = _("Dekkingsanalyse van %(datum)s, run %(run)s") % {
            "datum": run.peildatum.isoformat(),
            "run": run.pk,
        }
    elif jaar == m.vandaag.year:
        _inp, result = analysis_compute(
            indeling=m.regio.indeling, regio=m.regio, peildatum=m.vandaag
        )
        aandeel = result.aandeel_inwoners_binnen_km.get("10")
        bron = _("Dekkingsanalyse berekend op %(datum)s (niet bewaard)") % {
            "datum": m.vandaag.isoformat()
        }
    else:
        return None
    if aandeel is None:
        return None
    pct = round(100 * float(aandeel), 1)
    return Meting(jaar, pct, f"{_fmt(pct)}%", bron)


def _indicator(cel_naam: str, procent: bool) -> Callable[[Metingen, int], Meting]:
    def compute(m: Metingen, jaar: int) -> Meting:
        data = referral_indicators(
            indeling=m.regio.indeling, regio=m.regio, jaar=jaar, peildatum=m.vandaag
        )
        cel = getattr(data.indicatoren.totaal, cel_naam)
        bron = _("Indicatoren sociaal verwijzen %(jaar)s, stand %(datum)s") % {
            "jaar": jaar,
            "datum": m.vandaag.isoformat(),
        }
        if cel.onderdrukt:
            return Meting(jaar, None, _("minder dan 5 (onderdrukt)"), bron, True)
        if cel.waarde is None:
            return Meting(jaar, None, _("geen gegevens"), bron)
        value = float(cel.waarde) * (100 if procent else 1)
        value = round(value, 1)
        return Meting(jaar, value, _fmt(value) + ("%" if procent else ""), bron)

    return compute


_COMPUTE: dict[str, Callable[[Metingen, int], Meting | None]] = {
    "lsp.gemeenten_met_lsp": _gemeenten_met_lsp,
    "lsp.locaties": _locaties,
    "lsp.aandeel_binnen_10km": _binnen_10km,
    "sv.verwijzingen_per_10000": _indicator("verwijzingen_per_10k", procent=False),
    "sv.terugkoppeling_op_tijd": _indicator(
        "aandeel_eerste_terugkoppeling_op_tijd", procent=True
    ),
}


def on_track(realised: float | None, ingroeipad: float | None) -> str:
    """ "op_koers" when `realised` ≥ `ingroeipad`, "achter" below it, ""
    when either is unknown."""
    if realised is None or ingroeipad is None:
        return ""
    return OP_KOERS if realised >= ingroeipad else ACHTER


@dataclass(frozen=True)
class JaarVoortgang:
    jaar: int
    ingroeipad: float | None
    realisatie: float | None
    tekst: str
    bron: str
    status: str


@dataclass(frozen=True)
class Voortgang:
    jaren: tuple[JaarVoortgang, ...]

    @property
    def status(self) -> str:
        """The status of the latest year that has one."""
        for jaar in reversed(self.jaren):
            if jaar.status:
                return jaar.status
        return ""

    @property
    def samenvatting(self) -> str:
        for jaar in reversed(self.jaren):
            if jaar.realisatie is not None or jaar.tekst:
                status = {OP_KOERS: _("op koers"), ACHTER: _("achter")}.get(jaar.status)
                return _("gerealiseerd %(jaar)s: %(tekst)s") % {
                    "jaar": jaar.jaar,
                    "tekst": jaar.tekst,
                } + (f" ({status})" if status else "")
        return ""


def doel_voortgang(doelstelling: Any, metingen: Metingen) -> Voortgang:
    """Per year (the baseline year and the period up to now): the ingroeipad
    value, the realised value (computed, or entered by the region) and the
    on-track status."""
    wa = doelstelling.werkagenda
    pad = {r.jaar: r.waarde for r in doelstelling.ingroeipad.all()}
    ingevoerd = {r.jaar: r for r in doelstelling.realisaties.all()}
    rows = []
    jaren = sorted(set(metingen.jaren(wa.periode_van, wa.periode_tot)) | set(ingevoerd))
    for jaar in jaren:
        meting: Meting | None = None
        if doelstelling.maatstaf in MAATSTAVEN:
            meting = metingen.get(doelstelling.maatstaf, jaar)
        elif jaar in ingevoerd:
            r = ingevoerd[jaar]
            meting = Meting(jaar, r.waarde, _fmt(r.waarde), r.bron)
        rows.append(
            JaarVoortgang(
                jaar=jaar,
                ingroeipad=pad.get(jaar),
                realisatie=meting.waarde if meting else None,
                tekst=meting.tekst if meting else "",
                bron=meting.bron if meting else "",
                status=on_track(meting.waarde if meting else None, pad.get(jaar)),
            )
        )
    return Voortgang(tuple(rows))
