# SPDX-License-Identifier: EUPL-1.2
"""SMART projectdoelstellingen with their ingroeipad and realised values,
the mijlpalenplanning and the parties of a leefgebied."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from dekkend.register.models import Organisatie
from dekkend.werkagenda.constants import MijlpaalStatus, PartijRol
from dekkend.werkagenda.models.werkagenda import Werkagenda


class Projectdoelstelling(models.Model):
    """What, measured by which measure (`maatstaf`, a key of
    `werkagenda.measures`, or "" with a free `maatstaf_label`), to which
    value, by when and by whom."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    werkagenda = models.ForeignKey(
        Werkagenda, on_delete=models.CASCADE, related_name="doelstellingen"
    )
    onderdeel = models.CharField(_("onderdeel"), max_length=20)
    omschrijving = models.TextField(_("omschrijving"))
    maatstaf = models.CharField(_("maatstaf"), max_length=60, blank=True)
    maatstaf_label = models.CharField(_("maatstaf (eigen)"), max_length=200, blank=True)
    streefwaarde = models.FloatField(_("streefwaarde"), null=True, blank=True)
    eenheid = models.CharField(_("eenheid"), max_length=60, blank=True)
    uiterlijk = models.DateField(_("uiterlijk"))
    verantwoordelijke = models.CharField(_("verantwoordelijke"), max_length=200)
    volgorde = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["onderdeel", "volgorde", "id"]
        verbose_name = _("projectdoelstelling")
        verbose_name_plural = _("projectdoelstellingen")

    def __str__(self) -> str:
        return f"{self.onderdeel}: {self.omschrijving[:60]}"


class IngroeipadJaar(models.Model):
    """The value a goal should have reached in `jaar`."""

    doelstelling = models.ForeignKey(
        Projectdoelstelling, on_delete=models.CASCADE, related_name="ingroeipad"
    )
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    waarde = models.FloatField(_("waarde"))

    class Meta:
        ordering = ["jaar"]
        constraints = [
            models.UniqueConstraint(
                fields=["doelstelling", "jaar"], name="ingroeipad_jaar_uniek"
            )
        ]
        verbose_name = _("ingroeipad (jaar)")
        verbose_name_plural = _("ingroeipad")

    def __str__(self) -> str:
        return f"{self.jaar}: {self.waarde}"


class DoelRealisatie(models.Model):
    """A realised value the region enters for a measure Dekkend does not compute."""

    doelstelling = models.ForeignKey(
        Projectdoelstelling, on_delete=models.CASCADE, related_name="realisaties"
    )
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    waarde = models.FloatField(_("waarde"))
    bron = models.CharField(_("bron"), max_length=300)
    ingevoerd_op = models.DateTimeField(_("ingevoerd op"), auto_now=True)
    ingevoerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["jaar"]
        constraints = [
            models.UniqueConstraint(
                fields=["doelstelling", "jaar"], name="doelrealisatie_jaar_uniek"
            )
        ]
        verbose_name = _("realisatie van een doel")
        verbose_name_plural = _("realisaties van doelen")

    def __str__(self) -> str:
        return f"{self.doelstelling_id} {self.jaar}: {self.waarde}"


class Mijlpaal(models.Model):
    """A row of the mijlpalenplanning; `kwartaal` is "2027-K1"."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    werkagenda = models.ForeignKey(
        Werkagenda, on_delete=models.CASCADE, related_name="mijlpalen"
    )
    onderdeel = models.CharField(_("onderdeel"), max_length=20)
    kwartaal = models.CharField(_("kwartaal"), max_length=7)
    activiteiten = models.TextField(_("activiteiten"))
    verantwoordelijke = models.CharField(_("verantwoordelijke"), max_length=200)
    deelresultaat = models.TextField(_("deelresultaat"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=MijlpaalStatus.choices,
        default=MijlpaalStatus.GEPLAND,
    )
    volgorde = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["onderdeel", "kwartaal", "volgorde", "id"]
        verbose_name = _("mijlpaal")
        verbose_name_plural = _("mijlpalen")

    def __str__(self) -> str:
        return f"{self.onderdeel} {self.kwartaal}: {self.activiteiten[:40]}"


class Partij(models.Model):
    """A financier or uitvoeringspartij of a leefgebied: an organisation of
    the register, or a name typed in."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    werkagenda = models.ForeignKey(
        Werkagenda, on_delete=models.CASCADE, related_name="partijen"
    )
    onderdeel = models.CharField(_("leefgebied"), max_length=20)
    rol = models.CharField(_("rol"), max_length=20, choices=PartijRol.choices)
    organisatie = models.ForeignKey(
        Organisatie,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    naam = models.CharField(_("naam"), max_length=200, blank=True)

    class Meta:
        ordering = ["onderdeel", "rol", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(organisatie__isnull=False) | ~models.Q(naam=""),
                name="partij_organisatie_of_naam",
            )
        ]
        verbose_name = _("partij")
        verbose_name_plural = _("partijen")

    def __str__(self) -> str:
        return self.weergave

    @property
    def weergave(self) -> str:
        return self.organisatie.naam if self.organisatie is not None else self.naam
