# SPDX-License-Identifier: EUPL-1.2
"""Reads of the monitoring app: the published referral indicators of a
region (per gemeente and in total) or of a whole division (per region and in
total), for the page, the export, the API and the command line.

Everything returned has passed small-number suppression
(`indicators.suppression`); exact counts never leave this module. Who may
see which region is decided by the callers with
`permissions.can_view_indicatoren`; the command line is trusted.
"""

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import Any

from django.db.models import Min
from django.utils import timezone

from dekkend.coverage.constants import VERSION_SOURCE as COVERAGE
from dekkend.coverage.selectors import parameters_for
from dekkend.monitoring import facts
from dekkend.monitoring.indicators import (
    IndicatorParameters,
    RegionIndicators,
    publish,
    raw_indicators_from_counts,
)
from dekkend.referrals.constants import (
    TERMIJN_EERSTE_TERUGKOPPELING_WERKDAGEN,
    version_source_of_year,
)
from dekkend.referrals.constants import VERSION_SOURCE as REFERRALS
from dekkend.referrals.models import Verwijzing
from dekkend.referrals.selectors import termijnen_per_gemeente
from dekkend.regions.constants import INDELING_ZORGKANTOOR
from dekkend.regions.constants import VERSION_SOURCE as REGIONS
from dekkend.regions.models import Gemeente, Indeling, Regio, RegioGemeente, RegioLid
from dekkend.regions.selectors import inwoners_per_gemeente
from dekkend.versions.cache import cached

# The parameter of the coverage analysis that holds the referral target
# (003 §7: 60 referrals per 10,000 inhabitants a year).
STREEFWAARDE_SLEUTEL = "sv_verwijzingen_per_10k"
# Years that can be asked for: from this one up to the current year.
EERSTE_JAAR = 2000
STANDAARD_TERMIJN_WERKDAGEN = TERMIJN_EERSTE_TERUGKOPPELING_WERKDAGEN
# What the indicators read besides the year's referrals: gemeenten,
# population and divisions; the targets; regional terms and bulk writes.
INDICATOR_SOURCES = (REGIONS, COVERAGE, REFERRALS)


@dataclass(frozen=True)
class VerwijsIndicatoren:
    """The published indicators of one region or of a whole division.

    `indicatoren.gemeenten` holds one row per gemeente of the region, or one
    row per region in the national view; its `gemeentecode` is then the
    region's code. `namen` gives the name of every row's code.
    """

    indeling: Indeling
    regio: Regio | None
    jaar: int
    peildatum: date
    indicatoren: RegionIndicators
    namen: Mapping[str, str]
    termijnen_werkdagen: tuple[int, ...]  # every feedback term that applied

    @property
    def landelijk(self) -> bool:
        return self.regio is None

    def as_dict(self) -> dict[str, Any]:
        """The JSON of `dekkend referral-indicators --json` and the API:
        suppressed cells are null with a `…_onderdrukt` flag beside them."""
        data = self.indicatoren.as_dict(gemeentenamen=self.namen, with_parameters=True)
        rows = data.pop("gemeenten")
        data["parameters"]["termijnen_werkdagen"] = list(self.termijnen_werkdagen)
        out: dict[str, Any] = {
            "indeling": self.indeling.naam,
            "niveau": "landelijk" if self.landelijk else "regio",
            "regiocode": None if self.regio is None else self.regio.code,
            "jaar": self.jaar,
            **data,
        }
        if self.landelijk:
            out["regios"] = [
                {"regiocode": row.pop("gemeentecode"), **row} for row in rows
            ]
        else:
            out["gemeenten"] = rows
        return out


def _termijnen(gemeenten: list[Gemeente]) -> dict[str, int]:
    """The feedback term per gemeente code, by the rule the reminders use
    (`referrals.selectors.termijnen_per_gemeente`): the region's own, the
    shortest where divisions differ, else the default."""
    per_id = termijnen_per_gemeente(veld="termijn_eerste_terugkoppeling_werkdagen")
    return {g.code: per_id.get(g.pk, STANDAARD_TERMIJN_WERKDAGEN) for g in gemeenten}


def referral_indicators(
    *,
    indeling: Indeling,
    regio: Regio | None,
    jaar: int,
    peildatum: date | None = None,
) -> VerwijsIndicatoren:
    """The referral indicators of calendar year `jaar`.

    Args:
        indeling: the division; `regio` must belong to it.
        regio: a region: one row per gemeente, against the region's own
            target. None: every region of the division, one row each, against
            the national target. Feedback is judged per gemeente against the
            term the reminders use (`referrals.selectors.termijnen_per_gemeente`;
            default 10 working days).
        jaar: the calendar year of sending.
        peildatum: what is known on this day counts (default: today); for
            the current year the rate is annualised over the days observed.

    Raises:
        ValueError: when `regio` is not in `indeling`.
    """
    peildatum = peildatum or timezone.localdate()
    if regio is not None and regio.indeling_id != indeling.pk:
        raise ValueError("regio is not part of this indeling")

    def compute() -> tuple[RegionIndicators, Mapping[str, str], tuple[int, ...]]:
        found = (
            _regional(indeling, regio, jaar, peildatum)
            if regio is not None
            else _national(indeling, jaar, peildatum)
        )
        return found.indicatoren, found.namen, found.termijnen_werkdagen

    # Kept per process until a referral of that year, a regional term, the
    # gemeenten or the targets change (`versions.cache`): a year's figures
    # are asked for far more often than they change.
    indicatoren, namen, termijnen = cached(
        (
            "monitoring.referral_indicators",
            indeling.pk,
            None if regio is None else regio.pk,
            jaar,
            peildatum,
        ),
        compute,
        sources=INDICATOR_SOURCES,
        sharded=(version_source_of_year(jaar),),
    )
    return VerwijsIndicatoren(
        indeling=indeling,
        regio=regio,
        jaar=jaar,
        peildatum=peildatum,
        indicatoren=indicatoren,
        namen=namen,
        termijnen_werkdagen=termijnen,
    )


