# SPDX-License-Identifier: EUPL-1.2
"""Choices of the werkagenda app (stable lowercase values, Dutch labels)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# Default planning period of a werkagenda (004: "werkagenda 2027-2030").
PERIODE_VAN = 2027
PERIODE_TOT = 2030
# The colleges adopt the werkagenda by 15 November (004, "Planning").
DEADLINE_DAG = 15
DEADLINE_MAAND = 11


class WerkagendaStatus(models.TextChoices):
    CONCEPT = "concept", _("Concept")
    TER_VASTSTELLING = "ter_vaststelling", _("Ter vaststelling")
    VASTGESTELD = "vastgesteld", _("Vastgesteld")


# Allowed status transitions: from → to.
STATUS_OVERGANGEN: dict[str, tuple[str, ...]] = {
    WerkagendaStatus.CONCEPT: (WerkagendaStatus.TER_VASTSTELLING,),
    WerkagendaStatus.TER_VASTSTELLING: (
        WerkagendaStatus.CONCEPT,
        WerkagendaStatus.VASTGESTELD,
    ),
    WerkagendaStatus.VASTGESTELD: (),
}


class MijlpaalStatus(models.TextChoices):
    GEPLAND = "gepland", _("Gepland")
    BEZIG = "bezig", _("Bezig")
    GEREED = "gereed", _("Gereed")
    VERTRAAGD = "vertraagd", _("Vertraagd")
    VERVALLEN = "vervallen", _("Vervallen")


class PartijRol(models.TextChoices):
    FINANCIER = "financier", _("Financier")
    UITVOERINGSPARTIJ = "uitvoeringspartij", _("Uitvoeringspartij")


class CollegeUitkomst(models.TextChoices):
    VASTGESTELD = "vastgesteld", _("Vastgesteld")
    AFGEWEZEN = "afgewezen", _("Afgewezen")
    AANGEHOUDEN = "aangehouden", _("Aangehouden")


class PrefillStatus(models.TextChoices):
    OPEN = "open", _("Open")
    GEACCEPTEERD = "geaccepteerd", _("Geaccepteerd")
    AFGEWEZEN = "afgewezen", _("Afgewezen")


class SpukOnderdeel(models.TextChoices):
    LOKAAL = "lokaal", _("Lokaal")
    REGIONAAL = "regionaal", _("Regionaal")
    GGD = "ggd", _("Kennis en coördinatie rol GGD")
    NPLV = "nplv", _("Aan NPLV-gebieden")
    GEZONDE_SCHOOL = "gezonde_school", _("(Mentale) gezonde school")


SPUK_BRON = (
    "004 §4 'Welke middelen komen in de SPUK' (VWS, kenmerk 1097348-DMO), "
    "bedragen × 1 mln. euro"
)
# (regeling, onderdeel, {jaar: miljoen euro}) as 004 §4 tabulates them.
SPUK_BEDRAGEN: tuple[tuple[str, str, dict[int, int]], ...] = (
    ("SPUK AZWA", SpukOnderdeel.LOKAAL, {2027: 231, 2028: 278, 2029: 321}),
    ("SPUK AZWA", SpukOnderdeel.REGIONAAL, {2027: 194, 2028: 235, 2029: 169}),
    ("SPUK AZWA", SpukOnderdeel.GGD, {2027: 3, 2028: 3, 2029: 4}),
    ("SPUK AZWA", SpukOnderdeel.NPLV, {2027: 15, 2028: 21, 2029: 25}),
    (
        "Subsidie Gezonde School",
        SpukOnderdeel.GEZONDE_SCHOOL,
        {2027: 8, 2028: 10, 2029: 13},
    ),
)
