# SPDX-License-Identifier: EUPL-1.2
"""Region totals from per-gemeente results, for side-by-side national views.

Shares are re-weighted with each gemeente's PC4 population, so a region's
share equals what `analyse` would give for that region alone.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from dekkend.coverage.analysis.model import LSP_TYPES, GemeenteResult


@dataclass(frozen=True)
class RegioTotaal:
    regio: str
    inwoners: int
    gemeenten: int
    gemeenten_zonder_lsp: int
    lsp_per_type: dict[str, int]
    aandeel_inwoners_binnen_km: dict[str, float]
    behoefte_personen: float
    capaciteit_personen: float

    @property
    def lsp_totaal(self) -> int:
        return sum(self.lsp_per_type.values())

    @property
    def capaciteit_dekking(self) -> float | None:
        return (
            round(self.capaciteit_personen / self.behoefte_personen, 4)
            if self.behoefte_personen
            else None
        )


def per_regio(
    results: Iterable[GemeenteResult], membership: Mapping[str, str]
) -> list[RegioTotaal]:
    """Group gemeente results by `membership` (gemeentecode → regio name);
    gemeenten outside it are left out. Sorted by region name."""
    groups: dict[str, list[GemeenteResult]] = {}
    for r in results:
        if r.code in membership:
            groups.setdefault(membership[r.code], []).append(r)
    totals = []
    for regio, rows in sorted(groups.items()):
        weight = sum(r.pc4_inwoners for r in rows)
        keys = rows[0].aandeel_inwoners_binnen_km.keys()
        totals.append(
            RegioTotaal(
                regio=regio,
                inwoners=sum(r.inwoners for r in rows),
                gemeenten=len(rows),
                gemeenten_zonder_lsp=sum(1 for r in rows if not r.heeft_lsp),
                lsp_per_type={
                    t: sum(r.lsp_per_type[t] for r in rows) for t in LSP_TYPES
                },
                aandeel_inwoners_binnen_km={
                    k: round(
                        sum(
                            r.aandeel_inwoners_binnen_km[k] * r.pc4_inwoners
                            for r in rows
                        )
                        / weight,
                        4,
                    )
                    if weight
                    else 0.0
                    for k in keys
                },
                behoefte_personen=round(sum(r.behoefte_personen for r in rows), 1),
                capaciteit_personen=sum(r.capaciteit_personen for r in rows),
            )
        )
    return totals
