# SPDX-License-Identifier: EUPL-1.2
"""Register models: organisations, locations, offers (aanbod) and LSPs."""

from dekkend.register.models.aanbod import Aanbod, AanbodDoelgroep, Openingsdagdeel
from dekkend.register.models.monitor import MonitorTelling
from dekkend.register.models.organisatie import Locatie, Organisatie, OrganisatieLid
from dekkend.register.models.steunpunt import (
    Afweging,
    KenmerkZelfbeoordeling,
    Steunpunt,
    SteunpuntHerstelaanbod,
)

__all__ = [
    "Aanbod",
    "AanbodDoelgroep",
    "Afweging",
    "KenmerkZelfbeoordeling",
    "Locatie",
    "MonitorTelling",
    "Openingsdagdeel",
    "Organisatie",
    "OrganisatieLid",
    "Steunpunt",
    "SteunpuntHerstelaanbod",
]
