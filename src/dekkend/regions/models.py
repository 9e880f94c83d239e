# SPDX-License-Identifier: EUPL-1.2
"""Municipalities, PC4 areas and regional divisions (regio-indelingen) as data.

Geometry is stored as GeoJSON text and computed on in plain Python, so the
same code runs on SQLite and PostgreSQL (ADR 0003).
"""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from dekkend.regions.constants import Stedelijkheid


class Gemeente(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    code = models.CharField(_("CBS-code"), max_length=6, unique=True)  # GM0363
    naam = models.CharField(_("naam"), max_length=100)
    opp_land_km2 = models.FloatField(_("landoppervlakte (km²)"), null=True, blank=True)
    opp_totaal_km2 = models.FloatField(
        _("totale oppervlakte (km²)"), null=True, blank=True
    )
    omgevingsadressendichtheid = models.IntegerField(null=True, blank=True)
    stedelijkheid = models.IntegerField(
        _("stedelijkheid"), choices=Stedelijkheid.choices, null=True, blank=True
    )
    centroid_lat = models.FloatField(null=True, blank=True)
    centroid_lon = models.FloatField(null=True, blank=True)
    # Population-weighted centre (mean of PC4 centroids weighted by inhabitants).
    popw_lat = models.FloatField(null=True, blank=True)
    popw_lon = models.FloatField(null=True, blank=True)
    geometrie = models.JSONField(_("grens (GeoJSON)"), null=True, blank=True)
    bron = models.CharField(_("bron"), max_length=200, blank=True)

    class Meta:
        ordering = ["naam"]
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")

    def __str__(self) -> str:
        return self.naam


class Bevolking(models.Model):
    """Registered inhabitants of a gemeente on 1 January of `peiljaar`.

    Age bands follow CBS (0–14, 15–24, 25–44, 45–64, 65+). The `est_*` counts
    are estimates, not CBS figures; `leeftijd_geschat` says so.
    """

    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.CASCADE, related_name="bevolking"
    )
    peiljaar = models.PositiveSmallIntegerField(_("peiljaar (1 januari)"))
    inwoners = models.PositiveIntegerField(_("inwoners"))
    mannen = models.PositiveIntegerField(null=True, blank=True)
    vrouwen = models.PositiveIntegerField(null=True, blank=True)
    huishoudens = models.PositiveIntegerField(null=True, blank=True)
    pct_0_14 = models.FloatField(null=True, blank=True)
    pct_15_24 = models.FloatField(null=True, blank=True)
    pct_25_44 = models.FloatField(null=True, blank=True)
    pct_45_64 = models.FloatField(null=True, blank=True)
    pct_65plus = models.FloatField(null=True, blank=True)
    inw_0_17 = models.PositiveIntegerField(null=True, blank=True)
    inw_18_64 = models.PositiveIntegerField(null=True, blank=True)
    inw_65plus = models.PositiveIntegerField(null=True, blank=True)
    leeftijd_geschat = models.BooleanField(
        _("leeftijdsgroepen geschat"),
        default=False,
        help_text=_("0–17, 18–64 en 65+ zijn afgeleid uit afgeronde percentages."),
    )
    bron = models.CharField(_("bron"), max_length=200, blank=True)

    class Meta:
        ordering = ["gemeente__naam", "-peiljaar"]
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "peiljaar"], name="bevolking_uniek"
            )
        ]
        verbose_name = _("bevolking")
        verbose_name_plural = _("bevolking")

    def __str__(self) -> str:
        return f"{self.gemeente} {self.peiljaar}: {self.inwoners}"


class Postcodegebied(models.Model):
    """A 4-digit postcode area (PC4) with its centroid and inhabitants."""

    pc4 = models.CharField(_("postcode (4 cijfers)"), max_length=4, unique=True)
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="postcodegebieden"
    )
    plaats = models.CharField(max_length=100, blank=True)
    inwoners = models.PositiveIntegerField(null=True, blank=True)
    peiljaar = models.PositiveSmallIntegerField(null=True, blank=True)
    inw_0_14 = models.PositiveIntegerField(null=True, blank=True)
    inw_15_19 = models.PositiveIntegerField(null=True, blank=True)
    inw_20_64 = models.PositiveIntegerField(null=True, blank=True)
    inw_65plus = models.PositiveIntegerField(null=True, blank=True)
    lat = models.FloatField()
    lon = models.FloatField()
    oppervlakte_km2 = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["pc4"]
        verbose_name = _("postcodegebied")
        verbose_name_plural = _("postcodegebieden")

    def __str__(self) -> str:
        return f"{self.pc4} {self.plaats}"


class Indeling(models.Model):
    """A named division of the country into regions (zorgkantoorregio, IZA, …)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    naam = models.SlugField(_("naam"), max_length=80, unique=True)
    titel = models.CharField(_("titel"), max_length=200)
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    volledig = models.BooleanField(
        _("volledig"),
        default=True,
        help_text=_("Onvolledig: niet elke gemeente is aan een regio toegewezen."),
    )
    bron = models.CharField(_("bron"), max_length=300, blank=True)
    peildatum = models.DateField(_("peildatum"), null=True, blank=True)

    class Meta:
        ordering = ["titel"]
        verbose_name = _("regio-indeling")
        verbose_name_plural = _("regio-indelingen")

    def __str__(self) -> str:
        return self.titel


class Regio(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    indeling = models.ForeignKey(
        Indeling, on_delete=models.CASCADE, related_name="regios"
    )
    code = models.CharField(_("code"), max_length=80)
    naam = models.CharField(_("naam"), max_length=200)
    geometrie = models.JSONField(_("grens (GeoJSON)"), null=True, blank=True)
    gemeenten = models.ManyToManyField(
        Gemeente, through="RegioGemeente", related_name="regios"
    )

    class Meta:
        ordering = ["naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["indeling", "code"], name="regio_code_uniek"
            ),
            models.UniqueConstraint(
                fields=["indeling", "naam"], name="regio_naam_uniek"
            ),
        ]
        verbose_name = _("regio")
        verbose_name_plural = _("regio's")

    def __str__(self) -> str:
        return self.naam


class RegioGemeente(models.Model):
    """Membership; a gemeente is in at most one regio of a division."""

    indeling = models.ForeignKey(Indeling, on_delete=models.CASCADE)
    regio = models.ForeignKey(Regio, on_delete=models.CASCADE)
    gemeente = models.ForeignKey(Gemeente, on_delete=models.CASCADE)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["indeling", "gemeente"], name="gemeente_een_regio_per_indeling"
            )
        ]
        verbose_name = _("regiolidmaatschap")
        verbose_name_plural = _("regiolidmaatschappen")

    def __str__(self) -> str:
        return f"{self.gemeente} ∈ {self.regio}"


class RegioLid(models.Model):
    """A user who works for a region (policy officer, insurer, coordinator)
    and may keep its assumptions and actual figures."""

    user = models.ForeignKey(
        "accounts.User", on_delete=models.CASCADE, related_name="regiolidmaatschappen"
    )
    regio = models.ForeignKey(Regio, on_delete=models.CASCADE, related_name="leden")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "regio"], name="regiolid_uniek")
        ]
        verbose_name = _("medewerker van regio")
        verbose_name_plural = _("medewerkers van regio's")

    def __str__(self) -> str:
        return f"{self.user} @ {self.regio}"