def _regional(
    indeling: Indeling, regio: Regio, jaar: int, peildatum: date
) -> VerwijsIndicatoren:
    gemeenten = list(
        Gemeente.objects.filter(regiogemeente__regio=regio)
        .only("pk", "code", "naam")
        .order_by("code")
    )
    termijnen = _termijnen(gemeenten)
    parameters = IndicatorParameters.kalenderjaar(
        regio.naam,
        jaar,
        peildatum=peildatum,
        termijn_werkdagen=min(termijnen.values(), default=STANDAARD_TERMIJN_WERKDAGEN),
        streefwaarde_per_10k=float(parameters_for(regio)[STREEFWAARDE_SLEUTEL]),
    )
    counts = facts.referral_counts(
        gemeenten=gemeenten, parameters=parameters, termijnen=termijnen
    )
    inwoners = inwoners_per_gemeente(gemeenten=gemeenten, jaar=jaar)
    raw = raw_indicators_from_counts(counts, inwoners, parameters)
    return VerwijsIndicatoren(
        indeling=indeling,
        regio=regio,
        jaar=jaar,
        peildatum=peildatum,
        indicatoren=publish(raw),
        namen=MappingProxyType({g.code: g.naam for g in gemeenten}),
        termijnen_werkdagen=tuple(sorted(set(termijnen.values())))
        or (STANDAARD_TERMIJN_WERKDAGEN,),
    )


def _national(indeling: Indeling, jaar: int, peildatum: date) -> VerwijsIndicatoren:
    regios = list(Regio.objects.filter(indeling=indeling).order_by("code"))
    leden: dict[str, list[str]] = defaultdict(list)
    gemeenten: list[Gemeente] = []
    for lid in (
        RegioGemeente.objects.filter(indeling=indeling)
        .select_related("gemeente", "regio")
        .only("regio__code", "regio_id", "gemeente__code", "gemeente__naam")
        .order_by("gemeente__code")
    ):
        gemeenten.append(lid.gemeente)
        leden[lid.regio.code].append(lid.gemeente.code)
    termijn_per_gemeente = _termijnen(gemeenten)
    parameters = IndicatorParameters.kalenderjaar(
        indeling.titel,
        jaar,
        peildatum=peildatum,
        termijn_werkdagen=STANDAARD_TERMIJN_WERKDAGEN,
        streefwaarde_per_10k=float(parameters_for(None)[STREEFWAARDE_SLEUTEL]),
    )
    counts = facts.referral_counts(
        gemeenten=gemeenten, parameters=parameters, termijnen=termijn_per_gemeente
    )
    per_gemeente = inwoners_per_gemeente(gemeenten=gemeenten, jaar=jaar)
    inwoners = {
        r.code: sum(per_gemeente[code] for code in leden.get(r.code, ()))
        for r in regios
    }
    groepen = {r.code: leden.get(r.code, []) for r in regios}
    raw = raw_indicators_from_counts(counts.regroup(groepen), inwoners, parameters)
    # A region's counts are the sums of its gemeenten's published counts, the
    # same ones every regional view shows (ADR 0015).
    atoms = {
        area.gemeentecode: area
        for area in raw_indicators_from_counts(
            counts, per_gemeente, parameters
        ).gemeenten
    }
    return VerwijsIndicatoren(
        indeling=indeling,
        regio=None,
        jaar=jaar,
        peildatum=peildatum,
        indicatoren=publish(
            raw,
            leden={
                code: [atoms[g] for g in members] for code, members in groepen.items()
            },
        ),
        namen=MappingProxyType({r.code: r.naam for r in regios}),
        termijnen_werkdagen=tuple(sorted(set(termijn_per_gemeente.values())))
        or (STANDAARD_TERMIJN_WERKDAGEN,),
    )


def beschikbare_jaren(*, vandaag: date | None = None) -> list[int]:
    """Years to choose from: from the first referral's year to this year,
    newest first (this year and last year when there are none yet)."""
    vandaag = vandaag or timezone.localdate()
    first = Verwijzing.objects.aggregate(eerste=Min("aangemaakt_op"))["eerste"]
    begin = (
        vandaag.year - 1
        if first is None
        else min(timezone.localdate(first).year, vandaag.year - 1)
    )
    return list(range(vandaag.year, begin - 1, -1))


def standaard_jaar(*, vandaag: date | None = None) -> int:
    """The year shown first: the last complete calendar year."""
    return (vandaag or timezone.localdate()).year - 1


def standaard_regio(*, user: Any) -> Regio | None:
    """The region shown first: the user's own (the first by name in the
    zorgkantoor division, else in any division); None for the national view
    of someone without a region."""
    lidmaatschappen = RegioLid.objects.filter(user=user).select_related(
        "regio__indeling"
    )
    eigen = [lid.regio for lid in lidmaatschappen]
    eigen.sort(key=lambda r: (r.indeling.naam != INDELING_ZORGKANTOOR, r.naam))
    return eigen[0] if eigen else None


def standaard_indeling() -> Indeling | None:
    """The division of the national view: the zorgkantoor regions."""
    return (
        Indeling.objects.filter(naam=INDELING_ZORGKANTOOR).first()
        or Indeling.objects.order_by("titel").first()
    )
