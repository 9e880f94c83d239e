# SPDX-License-Identifier: EUPL-1.2
"""Adoption: the decision of each college and the figures frozen at adoption."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from dekkend.regions.models import Gemeente
from dekkend.werkagenda.constants import CollegeUitkomst
from dekkend.werkagenda.models.werkagenda import Werkagenda


class Collegebesluit(models.Model):
    """The decision of the college of one gemeente of the region; a later
    decision replaces the earlier one (the audit log keeps both)."""

    werkagenda = models.ForeignKey(
        Werkagenda, on_delete=models.CASCADE, related_name="collegebesluiten"
    )
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    datum = models.DateField(_("datum"))
    uitkomst = models.CharField(
        _("uitkomst"), max_length=20, choices=CollegeUitkomst.choices
    )
    kenmerk = models.CharField(_("kenmerk"), max_length=100, blank=True)
    vastgelegd_op = models.DateTimeField(_("vastgelegd op"), auto_now=True)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["gemeente__naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["werkagenda", "gemeente"], name="collegebesluit_uniek"
            )
        ]
        verbose_name = _("collegebesluit")
        verbose_name_plural = _("collegebesluiten")

    def __str__(self) -> str:
        return f"{self.gemeente} {self.datum}: {self.uitkomst}"


class Bevriezing(models.Model):
    """Every prefilled value of an adopted werkagenda with its source and
    date, as it stood on the day of adoption."""

    werkagenda = models.OneToOneField(
        Werkagenda, on_delete=models.CASCADE, related_name="bevriezing"
    )
    peildatum = models.DateField(_("peildatum"))
    gegevens = models.JSONField(_("gegevens"))
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("bevriezing")
        verbose_name_plural = _("bevriezingen")

    def __str__(self) -> str:
        return f"{self.werkagenda} {self.peildatum}"
