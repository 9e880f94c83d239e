# SPDX-License-Identifier: EUPL-1.2
"""The LSP-specific part of an offer: type, visitors, elements, kenmerken,
and the afwegingskader of the national base list."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from dekkend.register.constants import (
    Element,
    Herstelaanbod,
    Kenmerk,
    KenmerkStatus,
    LspType,
)
from dekkend.register.models.aanbod import Aanbod


class Steunpunt(models.Model):
    aanbod = models.OneToOneField(
        Aanbod, on_delete=models.CASCADE, primary_key=True, related_name="steunpunt"
    )
    hoofdsteunpunt = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="satellieten",
        verbose_name=_("satelliet van"),
    )
    # Kept by the services from the opening half-days; never edited by hand.
    dagdelen_per_week = models.PositiveSmallIntegerField(default=0)
    type_afgeleid = models.CharField(
        _("afgeleid type"),
        max_length=10,
        choices=LspType.choices,
        default=LspType.ONBEKEND,
    )
    type_handmatig = models.CharField(
        _("type handmatig vastgesteld"),
        max_length=10,
        choices=LspType.choices,
        blank=True,
    )
    type_handmatig_reden = models.CharField(
        _("reden handmatig type"), max_length=500, blank=True
    )
    lsp_type = models.CharField(
        _("type"),
        max_length=10,
        choices=LspType.choices,
        default=LspType.ONBEKEND,
        db_index=True,
    )
    bezoekers_per_dag = models.PositiveIntegerField(
        _("bezoekers per dag"), null=True, blank=True
    )
    unieke_bezoekers_per_jaar = models.PositiveIntegerField(
        _("unieke bezoekers per jaar"), null=True, blank=True
    )
    element_inloop = models.BooleanField(_("Inloop en ontmoeting"), default=False)
    element_door_en_voor = models.BooleanField(
        _("Door-en-voor-activiteiten"), default=False
    )
    element_herstelaanbod = models.BooleanField(_("Herstelaanbod"), default=False)
    element_groeivijver = models.BooleanField(_("Groeivijver"), default=False)
    herstelaanbod_overig = models.CharField(
        _("ander herstelaanbod"), max_length=300, blank=True
    )

    class Meta:
        verbose_name = _("laagdrempelig steunpunt")
        verbose_name_plural = _("laagdrempelige steunpunten")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(type_handmatig="")
                | ~models.Q(type_handmatig_reden=""),
                name="steunpunt_handmatig_type_met_reden",
            )
        ]
        permissions = [
            (
                "change_any_steunpunt",
                "Kan elk steunpunt wijzigen, ook van andere organisaties",
            ),
        ]

    def __str__(self) -> str:
        return self.aanbod.naam

    @property
    def elementen(self) -> list[str]:
        """Codes of the elements present, in the canonical order."""
        return [e.value for e in Element if getattr(self, f"element_{e.value}")]

    @property
    def element_labels(self) -> list[str]:
        return [str(e.label) for e in Element if getattr(self, f"element_{e.value}")]


class SteunpuntHerstelaanbod(models.Model):
    steunpunt = models.ForeignKey(
        Steunpunt, on_delete=models.CASCADE, related_name="herstelaanbod"
    )
    soort = models.CharField(
        _("herstelaanbod"), max_length=30, choices=Herstelaanbod.choices
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["steunpunt", "soort"], name="herstelaanbod_uniek"
            )
        ]
        verbose_name = _("herstelaanbod")
        verbose_name_plural = _("herstelaanbod")

    def __str__(self) -> str:
        return self.get_soort_display()


class KenmerkZelfbeoordeling(models.Model):
    steunpunt = models.ForeignKey(
        Steunpunt, on_delete=models.CASCADE, related_name="kenmerken"
    )
    kenmerk = models.PositiveSmallIntegerField(_("kenmerk"), choices=Kenmerk.choices)
    status = models.CharField(_("status"), max_length=20, choices=KenmerkStatus.choices)
    beoordeeld_op = models.DateField(_("beoordeeld op"))

    class Meta:
        ordering = ["kenmerk"]
        constraints = [
            models.UniqueConstraint(
                fields=["steunpunt", "kenmerk"], name="kenmerk_uniek"
            )
        ]
        verbose_name = _("zelfbeoordeling kenmerk")
        verbose_name_plural = _("zelfbeoordelingen kenmerken")

    def __str__(self) -> str:
        return f"{self.kenmerk}: {self.status}"


class Afweging(models.Model):
    """One assessment against the afwegingskader (001 §3.2); the latest counts."""

    steunpunt = models.ForeignKey(
        Steunpunt, on_delete=models.CASCADE, related_name="afwegingen"
    )
    beoordeeld_op = models.DateField(_("beoordeeld op"))
    beoordeeld_door = models.CharField(_("beoordeeld door"), max_length=200, blank=True)
    online_vindbaar = models.BooleanField(_("Is het LSP online vindbaar?"), null=True)
    fysieke_locatie_open = models.BooleanField(
        _("Is er een fysieke locatie en zijn ze minimaal 1 dagdeel per week open?"),
        null=True,
    )
    geen_hulpverlening = models.BooleanField(
        _("Is het geen vorm van hulpverlening?"), null=True
    )
    mentale_gezondheid = models.BooleanField(
        _("Gaat het om mentale gezondheid?"), null=True
    )
    herstelaanbod_aanwezig = models.BooleanField(
        _("Aanwezigheid van herstelaanbod?"), null=True
    )
    laagdrempelig_toegankelijk = models.BooleanField(
        _(
            "Is het laagdrempelig toegankelijk voor iedereen (in het bijzonder voor mensen met EPA)?"
        ),
        null=True,
    )
    op_basislijst = models.BooleanField(_("op de basislijst"), null=True)
    toelichting = models.TextField(_("toelichting"), blank=True)
    geregistreerd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-beoordeeld_op", "-id"]
        verbose_name = _("afweging basislijst")
        verbose_name_plural = _("afwegingen basislijst")

    def __str__(self) -> str:
        return f"{self.steunpunt} {self.beoordeeld_op}"
