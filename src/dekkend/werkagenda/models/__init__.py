# SPDX-License-Identifier: EUPL-1.2
"""Models of the werkagenda: the document and its history (`werkagenda`),
goals, milestones and parties (`planning`), adoption (`vaststelling`) and the
SPUK reference data and plan (`financiering`)."""

from dekkend.werkagenda.models.financiering import (
    FinancieelPlanRegel,
    SpukBedrag,
    Verdeelsleutel,
)
from dekkend.werkagenda.models.planning import (
    DoelRealisatie,
    IngroeipadJaar,
    Mijlpaal,
    Partij,
    Projectdoelstelling,
)
from dekkend.werkagenda.models.vaststelling import Bevriezing, Collegebesluit
from dekkend.werkagenda.models.werkagenda import (
    Prefill,
    Sectie,
    SectieWijziging,
    Werkagenda,
)

__all__ = [
    "Bevriezing",
    "Collegebesluit",
    "DoelRealisatie",
    "FinancieelPlanRegel",
    "IngroeipadJaar",
    "Mijlpaal",
    "Partij",
    "Prefill",
    "Projectdoelstelling",
    "Sectie",
    "SectieWijziging",
    "SpukBedrag",
    "Verdeelsleutel",
    "Werkagenda",
]
