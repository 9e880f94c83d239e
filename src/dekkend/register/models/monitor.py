# SPDX-License-Identifier: EUPL-1.2
"""Per-region counts published by a national LSP monitor round.

The 2025 report gives sizes per region (001 Table 4) but not per location, so
the per-region snapshot is kept as published, beside the locations.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from dekkend.regions.models import Regio


class MonitorTelling(models.Model):
    jaar = models.PositiveSmallIntegerField(_("monitorjaar"))
    regio = models.ForeignKey(
        Regio, on_delete=models.CASCADE, related_name="monitortellingen"
    )
    groot = models.PositiveIntegerField(_("groot"))
    middel = models.PositiveIntegerField(_("middel"))
    klein = models.PositiveIntegerField(_("klein"))
    respons_lsp = models.PositiveIntegerField(_("respons LSP"), null=True, blank=True)
    respons_regiocoordinatoren = models.PositiveIntegerField(
        _("respons regiocoördinatoren"), null=True, blank=True
    )
    bron = models.CharField(_("bron"), max_length=300)
    opmerking = models.TextField(_("opmerking"), blank=True)

    class Meta:
        ordering = ["jaar", "regio__naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["jaar", "regio"], name="monitortelling_uniek"
            )
        ]
        verbose_name = _("monitortelling per regio")
        verbose_name_plural = _("monitortellingen per regio")

    def __str__(self) -> str:
        return f"{self.jaar} {self.regio}"

    @property
    def totaal(self) -> int:
        return self.groot + self.middel + self.klein
