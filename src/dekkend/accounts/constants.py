# SPDX-License-Identifier: EUPL-1.2
"""Choices of the accounts app. Values are stable codes."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Beroep(models.TextChoices):
    """A user's profession. Which professions may refer is agreed per region
    (003 §3: huisarts and POH-GGZ; wijkverpleegkundige, fysiotherapeut and
    ergotherapeut where the region includes them)."""

    HUISARTS = "huisarts", _("huisarts")
    POH_GGZ = "poh_ggz", _("praktijkondersteuner ggz (POH-GGZ)")
    WIJKVERPLEEGKUNDIGE = "wijkverpleegkundige", _("wijkverpleegkundige")
    FYSIOTHERAPEUT = "fysiotherapeut", _("fysiotherapeut")
    ERGOTHERAPEUT = "ergotherapeut", _("ergotherapeut")
    WELZIJNSCOACH = "welzijnscoach", _("welzijnscoach")
    SOCIAAL_WERKER = "sociaal_werker", _("sociaal werker")
    BELEID = "beleid", _("beleidsmedewerker")
    OVERIG = "overig", _("overig")


# 003 §3: the first line refers; other professions only where a region says so.
VERWIJZENDE_BEROEPEN_STANDAARD = (Beroep.HUISARTS.value, Beroep.POH_GGZ.value)
