# SPDX-License-Identifier: EUPL-1.2
"""Organisations, their members and their physical locations."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from dekkend.regions.models import Gemeente
from dekkend.register.constants import OrganisatieSoort, PositieBron
from dekkend.register.models.base import RegisterRecord


class Organisatie(RegisterRecord):
    naam = models.CharField(_("naam"), max_length=200, unique=True)
    soort = models.CharField(
        _("soort"),
        max_length=30,
        choices=OrganisatieSoort.choices,
        default=OrganisatieSoort.LSP,
    )
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    telefoon = models.CharField(_("telefoon"), max_length=30, blank=True)

    class Meta:
        ordering = ["naam"]
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")

    def __str__(self) -> str:
        return self.naam


class OrganisatieLid(models.Model):
    """A user who works for (and may keep the data of) an organisation."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="lidmaatschappen",
    )
    organisatie = models.ForeignKey(
        Organisatie, on_delete=models.CASCADE, related_name="leden"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisatie"], name="organisatielid_uniek"
            )
        ]
        verbose_name = _("medewerker van organisatie")
        verbose_name_plural = _("medewerkers van organisaties")

    def __str__(self) -> str:
        return f"{self.user} @ {self.organisatie}"


class Locatie(RegisterRecord):
    """A physical place. Coordinates are WGS84; `coordinaat_benaderd` marks a
    position that is not the address (e.g. the municipality's centre)."""

    organisatie = models.ForeignKey(
        Organisatie, on_delete=models.CASCADE, related_name="locaties"
    )
    naam = models.CharField(_("naam"), max_length=200)
    straat = models.CharField(_("straat"), max_length=200, blank=True)
    huisnummer = models.CharField(_("huisnummer"), max_length=20, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    plaats = models.CharField(_("plaats"), max_length=100, blank=True)
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="locaties"
    )
    lat = models.FloatField(_("breedtegraad"))
    lon = models.FloatField(_("lengtegraad"))
    coordinaat_benaderd = models.BooleanField(
        _("positie benaderd"),
        default=False,
        help_text=_(
            "De positie is niet het adres maar bijvoorbeeld het bevolkingszwaartepunt van de gemeente."
        ),
    )
    # Kept by the services with `coordinaat_benaderd`: pages and API say from
    # what a distance is measured (ADR 0012).
    positie_bron = models.CharField(
        _("positie bepaald uit"),
        max_length=10,
        choices=PositieBron.choices,
        default=PositieBron.GEMEENTE,
    )

    class Meta:
        ordering = ["naam"]
        indexes = [models.Index(fields=["lat", "lon"], name="locatie_latlon")]
        verbose_name = _("locatie")
        verbose_name_plural = _("locaties")

    def __str__(self) -> str:
        return self.naam

    @property
    def adres(self) -> str:
        street = " ".join(p for p in (self.straat, self.huisnummer) if p)
        town = " ".join(p for p in (self.postcode, self.plaats) if p)
        return ", ".join(p for p in (street, town) if p)
