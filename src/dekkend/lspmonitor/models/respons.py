# SPDX-License-Identifier: EUPL-1.2
"""Invitations with their personal link, the responses, and the location
changes respondents propose.

Only a SHA-256 of a link's token is stored; the token itself exists only in
the e-mail. Names and e-mail addresses of respondents are personal data that
only the landelijk role sees.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from dekkend.lspmonitor.constants import ResponsStatus, UitnodigingRol, VoorstelStatus
from dekkend.lspmonitor.models.ronde import Ronde
from dekkend.regions.models import Regio
from dekkend.register.models import Locatie, Organisatie, Steunpunt


class Uitnodiging(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    ronde = models.ForeignKey(
        Ronde, on_delete=models.CASCADE, related_name="uitnodigingen"
    )
    rol = models.CharField(_("rol"), max_length=20, choices=UitnodigingRol.choices)
    naam = models.CharField(_("naam"), max_length=200)
    email = models.EmailField(_("e-mail"))
    regio = models.ForeignKey(
        Regio,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="monitoruitnodigingen",
    )
    organisatie = models.ForeignKey(
        Organisatie,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="monitoruitnodigingen",
    )
    # SHA-256 (hex) of the token in the link; empty until the first e-mail.
    token_hash = models.CharField(max_length=64, blank=True, db_index=True)
    verstuurd_op = models.DateTimeField(_("verstuurd op"), null=True, blank=True)
    herinnerd_op = models.DateTimeField(_("herinnerd op"), null=True, blank=True)
    geopend_op = models.DateTimeField(_("geopend op"), null=True, blank=True)
    ingetrokken_op = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["ronde", "regio__naam", "rol", "naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["ronde", "email", "rol", "regio"],
                name="uitnodiging_uniek",
            ),
            models.UniqueConstraint(
                fields=["token_hash"],
                condition=~models.Q(token_hash=""),
                name="uitnodiging_token_uniek",
            ),
        ]
        verbose_name = _("uitnodiging")
        verbose_name_plural = _("uitnodigingen")

    def __str__(self) -> str:
        return f"{self.ronde} {self.get_rol_display()} {self.pk}"


class Respons(models.Model):
    """The one response of an invitation: answers as `{question key: answer}`
    (see lspmonitor/questionnaire)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    uitnodiging = models.OneToOneField(
        Uitnodiging, on_delete=models.CASCADE, related_name="respons"
    )
    ronde = models.ForeignKey(Ronde, on_delete=models.CASCADE, related_name="responsen")
    rol = models.CharField(_("rol"), max_length=20, choices=UitnodigingRol.choices)
    regio = models.ForeignKey(
        Regio,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="monitorresponsen",
    )
    organisatie = models.ForeignKey(
        Organisatie,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="monitorresponsen",
    )
    vragenlijst_versie = models.CharField(max_length=40)
    antwoorden = models.JSONField(_("antwoorden"), default=dict, blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ResponsStatus.choices,
        default=ResponsStatus.CONCEPT,
    )
    # Synthetic demo answers are marked, and never mixed into a real round.
    synthetisch = models.BooleanField(_("synthetisch (demo)"), default=False)
    gestart_op = models.DateTimeField(_("gestart op"), auto_now_add=True)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)
    ingediend_op = models.DateTimeField(_("ingediend op"), null=True, blank=True)

    class Meta:
        ordering = ["ronde", "regio__naam", "rol"]
        indexes = [
            models.Index(fields=["ronde", "status"], name="respons_ronde_status")
        ]
        verbose_name = _("respons")
        verbose_name_plural = _("responsen")

    def __str__(self) -> str:
        return f"{self.ronde} {self.get_rol_display()} {self.pk}"


class LocatieVoorstel(models.Model):
    """A respondent's confirmation or completion of one of the organisation's
    locations; accepted through register.services.steunpunt_update.

    `velden`: the changes as the questionnaire gives them (`wijzigingen` of
    the own-locations answer): straat, huisnummer, postcode, plaats,
    dagdelen (list of "<weekday>-<dagdeel>"), elementen, telefoon, email,
    website.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    respons = models.ForeignKey(
        Respons, on_delete=models.CASCADE, related_name="locatievoorstellen"
    )
    locatie = models.ForeignKey(
        Locatie, on_delete=models.CASCADE, related_name="monitorvoorstellen"
    )
    steunpunt = models.ForeignKey(
        Steunpunt, on_delete=models.CASCADE, related_name="monitorvoorstellen"
    )
    bevestigd = models.BooleanField(_("gegevens bevestigd"), default=False)
    velden = models.JSONField(_("voorgestelde wijzigingen"), default=dict, blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=VoorstelStatus.choices,
        default=VoorstelStatus.OPEN,
    )
    beoordeeld_op = models.DateTimeField(_("beoordeeld op"), null=True, blank=True)
    beoordeeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reden_afwijzing = models.CharField(_("reden afwijzing"), max_length=500, blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["status", "aangemaakt_op"]
        constraints = [
            models.UniqueConstraint(
                fields=["respons", "locatie"], name="locatievoorstel_uniek"
            )
        ]
        verbose_name = _("voorstel locatiegegevens")
        verbose_name_plural = _("voorstellen locatiegegevens")

    def __str__(self) -> str:
        return f"{self.locatie} ({self.status})"
