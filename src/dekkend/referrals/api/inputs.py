# SPDX-License-Identifier: EUPL-1.2
"""Input and query serializers of the referral API. They check shapes and
types only; the services decide what is allowed (and name the fields of their
errors, which `views` maps onto the names used here). Nothing here saves.

Each input serializer is named in the schema after the resource it creates
(`VerwijzingRequest`, `ContactRequest`, …), so a choice set keeps one enum
name across request and response.
"""

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers

from dekkend.api.fields import StrictBooleanField
from dekkend.api.query import QuerySerializer
from dekkend.referrals import workflow
from dekkend.referrals.constants import (
    ContactSoort,
    Leesreden,
    Probleem,
    Status,
    TerugkoppelingSoort,
    ToestemmingGever,
    ToestemmingWijze,
    Uitkomst,
    WarmeOverdracht,
)
from dekkend.register.constants import AanbodSoort

# The actions a person takes; the others follow from records (first contact,
# consent withdrawal) and are refused as input.
GEBRUIKER_ACTIES = [
    a.value
    for a in workflow.Actie
    if any(o.actie == a and o.rol != workflow.Rol.SYSTEEM for o in workflow.OVERGANGEN)
]


@extend_schema_serializer(component_name="Inwoner")
class InwonerInvoerSerializer(serializers.Serializer[Any]):
    naam = serializers.CharField(allow_blank=True, max_length=200)
    geboortedatum = serializers.DateField(required=False, allow_null=True)
    telefoon = serializers.CharField(required=False, allow_blank=True, default="")
    email = serializers.CharField(required=False, allow_blank=True, default="")
    postcode = serializers.CharField(required=False, allow_blank=True, default="")
    bsn = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        help_text="Alleen in regio's die het BSN vastleggen.",
    )


@extend_schema_serializer(component_name="Voorwaarden")
class VoorwaardenInvoerSerializer(serializers.Serializer[Any]):
    """The four conditions of 003 §4.1; all four must hold."""

    nietAlleenMedisch = StrictBooleanField()
    geenGgz = StrictBooleanField()
    vraagverhelderingNodig = StrictBooleanField()
    onvoldoendeEigenRegie = StrictBooleanField()


@extend_schema_serializer(component_name="Toestemming")
class ToestemmingInvoerSerializer(serializers.Serializer[Any]):
    gegevenDoor = serializers.ChoiceField(choices=ToestemmingGever.choices)
    gegevenOp = serializers.DateTimeField()
    wijze = serializers.ChoiceField(choices=ToestemmingWijze.choices)
    doel = serializers.CharField(
        required=False, max_length=300, help_text="Standaard: het doel uit 003 §4.1."
    )


@extend_schema_serializer(component_name="Verwijzing")
class VerwijzingInvoerSerializer(serializers.Serializer[Any]):
    inwoner = InwonerInvoerSerializer()
    gemeente = serializers.RegexField(
        r"^(GM|gm)\d{4}$",
        help_text="CBS-code van de woongemeente, bijvoorbeeld GM0687.",
        error_messages={"invalid": _("Geef een CBS-code als GM0687.")},
    )
    verwijzerOrganisatie = serializers.UUIDField(
        required=False,
        help_text="Namens welke organisatie; mag ontbreken als u bij één organisatie hoort.",
    )
    problemen = serializers.ListField(
        child=serializers.ChoiceField(choices=Probleem.choices)
    )
    voorwaarden = VoorwaardenInvoerSerializer()
    warmeOverdracht = serializers.ChoiceField(choices=WarmeOverdracht.choices)
    toestemming = ToestemmingInvoerSerializer()
    toelichting = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=2000
    )


@extend_schema_serializer(component_name="Statuswijziging")
class StatuswijzigingInvoerSerializer(serializers.Serializer[Any]):
    actie = serializers.ChoiceField(
        choices=GEBRUIKER_ACTIES,
        error_messages={
            "invalid_choice": _(
                "'{input}' is geen actie die u kunt kiezen (eerste contact en "
                "toestemming intrekken hebben hun eigen resource)."
            )
        },
    )
    reden = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        help_text="Verplicht bij terugsturen, intrekken en pauzeren.",
    )
    uitkomst = serializers.ChoiceField(
        choices=Uitkomst.choices,
        required=False,
        allow_null=True,
        default=None,
        help_text="Verplicht bij afsluiten.",
    )


@extend_schema_serializer(component_name="Contact")
class ContactInvoerSerializer(serializers.Serializer[Any]):
    soort = serializers.ChoiceField(choices=ContactSoort.choices)
    datum = serializers.DateField(
        required=False, default=timezone.localdate, help_text="Standaard vandaag."
    )
    duurMinuten = serializers.IntegerField()
    leefgebieden = serializers.ListField(
        child=serializers.CharField(),
        required=False,
        default=list,
        help_text="Besproken leefgebieden: codes uit `problemen`.",
    )


@extend_schema_serializer(component_name="Verbinding")
class VerbindingInvoerSerializer(serializers.Serializer[Any]):
    aanbod = serializers.UUIDField(
        required=False,
        allow_null=True,
        default=None,
        help_text="Aanbod uit de sociale kaart; anders `soort` en `omschrijving`.",
    )
    soort = serializers.ChoiceField(
        choices=AanbodSoort.choices, required=False, allow_blank=True, default=""
    )
    omschrijving = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=300
    )
    datum = serializers.DateField(
        required=False, default=timezone.localdate, help_text="Standaard vandaag."
    )


@extend_schema_serializer(component_name="Terugkoppeling")
class TerugkoppelingInvoerSerializer(serializers.Serializer[Any]):
    soort = serializers.ChoiceField(choices=TerugkoppelingSoort.choices)
    aanDeSlagMet = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        help_text="Waar de inwoner mee aan de slag is gegaan.",
    )
    geholpen = StrictBooleanField(required=False, allow_null=True, default=None)


class LeesredenQuerySerializer(QuerySerializer):
    reden = serializers.ChoiceField(
        choices=Leesreden.choices,
        required=False,
        help_text="Waarom u de gegevens leest (vastgelegd in het auditlog). Standaard "
        "`behandeling` voor de ontvangende organisatie, `opvolging` voor de verwijzer.",
    )


class VerwijzingQuerySerializer(LeesredenQuerySerializer):
    status = serializers.MultipleChoiceField(
        choices=Status.choices,
        required=False,
        help_text="Herhaal de parameter voor meer statussen.",
    )
    richting = serializers.ChoiceField(
        choices=[("verstuurd", "verstuurd"), ("ontvangen", "ontvangen")],
        required=False,
        help_text="`verstuurd`: wat u verwees; `ontvangen`: wat uw organisatie ontving.",
    )
    gemeente = serializers.RegexField(
        r"^(GM|gm)\d{4}$", required=False, help_text="CBS-code, bijvoorbeeld GM0687."
    )
    aangemaaktVanaf = serializers.DateField(required=False)
    aangemaaktTot = serializers.DateField(
        required=False, help_text="Tot en met deze dag."
    )
    terugkoppelingTeLaat = StrictBooleanField(
        required=False,
        default=False,
        help_text="Alleen open verwijzingen waarvan de eerste terugkoppeling te laat is.",
    )
