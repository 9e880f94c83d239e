# SPDX-License-Identifier: EUPL-1.2
"""Referrals and everything recorded on them. This is the only place in
Dekkend with personal data (PRODUCT.md): minimal fields, consent before
sharing, every read and write audited, anonymised after the retention term.

Fields holding personal data are named `inwoner_*` and cleared by
`services.verwijzing_anonymise`; everything else is statistics.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from dekkend.accounts.constants import VERWIJZENDE_BEROEPEN_STANDAARD
from dekkend.referrals.constants import (
    BEWAARTERMIJN_MAANDEN,
    TERMIJN_EERSTE_TERUGKOPPELING_WERKDAGEN,
    ContactSoort,
    Status,
    TerugkoppelingSoort,
    ToestemmingGever,
    ToestemmingWijze,
    Uitkomst,
    WarmeOverdracht,
)
from dekkend.regions.models import Gemeente, Regio
from dekkend.register.constants import AanbodSoort
from dekkend.register.models import Aanbod, Organisatie


def default_verwijzende_beroepen() -> list[str]:
    return list(VERWIJZENDE_BEROEPEN_STANDAARD)


class RegioInstelling(models.Model):
    """How a region runs sociaal verwijzen (003 §7: regional agreements)."""

    regio = models.OneToOneField(
        Regio, on_delete=models.CASCADE, related_name="verwijsinstelling"
    )
    termijn_eerste_terugkoppeling_werkdagen = models.PositiveSmallIntegerField(
        default=TERMIJN_EERSTE_TERUGKOPPELING_WERKDAGEN
    )
    bewaartermijn_maanden = models.PositiveSmallIntegerField(
        default=BEWAARTERMIJN_MAANDEN
    )
    verwijzende_beroepen = models.JSONField(
        _("beroepen die mogen verwijzen"), default=default_verwijzende_beroepen
    )
    bsn_toegestaan = models.BooleanField(default=False)
    bsn_grondslag = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = _("verwijsinstelling van een regio")
        verbose_name_plural = _("verwijsinstellingen van regio's")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(bsn_toegestaan=False) | ~models.Q(bsn_grondslag=""),
                name="bsn_alleen_met_grondslag",
            )
        ]

    def __str__(self) -> str:
        return str(self.regio)


class Werkgebied(models.Model):
    """The bridging organisation responsible for a gemeente's residents."""

    gemeente = models.OneToOneField(
        Gemeente, on_delete=models.CASCADE, related_name="brugorganisatie"
    )
    organisatie = models.ForeignKey(
        Organisatie, on_delete=models.CASCADE, related_name="werkgebied"
    )

    class Meta:
        verbose_name = _("werkgebied brugorganisatie")
        verbose_name_plural = _("werkgebieden brugorganisaties")

    def __str__(self) -> str:
        return f"{self.organisatie} → {self.gemeente}"


class Verwijzing(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    verwijzer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="verwijzingen"
    )
    verwijzer_organisatie = models.ForeignKey(
        Organisatie, on_delete=models.PROTECT, related_name="verwijzingen_verstuurd"
    )
    ontvanger_organisatie = models.ForeignKey(
        Organisatie, on_delete=models.PROTECT, related_name="verwijzingen_ontvangen"
    )
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="verwijzingen"
    )
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.VERSTUURD, db_index=True
    )
    status_sinds = models.DateTimeField()
    aangemaakt_op = models.DateTimeField(db_index=True)

    # Personal data: cleared on anonymisation.
    inwoner_naam = models.CharField(_("naam"), max_length=200, blank=True)
    inwoner_geboortedatum = models.DateField(_("geboortedatum"), null=True, blank=True)
    inwoner_telefoon = models.CharField(_("telefoon"), max_length=30, blank=True)
    inwoner_email = models.EmailField(_("e-mail"), blank=True)
    inwoner_postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    inwoner_bsn = models.CharField(_("BSN"), max_length=9, blank=True)
    inwoner_toelichting = models.TextField(_("toelichting verwijzer"), blank=True)

    # The request (kept as statistics).
    problemen = models.JSONField(
        _("psychosociale problemen en leefgebieden"), default=list
    )
    voorwaarde_niet_alleen_medisch = models.BooleanField(default=False)
    voorwaarde_geen_ggz = models.BooleanField(default=False)
    voorwaarde_vraagverheldering_nodig = models.BooleanField(default=False)
    voorwaarde_onvoldoende_eigen_regie = models.BooleanField(default=False)
    warme_overdracht = models.CharField(max_length=30, choices=WarmeOverdracht.choices)

    # Milestones for indicators and reminders.
    eerste_contact_op = models.DateTimeField(null=True, blank=True)
    eerste_terugkoppeling_op = models.DateTimeField(null=True, blank=True)
    afgesloten_op = models.DateTimeField(null=True, blank=True)
    uitkomst = models.CharField(max_length=30, choices=Uitkomst.choices, blank=True)
    terugkoppeling_bij_afsluiten = models.BooleanField(default=False)
    herinnering_verstuurd_op = models.DateTimeField(null=True, blank=True)
    geanonimiseerd_op = models.DateTimeField(null=True, blank=True)
    # When the referrer wrote it in their own system (ServiceRequest.authoredOn
    # of a FHIR import); None for a referral made in Dekkend.
    opgesteld_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-aangemaakt_op"]
        indexes = [
            models.Index(
                fields=["gemeente", "aangemaakt_op"], name="verwijzing_gemeente_datum"
            ),
            models.Index(
                fields=["ontvanger_organisatie", "status"], name="verwijzing_inbox"
            ),
        ]
        verbose_name = _("verwijzing")
        verbose_name_plural = _("verwijzingen")
        permissions = [
            ("view_indicatoren", _("Kan verwijsindicatoren van de eigen regio zien")),
            (
                "view_indicatoren_landelijk",
                _("Kan verwijsindicatoren van alle regio's zien"),
            ),
            ("view_inzagelog", _("Kan het inzagelog van een inwoner tonen")),
        ]

    def __str__(self) -> str:
        return f"verwijzing {self.uuid}"


