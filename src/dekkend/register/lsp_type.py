# SPDX-License-Identifier: EUPL-1.2
"""LSP size classes from opening half-days, and the elements each class needs.

Plain Python, no Django. The classes are those the 2025 monitor used to sort
locations (001 §4.2, after Table 3): groot 8–14, middelgroot 4–7 and klein 1–3
dagdelen per week. Table 3 itself prints "3 tot en met 7" and "1-2" for middel
and klein; the report's own classification, which the issue and 000 §5 follow,
puts 3 dagdelen in klein. A location without a known schedule is `onbekend`.
"""

from collections.abc import Iterable
from dataclasses import dataclass

GROOT = "groot"
MIDDEL = "middel"
KLEIN = "klein"
ONBEKEND = "onbekend"

LSP_TYPES = (GROOT, MIDDEL, KLEIN, ONBEKEND)

INLOOP = "inloop"
DOOR_EN_VOOR = "door_en_voor"
HERSTELAANBOD = "herstelaanbod"
GROEIVIJVER = "groeivijver"
ELEMENTS = (INLOOP, DOOR_EN_VOOR, HERSTELAANBOD, GROEIVIJVER)


@dataclass(frozen=True)
class TypeNorm:
    """Indicative figures of one LSP type (001 Table 3, 000 §5)."""

    dagdelen_min: int
    dagdelen_max: int
    bezoekers_per_dag_min: int
    bezoekers_per_dag_max: int
    unieke_bezoekers_min: int
    unieke_bezoekers_max: int
    required_elements: frozenset[str]


NORMS: dict[str, TypeNorm] = {
    GROOT: TypeNorm(8, 14, 30, 80, 500, 1500, frozenset(ELEMENTS)),
    MIDDEL: TypeNorm(4, 7, 10, 30, 50, 500, frozenset(ELEMENTS)),
    KLEIN: TypeNorm(1, 3, 5, 30, 20, 50, frozenset({INLOOP, DOOR_EN_VOOR})),
}


def classify_dagdelen(dagdelen_per_week: int | None) -> str:
    """Return the LSP type for a number of opening half-days per week.

    More than 14 half-days (possible with evenings) is still `groot`.

    >>> classify_dagdelen(9), classify_dagdelen(4), classify_dagdelen(3)
    ('groot', 'middel', 'klein')
    >>> classify_dagdelen(0), classify_dagdelen(None)
    ('onbekend', 'onbekend')
    """
    if dagdelen_per_week is None or dagdelen_per_week <= 0:
        return ONBEKEND
    if dagdelen_per_week >= NORMS[GROOT].dagdelen_min:
        return GROOT
    if dagdelen_per_week >= NORMS[MIDDEL].dagdelen_min:
        return MIDDEL
    return KLEIN


def missing_elements(lsp_type: str, present: Iterable[str]) -> list[str]:
    """Elements the type asks for that are not present, in canonical order.

    >>> missing_elements("klein", ["inloop"])
    ['door_en_voor']
    """
    norm = NORMS.get(lsp_type)
    if norm is None:
        return []
    have = set(present)
    return [e for e in ELEMENTS if e in norm.required_elements and e not in have]
