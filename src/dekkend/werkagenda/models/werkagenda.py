# SPDX-License-Identifier: EUPL-1.2
"""The werkagenda of a region, its texts per field, their history and the
prefill suggestions the user accepted or rejected."""

import uuid
from datetime import date

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from dekkend.regions.models import Regio
from dekkend.werkagenda.constants import (
    DEADLINE_DAG,
    DEADLINE_MAAND,
    PERIODE_TOT,
    PERIODE_VAN,
    PrefillStatus,
    WerkagendaStatus,
)


class Werkagenda(models.Model):
    """One version of a region's werkagenda; a herziening is version N+1
    with `vorige` pointing at the adopted version it revises."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    regio = models.ForeignKey(
        Regio, on_delete=models.PROTECT, related_name="werkagendas"
    )
    periode_van = models.PositiveSmallIntegerField(
        _("periode van"), default=PERIODE_VAN
    )
    periode_tot = models.PositiveSmallIntegerField(
        _("periode tot"), default=PERIODE_TOT
    )
    format_versie = models.CharField(_("formatversie"), max_length=20)
    versie = models.PositiveSmallIntegerField(_("versie"), default=1)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=WerkagendaStatus.choices,
        default=WerkagendaStatus.CONCEPT,
    )
    vorige = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="herzieningen",
        verbose_name=_("herziening van"),
    )
    vastgesteld_op = models.DateField(_("vastgesteld op"), null=True, blank=True)
    ingediend_bij_vws_op = models.DateField(
        _("ingediend bij VWS op"), null=True, blank=True
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["regio__naam", "-versie"]
        constraints = [
            models.UniqueConstraint(
                fields=["regio", "versie"], name="werkagenda_versie_uniek"
            ),
            models.CheckConstraint(
                condition=models.Q(periode_tot__gte=models.F("periode_van")),
                name="werkagenda_periode_oplopend",
            ),
        ]
        permissions = [
            (
                "view_werkagenda_landelijk",
                "Kan de werkagenda's van alle regio's zien en bewerken",
            ),
        ]
        verbose_name = _("werkagenda")
        verbose_name_plural = _("werkagenda's")

    def __str__(self) -> str:
        return f"{self.regio} {self.periode_van}-{self.periode_tot} v{self.versie}"

    @property
    def vastgesteld(self) -> bool:
        return self.status == WerkagendaStatus.VASTGESTELD

    def deadline(self, jaar: int) -> date:
        """15 November of `jaar`: the date the colleges adopt by."""
        return date(jaar, DEADLINE_MAAND, DEADLINE_DAG)


class Sectie(models.Model):
    """The text of one field of the format, addressed as "2a.situatie".

    `revisie` grows by one with every save; a save states the revision it
    started from and is refused when the stored one moved on (optimistic
    locking per field, docs/adr/0011-werkagenda-optimistic-locking.md).
    """

    werkagenda = models.ForeignKey(
        Werkagenda, on_delete=models.CASCADE, related_name="secties"
    )
    adres = models.CharField(_("veld"), max_length=40)
    tekst = models.TextField(_("tekst"), blank=True)
    revisie = models.PositiveIntegerField(_("revisie"), default=0)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), null=True, blank=True)
    gewijzigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["werkagenda", "adres"], name="sectie_adres_uniek"
            )
        ]
        verbose_name = _("sectie")
        verbose_name_plural = _("secties")

    def __str__(self) -> str:
        return f"{self.werkagenda} {self.adres} r{self.revisie}"


class SectieWijziging(models.Model):
    """Append-only history of a field: who changed it when, from what to what."""

    sectie = models.ForeignKey(
        Sectie, on_delete=models.CASCADE, related_name="wijzigingen"
    )
    revisie = models.PositiveIntegerField(_("revisie"))
    oude_tekst = models.TextField(_("oude tekst"), blank=True)
    nieuwe_tekst = models.TextField(_("nieuwe tekst"), blank=True)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now_add=True)
    gewijzigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-gewijzigd_op", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["sectie", "revisie"], name="sectiewijziging_revisie_uniek"
            )
        ]
        verbose_name = _("wijziging van een sectie")
        verbose_name_plural = _("wijzigingen van secties")

    def __str__(self) -> str:
        return f"{self.sectie.adres} r{self.revisie}"


class Prefill(models.Model):
    """What the user did with the suggestion for one field: the suggested
    text, its source line and date as it was accepted or rejected."""

    werkagenda = models.ForeignKey(
        Werkagenda, on_delete=models.CASCADE, related_name="prefills"
    )
    adres = models.CharField(_("veld"), max_length=40)
    voorgesteld = models.TextField(_("voorgestelde tekst"))
    bron = models.CharField(_("bron"), max_length=500)
    peildatum = models.DateField(_("peildatum"))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=PrefillStatus.choices,
        default=PrefillStatus.OPEN,
    )
    beoordeeld_op = models.DateTimeField(_("beoordeeld op"), null=True, blank=True)
    beoordeeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["werkagenda", "adres"], name="prefill_adres_uniek"
            )
        ]
        verbose_name = _("voorstel uit Dekkend")
        verbose_name_plural = _("voorstellen uit Dekkend")

    def __str__(self) -> str:
        return f"{self.werkagenda} {self.adres} {self.status}"
