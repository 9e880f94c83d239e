# SPDX-License-Identifier: EUPL-1.2
"""Choices and fixed names of the regions app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Stedelijkheid(models.IntegerChoices):
    """CBS urbanity class from the address density (OAD)."""

    ZEER_STERK = 1, _("zeer sterk stedelijk")
    STERK = 2, _("sterk stedelijk")
    MATIG = 3, _("matig stedelijk")
    WEINIG = 4, _("weinig stedelijk")
    NIET = 5, _("niet stedelijk")


# Names of the divisions loaded from the reference data. Other divisions (an
# official IZA-regio list, say) are loaded from a CSV under a name of their own.
INDELING_ZORGKANTOOR = "zorgkantoorregio-2025"
INDELING_GGD = "ggd-regio-2022"
INDELING_PROVINCIE = "provincie-2025"
INDELING_LSP_MONITOR = "lsp-monitor-2025"


# The source in `versions` for gemeenten, population, PC4 areas and
# divisions: every write gives it a new token (regions/apps.py).
VERSION_SOURCE = "regions"
