# SPDX-License-Identifier: EUPL-1.2
"""Models of the national LSP monitor: rounds, the base list and its review,
invitations and responses, location proposals, and the visitor tally."""

from dekkend.lspmonitor.models.respons import LocatieVoorstel, Respons, Uitnodiging
from dekkend.lspmonitor.models.ronde import Beoordeling, Kandidaat, Ronde
from dekkend.lspmonitor.models.telling import BezoekersTelling

__all__ = [
    "Beoordeling",
    "BezoekersTelling",
    "Kandidaat",
    "LocatieVoorstel",
    "Respons",
    "Ronde",
    "Uitnodiging",
]
