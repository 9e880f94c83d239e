# SPDX-License-Identifier: EUPL-1.2
"""Offers (aanbod): what people are connected to. An LSP is one kind."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from dekkend.register.constants import (
    AanbodSoort,
    AanbodStatus,
    Dagdeel,
    Doelgroep,
    Weekdag,
)
from dekkend.register.models.base import RegisterRecord
from dekkend.register.models.organisatie import Locatie, Organisatie


class Aanbod(RegisterRecord):
    organisatie = models.ForeignKey(
        Organisatie, on_delete=models.CASCADE, related_name="aanbod"
    )
    locatie = models.ForeignKey(
        Locatie, on_delete=models.PROTECT, null=True, blank=True, related_name="aanbod"
    )
    soort = models.CharField(_("soort"), max_length=30, choices=AanbodSoort.choices)
    naam = models.CharField(_("naam"), max_length=200)
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=AanbodStatus.choices,
        default=AanbodStatus.ACTIEF,
    )
    status_sinds = models.DateField(_("status sinds"), null=True, blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    telefoon = models.CharField(_("telefoon"), max_length=30, blank=True)
    contactpersoon = models.CharField(
        _("contactpersoon"),
        max_length=200,
        blank=True,
        help_text=_("Naam of functie, bijvoorbeeld 'Anna, ervaringsdeskundige'."),
    )
    openingstijden_toelichting = models.CharField(
        _("toelichting openingstijden"), max_length=300, blank=True
    )
    # Natural key of an imported record ("lsp-2025:<regio>:<locatie>"), so that
    # importing the same source twice changes nothing.
    bron_sleutel = models.CharField(max_length=300, unique=True, null=True, blank=True)

    class Meta:
        ordering = ["naam"]
        indexes = [models.Index(fields=["soort", "status"], name="aanbod_soort_status")]
        verbose_name = _("aanbod")
        verbose_name_plural = _("aanbod")

    def __str__(self) -> str:
        return self.naam


class Openingsdagdeel(models.Model):
    aanbod = models.ForeignKey(
        Aanbod, on_delete=models.CASCADE, related_name="dagdelen"
    )
    weekdag = models.PositiveSmallIntegerField(_("weekdag"), choices=Weekdag.choices)
    dagdeel = models.CharField(_("dagdeel"), max_length=10, choices=Dagdeel.choices)

    class Meta:
        ordering = ["weekdag", "dagdeel"]
        constraints = [
            models.UniqueConstraint(
                fields=["aanbod", "weekdag", "dagdeel"], name="dagdeel_uniek"
            )
        ]
        verbose_name = _("openingsdagdeel")
        verbose_name_plural = _("openingsdagdelen")

    def __str__(self) -> str:
        return f"{self.get_weekdag_display()} {self.get_dagdeel_display()}"


class AanbodDoelgroep(models.Model):
    aanbod = models.ForeignKey(
        Aanbod, on_delete=models.CASCADE, related_name="doelgroepen"
    )
    doelgroep = models.CharField(
        _("doelgroep"), max_length=30, choices=Doelgroep.choices
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["aanbod", "doelgroep"], name="doelgroep_uniek"
            )
        ]
        verbose_name = _("doelgroep")
        verbose_name_plural = _("doelgroepen")

    def __str__(self) -> str:
        return self.get_doelgroep_display()
