# SPDX-License-Identifier: EUPL-1.2
"""Choices of the national LSP monitor. Values are stable lowercase codes."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from dekkend.register import afwegingskader

# The monitor division of the 2025 report (regions as in its Tables 2 and 4).
STANDAARD_INDELING = "lsp-monitor-2025"
# Fewer respondents than this in a region: figures about them are suppressed
# (the referral indicators' rule, monitoring/indicators/suppression.py).
MIN_RESPONDENTEN = 5


class RondeStatus(models.TextChoices):
    VOORBEREIDING = "voorbereiding", _("in voorbereiding")
    OPEN = "open", _("open")
    GESLOTEN = "gesloten", _("gesloten")
    GEPUBLICEERD = "gepubliceerd", _("gepubliceerd")


class KandidaatBron(models.TextChoices):
    REGISTER = "register", _("register")
    ANTWOORD = "antwoord", _("antwoord in de vragenlijst")
    HANDMATIG = "handmatig", _("handmatig toegevoegd")
    CSV = "csv", _("CSV-lijst")


class Besluit(models.TextChoices):
    OPEN = "open", _("nog niet beoordeeld")
    OP_LIJST = "op_lijst", _("op de basislijst")
    AF = "af", _("niet op de basislijst")


# Reason a candidate is off the list: the first afwegingskader question
# answered "nee", or "gestopt" when the location has stopped.
REDEN_GESTOPT = "gestopt"
REDENEN: dict[str, str] = {
    **dict(afwegingskader.QUESTIONS),
    REDEN_GESTOPT: "Gestopt",
}


class BeoordelaarRol(models.TextChoices):
    PROGRAMMA = "programma", _("ondersteuningsprogramma")
    NVZH = "nvzh", _("NVZH")


class Basis(models.TextChoices):
    ONLINE = "online", _("online informatie")
    TELEFONISCH = "telefonisch", _("telefonisch contact")


class UitnodigingRol(models.TextChoices):
    LSP = "lsp", _("laagdrempelig steunpunt")
    COORDINATOR = "coordinator", _("regiocoördinator")


class ResponsStatus(models.TextChoices):
    CONCEPT = "concept", _("concept")
    INGEDIEND = "ingediend", _("ingediend")


class VoorstelStatus(models.TextChoices):
    OPEN = "open", _("open")
    GEACCEPTEERD = "geaccepteerd", _("geaccepteerd")
    AFGEWEZEN = "afgewezen", _("afgewezen")
