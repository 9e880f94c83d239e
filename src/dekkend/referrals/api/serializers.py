# SPDX-License-Identifier: EUPL-1.2
"""Output serializers of the referral API (camelCase, never saving).

One serializer per resource, whose fields depend on the caller's role on the
referral (`rol` in the output, passed in the context as `rollen`, a map from
referral pk to `workflow.Rol | None`):

- brugfunctionaris: everything of a referral sent to their organisation;
- verwijzer: their own referral with status, history and feedback, but no
  contacts or connections, and no reasons the receiving organisation wrote
  for itself (pausing, resuming);
- no role (a party that just lost access, e.g. after consent withdrawal):
  only the administrative fields, no personal data.

Omitted fields are left out of the JSON rather than set to null, and they are
optional in the schema. Input serializers live in `inputs.py`.
"""

from collections.abc import Mapping
from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.fields import SkipField

from dekkend.referrals import workflow
from dekkend.referrals.constants import (
    ContactSoort,
    Probleem,
    Status,
    TerugkoppelingSoort,
    ToestemmingGever,
    ToestemmingWijze,
    Uitkomst,
    WarmeOverdracht,
)
from dekkend.referrals.models import (
    StatusWijziging,
    Verwijzing,
)
from dekkend.register.api.serializers import (
    GemeenteKortSerializer,
    OrganisatieKortSerializer,
)
from dekkend.register.constants import AanbodSoort

ROL_CHOICES = [
    (workflow.Rol.VERWIJZER.value, "verwijzer"),
    (workflow.Rol.BRUGFUNCTIONARIS.value, "brugfunctionaris"),
]
# Fields only the parties to the referral see.
PARTIJ_VELDEN = (
    "verwijzer",
    "inwoner",
    "problemen",
    "voorwaarden",
    "warmeOverdracht",
    "toelichting",
    "eersteContactOp",
    "eersteTerugkoppelingOp",
    "statussen",
    "terugkoppelingen",
)
# Fields only the receiving organisation sees.
BRUG_VELDEN = ("contacten", "verbindingen")
# Reasons the verwijzer sees: their own, and the one addressed to them.


def _hidden(rol: workflow.Rol | None) -> tuple[str, ...]:
    if rol is None:
        return PARTIJ_VELDEN + BRUG_VELDEN
    if rol == workflow.Rol.VERWIJZER:
        return BRUG_VELDEN
    return ()


def _rol(context: Mapping[str, Any], obj: Verwijzing) -> workflow.Rol | None:
    rol: workflow.Rol | None = context.get("rollen", {}).get(obj.pk)
    return rol


class InwonerSerializer(serializers.Serializer[Any]):
    naam = serializers.CharField(source="inwoner_naam")
    geboortedatum = serializers.DateField(
        source="inwoner_geboortedatum", allow_null=True
    )
    telefoon = serializers.CharField(source="inwoner_telefoon")
    email = serializers.CharField(source="inwoner_email")
    postcode = serializers.CharField(source="inwoner_postcode")
    bsn = serializers.CharField(source="inwoner_bsn")


class VoorwaardenSerializer(serializers.Serializer[Any]):
    nietAlleenMedisch = serializers.BooleanField(
        source="voorwaarde_niet_alleen_medisch"
    )
    geenGgz = serializers.BooleanField(source="voorwaarde_geen_ggz")
    vraagverhelderingNodig = serializers.BooleanField(
        source="voorwaarde_vraagverheldering_nodig"
    )
    onvoldoendeEigenRegie = serializers.BooleanField(
        source="voorwaarde_onvoldoende_eigen_regie"
    )


class ToestemmingSerializer(serializers.Serializer[Any]):
    gegevenDoor = serializers.ChoiceField(
        source="gegeven_door", choices=ToestemmingGever.choices
    )
    gegevenOp = serializers.DateTimeField(source="gegeven_op")
    wijze = serializers.ChoiceField(choices=ToestemmingWijze.choices)
    doel = serializers.CharField()
    ingetrokkenOp = serializers.DateTimeField(source="ingetrokken_op", allow_null=True)


class VerwijzerSerializer(serializers.Serializer[Any]):
    naam = serializers.CharField(source="__str__")


class StatuswijzigingSerializer(serializers.Serializer[Any]):
    """One step of the history. `actie` is a workflow action, or `aanmaken`
    for the first record; `van` and `naar` are `status` values (`van` is
    empty on the first record)."""

    van = serializers.CharField(help_text="Een waarde van `status`, of leeg.")
    naar = serializers.CharField(help_text="Een waarde van `status`.")
    actie = serializers.CharField(
        help_text="Een waarde van `actie`, of `aanmaken` bij het versturen."
    )
    reden = serializers.CharField(
        required=False,
        help_text="Ontbreekt voor de verwijzer bij stappen van de ontvangende organisatie "
        "(pauzeren, hervatten).",
    )
    op = serializers.DateTimeField()

    def to_representation(self, instance: StatusWijziging) -> dict[str, Any]:
        data = super().to_representation(instance)
        rol = self.context.get("rollen", {}).get(instance.verwijzing_id)
        if (
            rol != workflow.Rol.BRUGFUNCTIONARIS
            and instance.actie not in workflow.REDEN_VOOR_VERWIJZER
        ):
            data.pop("reden")
        return data


