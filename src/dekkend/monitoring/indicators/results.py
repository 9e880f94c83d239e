# SPDX-License-Identifier: EUPL-1.2
"""Results of the sociaal-verwijzen indicators (frozen dataclasses) and their JSON.

Two layers:

* `RawIndicators`: exact counts, for use inside the referral module only;
* `RegionIndicators`: what may be shown outside it, every figure a `Cel`
  after small-number suppression (see `suppression`), with `as_dict()` giving
  the JSON of `dekkend referral-indicators --json`.

What does not belong here: the arithmetic (`referrals`) and the suppression
rules (`suppression`).
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from dekkend.monitoring.indicators.model import IndicatorParameters


@dataclass(frozen=True)
class RawAreaFigures:
    """Exact figures of one gemeente or of the region (`gemeentecode` None).

    Not for display outside the referral module: counts are not suppressed.
    """

    gemeentecode: str | None
    inwoners: int
    verwijzingen: int
    verwijzingen_per_10k: float | None  # None without inhabitants or days
    streefwaarde_verwijzingen: float  # target count for the observed period
    aandeel_van_streefwaarde: float | None
    n_eerste_contact: int
    mediaan_dagen_tot_eerste_contact: float | None
    n_terugkoppeling_beoordeeld: int  # answered, plus overdue without answer
    n_terugkoppeling_op_tijd: int
    aandeel_eerste_terugkoppeling_op_tijd: float | None
    n_afgesloten: int
    n_afgesloten_met_terugkoppeling: int
    aandeel_afgesloten_met_terugkoppeling: float | None
    te_laat_zonder_terugkoppeling: int
    verbindingen_per_soort: tuple[tuple[str, int], ...]
    uitkomsten: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class RawIndicators:
    parameters: IndicatorParameters
    totaal: RawAreaFigures
    gemeenten: tuple[RawAreaFigures, ...]  # sorted by gemeentecode


@dataclass(frozen=True)
class Cel:
    """One published figure: `waarde` is None when suppressed
    (`onderdrukt` True) or when it cannot be computed (`onderdrukt` False,
    e.g. a share of zero referrals)."""

    waarde: int | float | None
    onderdrukt: bool = False


def _rounded(cell: Cel, digits: int) -> int | float | None:
    if isinstance(cell.waarde, float):
        return round(cell.waarde, digits)
    return cell.waarde


@dataclass(frozen=True)
class AreaIndicators:
    """The published indicators of one gemeente or of the region total."""

    gemeentecode: str | None
    inwoners: int
    verwijzingen: Cel
    verwijzingen_per_10k: Cel  # referrals per 10,000 inhabitants a year
    streefwaarde_verwijzingen: float  # target count for the observed period
    aandeel_van_streefwaarde: Cel  # verwijzingen / streefwaarde_verwijzingen
    mediaan_dagen_tot_eerste_contact: Cel  # calendar days
    aandeel_eerste_terugkoppeling_op_tijd: Cel
    aandeel_afgesloten_met_terugkoppeling: Cel
    te_laat_zonder_terugkoppeling: Cel
    verbindingen_per_soort: tuple[tuple[str, Cel], ...]
    uitkomsten: tuple[tuple[str, Cel], ...]

    def as_dict(self) -> dict[str, Any]:
        """The measures as JSON-ready values: every cell `name` comes with a
        sibling `name_onderdrukt`; floats are rounded for display (shares to
        4 decimals, rates and targets to 2, the median to 1)."""
        out: dict[str, Any] = {}
        if self.gemeentecode is not None:
            out["gemeentecode"] = self.gemeentecode
        out["inwoners"] = self.inwoners
        cells: tuple[tuple[str, Cel, int], ...] = (
            ("verwijzingen", self.verwijzingen, 0),
            ("verwijzingen_per_10k", self.verwijzingen_per_10k, 2),
            ("aandeel_van_streefwaarde", self.aandeel_van_streefwaarde, 4),
            (
                "mediaan_dagen_tot_eerste_contact",
                self.mediaan_dagen_tot_eerste_contact,
                1,
            ),
            (
                "aandeel_eerste_terugkoppeling_op_tijd",
                self.aandeel_eerste_terugkoppeling_op_tijd,
                4,
            ),
            (
                "aandeel_afgesloten_met_terugkoppeling",
                self.aandeel_afgesloten_met_terugkoppeling,
                4,
            ),
            ("te_laat_zonder_terugkoppeling", self.te_laat_zonder_terugkoppeling, 0),
        )
        for name, cell, digits in cells:
            out[name] = _rounded(cell, digits)
            out[f"{name}_onderdrukt"] = cell.onderdrukt
            if name == "verwijzingen_per_10k":
                target = round(self.streefwaarde_verwijzingen, 2)
                out["streefwaarde_verwijzingen"] = target
        for name, pairs in (
            ("verbindingen_per_soort", self.verbindingen_per_soort),
            ("uitkomsten", self.uitkomsten),
        ):
            out[name] = {code: cell.waarde for code, cell in pairs}
            out[f"{name}_onderdrukt"] = {code: cell.onderdrukt for code, cell in pairs}
        return out


@dataclass(frozen=True)
class RegionIndicators:
    """The published indicators of a region and its gemeenten.

    `as_dict()` has the keys `regio`, `periode` (`start`, `eind`), `drempel`,
    `totaal` (the measures of `AreaIndicators.as_dict`) and `gemeenten` (the
    same measures plus `gemeentecode`, sorted by code).
    """

    parameters: IndicatorParameters
    totaal: AreaIndicators
    gemeenten: tuple[AreaIndicators, ...]  # sorted by gemeentecode

    def as_dict(
        self,
        *,
        gemeentenamen: Mapping[str, str] | None = None,
        with_parameters: bool = False,
    ) -> dict[str, Any]:
        """The JSON printed by `dekkend referral-indicators --json`.

        Args:
            gemeentenamen: when given, each gemeente row gets a `naam`.
            with_parameters: add a `parameters` object (peildatum, term,
                target, 5 May rule) for storing with an analysis run.
        """
        params = self.parameters
        rows = []
        for area in self.gemeenten:
            row = area.as_dict()
            if gemeentenamen is not None and area.gemeentecode is not None:
                row = {
                    "gemeentecode": area.gemeentecode,
                    "naam": gemeentenamen.get(area.gemeentecode),
                    **row,
                }
            rows.append(row)
        out: dict[str, Any] = {
            "regio": params.regio,
            "periode": {
                "start": params.start.isoformat(),
                "eind": params.end.isoformat(),
            },
            "drempel": params.drempel,
            # Counts are multiples of this; areas sum their gemeenten's.
            "afronding": params.drempel,
            "totaal": self.totaal.as_dict(),
            "gemeenten": rows,
        }
        if with_parameters:
            out["parameters"] = {
                "peildatum": params.peildatum.isoformat(),
                "periode_jaren": round(params.periode_jaren, 6),
                "termijn_werkdagen": params.termijn_werkdagen,
                "streefwaarde_per_10k": params.streefwaarde_per_10k,
                "bevrijdingsdag": params.bevrijdingsdag,
                "feestdagen": None
                if params.feestdagen is None
                else [d.isoformat() for d in params.feestdagen],
                "zonder_terugkoppelplicht": sorted(params.zonder_terugkoppelplicht),
            }
        return out