class VerwijzingIdentifier(models.Model):
    """An identifier the sending system gave a referral (an imported
    ServiceRequest's `identifier`). A second import that carries one of these
    is the same referral, not a new one."""

    verwijzing = models.ForeignKey(
        Verwijzing, on_delete=models.CASCADE, related_name="identifiers"
    )
    system = models.CharField(max_length=255)
    value = models.CharField(max_length=255)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["system", "value"], name="verwijzing_identifier_uniek"
            )
        ]
        verbose_name = _("identificatie van de verzender")
        verbose_name_plural = _("identificaties van de verzender")

    def __str__(self) -> str:
        return f"{self.system}|{self.value}"


class Toestemming(models.Model):
    """The resident's consent: who gave it, when, how, for what."""

    verwijzing = models.OneToOneField(
        Verwijzing, on_delete=models.CASCADE, related_name="toestemming"
    )
    gegeven_door = models.CharField(max_length=20, choices=ToestemmingGever.choices)
    gegeven_op = models.DateTimeField()
    wijze = models.CharField(max_length=20, choices=ToestemmingWijze.choices)
    doel = models.CharField(max_length=300)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    ingetrokken_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("toestemming")
        verbose_name_plural = _("toestemmingen")

    def __str__(self) -> str:
        return f"toestemming {self.verwijzing_id}"

    @property
    def geldig(self) -> bool:
        return self.ingetrokken_op is None


class StatusWijziging(models.Model):
    """Append-only history of the workflow (never edited)."""

    verwijzing = models.ForeignKey(
        Verwijzing, on_delete=models.CASCADE, related_name="statussen"
    )
    van = models.CharField(max_length=20, choices=Status.choices, blank=True)
    naar = models.CharField(max_length=20, choices=Status.choices)
    actie = models.CharField(max_length=30)
    reden = models.TextField(blank=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    op = models.DateTimeField()

    class Meta:
        ordering = ["op", "id"]
        verbose_name = _("statuswijziging")
        verbose_name_plural = _("statuswijzigingen")

    def __str__(self) -> str:
        return f"{self.van} → {self.naar}"


class Contact(models.Model):
    verwijzing = models.ForeignKey(
        Verwijzing, on_delete=models.CASCADE, related_name="contacten"
    )
    soort = models.CharField(max_length=20, choices=ContactSoort.choices)
    datum = models.DateField()
    duur_minuten = models.PositiveSmallIntegerField()
    leefgebieden = models.JSONField(_("besproken leefgebieden"), default=list)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    vastgelegd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["datum", "id"]
        verbose_name = _("contact")
        verbose_name_plural = _("contacten")

    def __str__(self) -> str:
        return f"{self.soort} {self.datum}"


class Verbinding(models.Model):
    """A connection made to an offer (any offer on the register, or described)."""

    verwijzing = models.ForeignKey(
        Verwijzing, on_delete=models.CASCADE, related_name="verbindingen"
    )
    aanbod = models.ForeignKey(
        Aanbod, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    soort = models.CharField(max_length=30, choices=AanbodSoort.choices)
    omschrijving = models.CharField(max_length=300, blank=True)
    datum = models.DateField()
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["datum", "id"]
        verbose_name = _("verbinding")
        verbose_name_plural = _("verbindingen")

    def __str__(self) -> str:
        return f"{self.soort} {self.datum}"


class Terugkoppeling(models.Model):
    """Structured feedback to the referrer (003 §4 step 4)."""

    verwijzing = models.ForeignKey(
        Verwijzing, on_delete=models.CASCADE, related_name="terugkoppelingen"
    )
    soort = models.CharField(max_length=20, choices=TerugkoppelingSoort.choices)
    aan_de_slag_met = models.TextField(
        _("waar de inwoner mee aan de slag is gegaan"), blank=True
    )
    geholpen = models.BooleanField(_("geholpen"), null=True)
    verstuurd_op = models.DateTimeField()
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    gelezen_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["verstuurd_op", "id"]
        verbose_name = _("terugkoppeling")
        verbose_name_plural = _("terugkoppelingen")

    def __str__(self) -> str:
        return f"{self.soort} {self.verstuurd_op:%Y-%m-%d}"
