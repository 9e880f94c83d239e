# SPDX-License-Identifier: EUPL-1.2
"""A yearly monitor round, its base list (candidates) and their review
against the afwegingskader (001 §3.2)."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from dekkend.lspmonitor.constants import (
    BeoordelaarRol,
    Besluit,
    KandidaatBron,
    RondeStatus,
)
from dekkend.regions.models import Gemeente, Indeling, Regio
from dekkend.register.constants import LspType
from dekkend.register.models import Steunpunt


class Ronde(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    jaar = models.PositiveSmallIntegerField(_("jaar"), unique=True)
    open_op = models.DateField(_("open op"))
    sluit_op = models.DateField(
        _("sluit op"), help_text=_("Laatste dag waarop de vragenlijst open is.")
    )
    uitnodigingstekst = models.TextField(_("tekst van de uitnodiging"), blank=True)
    indeling = models.ForeignKey(
        Indeling,
        on_delete=models.PROTECT,
        related_name="monitorrondes",
        verbose_name=_("regio-indeling"),
    )
    peildatum = models.DateField(_("peildatum basislijst"))
    vragenlijst_versie = models.CharField(_("versie vragenlijst"), max_length=40)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=RondeStatus.choices,
        default=RondeStatus.VOORBEREIDING,
    )
    # The 2025 round: Tables 2 and 4 are the published figures
    # (register.MonitorTelling), not derived from answers held here.
    gepubliceerde_cijfers = models.BooleanField(
        _("gepubliceerde cijfers"), default=False
    )
    bron = models.CharField(_("bron"), max_length=300, blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gesloten_op = models.DateTimeField(_("gesloten op"), null=True, blank=True)

    class Meta:
        ordering = ["-jaar"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(sluit_op__gte=models.F("open_op")),
                name="ronde_sluit_na_open",
            )
        ]
        permissions = [
            ("beheer_ronde", "Kan monitorrondes beheren"),
            (
                "view_regio_resultaten",
                "Kan de monitorresultaten van de eigen regio zien",
            ),
            ("view_respondenten", "Kan namen en e-mailadressen van respondenten zien"),
            (
                "view_eigen_antwoorden",
                "Kan de monitorantwoorden van de eigen organisatie zien",
            ),
        ]
        verbose_name = _("monitorronde")
        verbose_name_plural = _("monitorrondes")

    def __str__(self) -> str:
        return str(self.jaar)


class Kandidaat(models.Model):
    """One location judged for the round's base list."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    ronde = models.ForeignKey(
        Ronde, on_delete=models.CASCADE, related_name="kandidaten"
    )
    steunpunt = models.ForeignKey(
        Steunpunt,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="monitorkandidaten",
    )
    naam = models.CharField(_("naam"), max_length=200)
    organisatie_naam = models.CharField(_("organisatie"), max_length=200, blank=True)
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="monitorkandidaten"
    )
    # Null where the gemeente is in no region of the round's division.
    regio = models.ForeignKey(
        Regio,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="monitorkandidaten",
    )
    adres = models.CharField(_("adres"), max_length=300, blank=True)
    website = models.CharField(_("website"), max_length=300, blank=True)
    bron = models.CharField(_("bron"), max_length=20, choices=KandidaatBron.choices)
    bron_toelichting = models.CharField(
        _("toelichting bron"), max_length=300, blank=True
    )
    # The response whose answer reported this location (new or stopped).
    respons = models.ForeignKey(
        "lspmonitor.Respons",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="gemelde_kandidaten",
    )
    gemeld_gestopt = models.BooleanField(_("gemeld als gestopt"), default=False)
    besluit = models.CharField(
        _("besluit"), max_length=20, choices=Besluit.choices, default=Besluit.OPEN
    )
    # Field name of the first afwegingskader question answered "nee", or
    # "gestopt" (constants.REDENEN).
    reden = models.CharField(_("reden"), max_length=40, blank=True)
    besloten_op = models.DateTimeField(_("besloten op"), null=True, blank=True)
    # Size at this round (§4.2 rule from the dagdelen at the reference date).
    lsp_type = models.CharField(
        _("type"), max_length=10, choices=LspType.choices, default=LspType.ONBEKEND
    )
    dagdelen_per_week = models.PositiveSmallIntegerField(null=True, blank=True)
    # How many LSPs this entry counts for (2025 annex rows counting 2 or 3).
    aantal = models.PositiveSmallIntegerField(_("aantal"), default=1)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["regio__naam", "naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["ronde", "steunpunt"],
                condition=models.Q(steunpunt__isnull=False),
                name="kandidaat_steunpunt_uniek",
            ),
        ]
        indexes = [
            models.Index(fields=["ronde", "besluit"], name="kandidaat_ronde_besluit")
        ]
        verbose_name = _("kandidaat basislijst")
        verbose_name_plural = _("kandidaten basislijst")

    def __str__(self) -> str:
        return f"{self.ronde}: {self.naam}"


class Beoordeling(models.Model):
    """One reviewer's judgement of a candidate on the six questions.

    `basis` and `toelichtingen` map a question's field name
    (register.afwegingskader.QUESTION_FIELDS) to its basis code
    (constants.Basis) and its note.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kandidaat = models.ForeignKey(
        Kandidaat, on_delete=models.CASCADE, related_name="beoordelingen"
    )
    rol = models.CharField(
        _("beoordelaar"), max_length=20, choices=BeoordelaarRol.choices
    )
    beoordelaar = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
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
    basis = models.JSONField(_("basis per vraag"), default=dict, blank=True)
    toelichtingen = models.JSONField(
        _("toelichting per vraag"), default=dict, blank=True
    )
    toelichting = models.TextField(_("toelichting"), blank=True)
    beoordeeld_op = models.DateTimeField(_("beoordeeld op"))

    class Meta:
        ordering = ["kandidaat", "rol"]
        constraints = [
            models.UniqueConstraint(
                fields=["kandidaat", "rol"], name="beoordeling_per_rol"
            )
        ]
        verbose_name = _("beoordeling afwegingskader")
        verbose_name_plural = _("beoordelingen afwegingskader")

    def __str__(self) -> str:
        return f"{self.kandidaat} ({self.rol})"
