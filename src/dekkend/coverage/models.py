# SPDX-License-Identifier: EUPL-1.2
"""Stored analysis runs, a region's reasoned deviations from the defaults, and
the actual figures a region enters to compare with the targets."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from dekkend.regions.models import Indeling, Regio


class AnalysisRun(models.Model):
    """One run, citable as "analyse van <datum>, run <pk>"."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    indeling = models.ForeignKey(
        Indeling, on_delete=models.PROTECT, related_name="analyses"
    )
    regio = models.ForeignKey(
        Regio,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="analyses",
        help_text=_("Leeg: alle regio's van de indeling."),
    )
    peildatum = models.DateField(_("peildatum"))
    parameters = models.JSONField(_("parameters"))
    input_fingerprint = models.CharField(_("vingerafdruk invoer"), max_length=64)
    code_version = models.CharField(_("codeversie"), max_length=80)
    resultaat = models.JSONField(_("resultaat"))
    duur_ms = models.PositiveIntegerField(_("rekentijd (ms)"), default=0)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        ordering = ["-aangemaakt_op", "-id"]
        verbose_name = _("analyserun")
        verbose_name_plural = _("analyseruns")

    def __str__(self) -> str:
        return f"run {self.pk} ({self.aangemaakt_op:%Y-%m-%d})"


class ParameterAfwijking(models.Model):
    """A region's reasoned deviation from a default ("gemotiveerd afwijken").

    Rows are never edited: the latest row per (regio, sleutel) counts, and a
    row with `waarde` empty restores the default. So the history stays visible.
    """

    regio = models.ForeignKey(
        Regio, on_delete=models.CASCADE, related_name="parameterafwijkingen"
    )
    sleutel = models.CharField(_("parameter"), max_length=60)
    waarde = models.FloatField(_("waarde"), null=True, blank=True)
    reden = models.TextField(_("reden"))
    ingevoerd_op = models.DateTimeField(_("ingevoerd op"), auto_now_add=True)
    ingevoerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        ordering = ["-ingevoerd_op", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(reden=""), name="afwijking_met_reden"
            ),
        ]
        permissions = [
            (
                "change_any_regio",
                "Kan uitgangspunten en realisaties van elke regio wijzigen",
            ),
        ]
        verbose_name = _("afwijking van een parameter")
        verbose_name_plural = _("afwijkingen van parameters")

    def __str__(self) -> str:
        return f"{self.regio}: {self.sleutel} = {self.waarde}"


class Realisatie(models.Model):
    """An actual figure of a region (fte, referrals, participants) for a year."""

    regio = models.ForeignKey(
        Regio, on_delete=models.CASCADE, related_name="realisaties"
    )
    basisfunctionaliteit = models.CharField(_("basisfunctionaliteit"), max_length=40)
    sleutel = models.CharField(_("indicator"), max_length=60)
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    waarde = models.FloatField(_("waarde"))
    bron = models.CharField(_("bron"), max_length=300, blank=True)
    ingevoerd_op = models.DateTimeField(_("ingevoerd op"), auto_now=True)
    ingevoerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        ordering = ["basisfunctionaliteit", "sleutel", "-jaar"]
        constraints = [
            models.UniqueConstraint(
                fields=["regio", "basisfunctionaliteit", "sleutel", "jaar"],
                name="realisatie_uniek",
            )
        ]
        verbose_name = _("realisatie")
        verbose_name_plural = _("realisaties")

    def __str__(self) -> str:
        return f"{self.regio} {self.basisfunctionaliteit}.{self.sleutel} {self.jaar}: {self.waarde}"
