# SPDX-License-Identifier: EUPL-1.2
"""The anonymous visitor tally (000 §7): how many people came per dagdeel,
never who."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from dekkend.register.constants import Dagdeel
from dekkend.register.models import Steunpunt


class BezoekersTelling(models.Model):
    steunpunt = models.ForeignKey(
        Steunpunt, on_delete=models.CASCADE, related_name="bezoekerstellingen"
    )
    datum = models.DateField(_("datum"))
    dagdeel = models.CharField(_("dagdeel"), max_length=10, choices=Dagdeel.choices)
    aantal = models.PositiveIntegerField(_("aantal bezoekers"))
    geregistreerd_op = models.DateTimeField(auto_now_add=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-datum", "dagdeel"]
        constraints = [
            models.UniqueConstraint(
                fields=["steunpunt", "datum", "dagdeel"],
                name="bezoekerstelling_uniek",
            ),
            models.CheckConstraint(
                condition=models.Q(aantal__gte=0), name="bezoekerstelling_niet_negatief"
            ),
        ]
        verbose_name = _("bezoekerstelling")
        verbose_name_plural = _("bezoekerstellingen")

    def __str__(self) -> str:
        return f"{self.steunpunt} {self.datum} {self.dagdeel}: {self.aantal}"
