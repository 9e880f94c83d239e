# SPDX-License-Identifier: EUPL-1.2
"""SPUK reference amounts, distribution keys per gemeente and the
werkagenda's financieel plan."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from dekkend.regions.models import Gemeente
from dekkend.werkagenda.constants import SpukOnderdeel
from dekkend.werkagenda.models.werkagenda import Werkagenda


class SpukBedrag(models.Model):
    """A national amount of 004 §4 (in euro) for one year and part."""

    regeling = models.CharField(_("regeling"), max_length=100)
    onderdeel = models.CharField(
        _("onderdeel"), max_length=20, choices=SpukOnderdeel.choices
    )
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    bedrag = models.DecimalField(_("bedrag (euro)"), max_digits=14, decimal_places=0)
    bron = models.CharField(_("bron"), max_length=300)

    class Meta:
        ordering = ["regeling", "onderdeel", "jaar"]
        constraints = [
            models.UniqueConstraint(
                fields=["regeling", "onderdeel", "jaar"], name="spukbedrag_uniek"
            )
        ]
        verbose_name = _("SPUK-bedrag")
        verbose_name_plural = _("SPUK-bedragen")

    def __str__(self) -> str:
        return f"{self.regeling} {self.onderdeel} {self.jaar}: {self.bedrag}"


class Verdeelsleutel(models.Model):
    """The share of one gemeente in a named distribution key ("SPUK IZA")."""

    naam = models.CharField(_("naam"), max_length=100)
    gemeente = models.ForeignKey(Gemeente, on_delete=models.CASCADE, related_name="+")
    aandeel = models.DecimalField(_("aandeel"), max_digits=9, decimal_places=8)
    geladen_op = models.DateTimeField(_("geladen op"), auto_now=True)

    class Meta:
        ordering = ["naam", "gemeente__naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["naam", "gemeente"], name="verdeelsleutel_uniek"
            )
        ]
        verbose_name = _("verdeelsleutel")
        verbose_name_plural = _("verdeelsleutels")

    def __str__(self) -> str:
        return f"{self.naam} {self.gemeente}: {self.aandeel}"


class FinancieelPlanRegel(models.Model):
    """A planned amount of the werkagenda for one onderdeel and year."""

    werkagenda = models.ForeignKey(
        Werkagenda, on_delete=models.CASCADE, related_name="financieel_plan"
    )
    onderdeel = models.CharField(_("onderdeel"), max_length=20)
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    bedrag = models.DecimalField(
        _("bedrag (euro)"), max_digits=14, decimal_places=0, default=Decimal(0)
    )
    toelichting = models.CharField(_("toelichting"), max_length=300, blank=True)
    gewijzigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["onderdeel", "jaar"]
        constraints = [
            models.UniqueConstraint(
                fields=["werkagenda", "onderdeel", "jaar"],
                name="financieelplanregel_uniek",
            )
        ]
        verbose_name = _("regel van het financieel plan")
        verbose_name_plural = _("financieel plan")

    def __str__(self) -> str:
        return f"{self.onderdeel} {self.jaar}: {self.bedrag}"
