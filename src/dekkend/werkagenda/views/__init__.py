# SPDX-License-Identifier: EUPL-1.2
"""Pages of the werkagenda under /werkagenda/: thin views over
`werkagenda.selectors` (reads) and `werkagenda.services` (writes)."""

from dekkend.werkagenda.views.bestanden import (
    download,
    financiering,
    historie,
    importeren,
    vergelijk,
)
from dekkend.werkagenda.views.document import (
    document,
    doelstelling,
    mijlpaal,
    partij,
    sectie,
    voorstel,
)
from dekkend.werkagenda.views.overzicht import landelijk, overzicht
from dekkend.werkagenda.views.vaststelling import colleges, status

__all__ = [
    "colleges",
    "doelstelling",
    "document",
    "download",
    "financiering",
    "historie",
    "importeren",
    "landelijk",
    "mijlpaal",
    "overzicht",
    "partij",
    "sectie",
    "status",
    "vergelijk",
    "voorstel",
]