class ContactSerializer(serializers.Serializer[Any]):
    soort = serializers.ChoiceField(choices=ContactSoort.choices)
    datum = serializers.DateField()
    duurMinuten = serializers.IntegerField(source="duur_minuten")
    leefgebieden = serializers.ListField(
        child=serializers.CharField(),
        help_text="Codes uit `problemen`.",
    )
    vastgelegdOp = serializers.DateTimeField(source="vastgelegd_op")


class AanbodKortSerializer(serializers.Serializer[Any]):
    uuid = serializers.UUIDField()
    naam = serializers.CharField()


class VerbindingSerializer(serializers.Serializer[Any]):
    aanbod = AanbodKortSerializer(allow_null=True)
    soort = serializers.ChoiceField(choices=AanbodSoort.choices)
    omschrijving = serializers.CharField()
    datum = serializers.DateField()


class TerugkoppelingSerializer(serializers.Serializer[Any]):
    soort = serializers.ChoiceField(choices=TerugkoppelingSoort.choices)
    aanDeSlagMet = serializers.CharField(source="aan_de_slag_met")
    geholpen = serializers.BooleanField(allow_null=True)
    verstuurdOp = serializers.DateTimeField(source="verstuurd_op")
    gelezenOp = serializers.DateTimeField(
        source="gelezen_op",
        allow_null=True,
        help_text="Wanneer de verwijzer de terugkoppeling las (leeg: nog niet).",
    )


class VerwijzingSerializer(serializers.Serializer[Any]):
    """A referral as a list row. Which fields appear depends on `rol`."""

    uuid = serializers.UUIDField()
    rol = serializers.SerializerMethodField(
        help_text="De rol van de gebruiker bij deze verwijzing; bepaalt welke velden er zijn."
    )
    status = serializers.ChoiceField(choices=Status.choices)
    statusSinds = serializers.DateTimeField(source="status_sinds")
    aangemaaktOp = serializers.DateTimeField(source="aangemaakt_op")
    gemeente = GemeenteKortSerializer()
    verwijzerOrganisatie = OrganisatieKortSerializer(source="verwijzer_organisatie")
    ontvangerOrganisatie = OrganisatieKortSerializer(source="ontvanger_organisatie")
    toestemming = ToestemmingSerializer(allow_null=True)
    uitkomst = serializers.SerializerMethodField()
    afgeslotenOp = serializers.DateTimeField(source="afgesloten_op", allow_null=True)
    toegestaneActies = serializers.SerializerMethodField(
        help_text="Waarden van `actie` die deze gebruiker nu kan kiezen."
    )
    verwijzer = VerwijzerSerializer(required=False)
    inwoner = InwonerSerializer(source="*", required=False)
    problemen = serializers.ListField(
        child=serializers.ChoiceField(choices=Probleem.choices), required=False
    )
    voorwaarden = VoorwaardenSerializer(source="*", required=False)
    warmeOverdracht = serializers.ChoiceField(
        source="warme_overdracht", choices=WarmeOverdracht.choices, required=False
    )
    toelichting = serializers.CharField(source="inwoner_toelichting", required=False)
    eersteContactOp = serializers.DateTimeField(
        source="eerste_contact_op", allow_null=True, required=False
    )
    eersteTerugkoppelingOp = serializers.DateTimeField(
        source="eerste_terugkoppeling_op", allow_null=True, required=False
    )

    @extend_schema_field(serializers.ChoiceField(choices=ROL_CHOICES, allow_null=True))
    def get_rol(self, obj: Verwijzing) -> str | None:
        rol = _rol(self.context, obj)
        return rol.value if rol is not None else None

    @extend_schema_field(
        serializers.ChoiceField(choices=Uitkomst.choices, allow_null=True)
    )
    def get_uitkomst(self, obj: Verwijzing) -> str | None:
        return obj.uitkomst or None

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_toegestaneActies(self, obj: Verwijzing) -> list[str]:  # noqa: N802
        rol = _rol(self.context, obj)
        if rol is None:
            return []
        return [
            a.value
            for a in workflow.toegestane_acties(workflow.Status(obj.status), rol)
        ]

    def to_representation(self, instance: Verwijzing) -> dict[str, Any]:
        # As DRF's Serializer.to_representation, but fields hidden from this
        # role are skipped before they are read (no query for what is not shown).
        hidden = _hidden(_rol(self.context, instance))
        data: dict[str, Any] = {}
        for field in self._readable_fields:
            name = field.field_name
            assert name is not None
            if name in hidden:
                continue
            try:
                attribute = field.get_attribute(instance)
            except SkipField:
                continue
            data[name] = (
                None if attribute is None else field.to_representation(attribute)
            )
        return data


class VerwijzingDetailSerializer(VerwijzingSerializer):
    """A referral with its history, feedback and (for the receiving
    organisation) contacts and connections."""

    statussen = StatuswijzigingSerializer(
        source="statussen.all", many=True, required=False
    )
    terugkoppelingen = TerugkoppelingSerializer(
        source="terugkoppelingen.all", many=True, required=False
    )
    contacten = ContactSerializer(source="contacten.all", many=True, required=False)
    verbindingen = VerbindingSerializer(
        source="verbindingen.all", many=True, required=False
    )
