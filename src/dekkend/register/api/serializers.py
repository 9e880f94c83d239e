# SPDX-License-Identifier: EUPL-1.2
"""Output and query serializers of the register API (camelCase fields)."""

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy

from rest_framework import serializers

from dekkend.api.query import QuerySerializer
from dekkend.register import afstand, lsp_type
from dekkend.register.constants import (
    Dagdeel,
    Doelgroep,
    LspType,
    PositieBron,
    Weekdag,
)
from dekkend.register.models import Organisatie, Steunpunt


class OrganisatieSerializer(serializers.Serializer[Organisatie]):
    uuid = serializers.UUIDField()
    naam = serializers.CharField()
    soort = serializers.CharField()
    website = serializers.CharField()
    bron = serializers.CharField()
    bronPeildatum = serializers.DateField(source="bron_peildatum", allow_null=True)


class OrganisatieKortSerializer(serializers.Serializer[Organisatie]):
    uuid = serializers.UUIDField()
    naam = serializers.CharField()


class GemeenteKortSerializer(serializers.Serializer[Any]):
    code = serializers.CharField()
    naam = serializers.CharField()


class DagdeelSerializer(serializers.Serializer[Any]):
    weekdag = serializers.ChoiceField(choices=Weekdag.choices)
    dagdeel = serializers.ChoiceField(choices=Dagdeel.choices)


class SteunpuntSerializer(serializers.Serializer[Steunpunt]):
    uuid = serializers.UUIDField(source="aanbod.uuid")
    naam = serializers.CharField(source="aanbod.naam")
    organisatie = OrganisatieKortSerializer(source="aanbod.organisatie")
    status = serializers.CharField(source="aanbod.status")
    lspType = serializers.ChoiceField(source="lsp_type", choices=LspType.choices)
    typeHandmatig = serializers.BooleanField(source="type_handmatig")
    dagdelenPerWeek = serializers.IntegerField(source="dagdelen_per_week")
    dagdelen = DagdeelSerializer(source="aanbod.dagdelen.all", many=True)
    elementen = serializers.ListField(
        child=serializers.ChoiceField(choices=lsp_type.ELEMENTS)
    )
    gemeente = GemeenteKortSerializer(source="aanbod.locatie.gemeente")
    adres = serializers.CharField(source="aanbod.locatie.adres")
    lat = serializers.FloatField(source="aanbod.locatie.lat")
    lon = serializers.FloatField(source="aanbod.locatie.lon")
    positieBenaderd = serializers.BooleanField(
        source="aanbod.locatie.coordinaat_benaderd"
    )
    positieBron = serializers.ChoiceField(
        source="aanbod.locatie.positie_bron",
        choices=PositieBron.choices,
        help_text="Waar lat/lon vandaan komen: het adres, het postcodegebied (PC4) van het adres, of het midden van de gemeente.",
    )
    website = serializers.CharField(source="aanbod.website")
    telefoon = serializers.CharField(source="aanbod.telefoon")
    email = serializers.CharField(source="aanbod.email")
    contactpersoon = serializers.CharField(source="aanbod.contactpersoon")

    def to_representation(self, instance: Steunpunt) -> dict[str, Any]:
        data = super().to_representation(instance)
        data["typeHandmatig"] = bool(instance.type_handmatig)
        return data


class SteunpuntDetailSerializer(SteunpuntSerializer):
    omschrijving = serializers.CharField(source="aanbod.omschrijving")
    openingstijdenToelichting = serializers.CharField(
        source="aanbod.openingstijden_toelichting"
    )
    bezoekersPerDag = serializers.IntegerField(
        source="bezoekers_per_dag", allow_null=True
    )
    uniekeBezoekersPerJaar = serializers.IntegerField(
        source="unieke_bezoekers_per_jaar", allow_null=True
    )
    doelgroepen = serializers.SerializerMethodField()
    herstelaanbod = serializers.SerializerMethodField()
    kenmerken = serializers.SerializerMethodField()
    hoofdsteunpunt = serializers.UUIDField(
        source="hoofdsteunpunt.aanbod.uuid", allow_null=True, default=None
    )
    satellieten = serializers.SerializerMethodField()
    opBasislijst = serializers.SerializerMethodField()
    geldigVan = serializers.DateField(source="aanbod.geldig_van", allow_null=True)
    geldigTot = serializers.DateField(source="aanbod.geldig_tot", allow_null=True)
    bron = serializers.CharField(source="aanbod.bron")
    bronPeildatum = serializers.DateField(
        source="aanbod.bron_peildatum", allow_null=True
    )

    def get_doelgroepen(self, obj: Steunpunt) -> list[str]:
        return sorted(d.doelgroep for d in obj.aanbod.doelgroepen.all())

    def get_herstelaanbod(self, obj: Steunpunt) -> list[str]:
        return [h.soort for h in obj.herstelaanbod.all()]

    def get_kenmerken(self, obj: Steunpunt) -> dict[str, str]:
        return {str(k.kenmerk): k.status for k in obj.kenmerken.all()}

    def get_satellieten(self, obj: Steunpunt) -> list[str]:
        return [str(s.aanbod.uuid) for s in obj.satellieten.all()]

    def get_opBasislijst(self, obj: Steunpunt) -> bool | None:  # noqa: N802
        latest = max(
            obj.afwegingen.all(), key=lambda a: (a.beoordeeld_op, a.pk), default=None
        )
        return latest.op_basislijst if latest else None


class NabijSerializer(serializers.Serializer[Any]):
    afstandKm = serializers.FloatField(
        source="afstand_km",
        help_text="Hemelsbreed, in km, van de zoeklocatie tot de positie van het steunpunt (waar die vandaan komt: steunpunt.positieBron).",
    )
    overWater = serializers.BooleanField(
        help_text="De rechte lijn gaat over water zonder vaste verbinding: afstandKm is dan geen reisafstand.",
    )
    waterovergang = serializers.ChoiceField(
        choices=[
            (afstand.EILAND, "Waddeneiland zonder vaste verbinding"),
            (afstand.WESTERSCHELDE, "over de Westerschelde"),
        ],
        allow_null=True,
    )
    steunpunt = SteunpuntSerializer()


class HerkomstSerializer(serializers.Serializer[Any]):
    lat = serializers.FloatField()
    lon = serializers.FloatField()
    omschrijving = serializers.CharField()


class ZoekResultaatSerializer(serializers.Serializer[Any]):
    herkomst = HerkomstSerializer()
    resultaten = NabijSerializer(many=True)


class SteunpuntQuerySerializer(QuerySerializer):
    """Query parameters of the support-point list; invalid values give a 400."""

    gemeente = serializers.RegexField(r"^(GM|gm)\d{4}$", required=False)
    regio = serializers.UUIDField(required=False)
    type = serializers.ChoiceField(choices=LspType.choices, required=False)
    organisatie = serializers.UUIDField(required=False)
    element = serializers.ChoiceField(choices=lsp_type.ELEMENTS, required=False)
    doelgroep = serializers.ChoiceField(choices=Doelgroep.choices, required=False)
    q = serializers.CharField(required=False, max_length=100)
    peildatum = serializers.DateField(required=False, default=timezone.localdate)


class ZoekQuerySerializer(SteunpuntQuerySerializer):
    # The pattern is in the schema, so a client knows a postcode before asking.
    postcode = serializers.RegexField(
        r"^[1-9][0-9]{3}( ?[A-Za-z]{2})?$",
        required=False,
        error_messages={
            "invalid": gettext_lazy(
                "Dit is geen geldige postcode (bijvoorbeeld 4331 of 4331 AB)."
            )
        },
    )
    limit = serializers.IntegerField(
        required=False, min_value=1, max_value=50, default=10
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if not attrs.get("postcode") and not attrs.get("gemeente"):
            raise serializers.ValidationError(
                {"postcode": "Geef een postcode of een gemeente (CBS-code) op."}
            )
        return attrs


class LspSummaryQuerySerializer(QuerySerializer):
    division = serializers.CharField(required=False, default="lsp-monitor-2025")
    peildatum = serializers.DateField(required=False, default=timezone.localdate)


class TypeTellingSerializer(serializers.Serializer[Any]):
    groot = serializers.IntegerField()
    middel = serializers.IntegerField()
    klein = serializers.IntegerField()
    onbekend = serializers.IntegerField()
    totaal = serializers.IntegerField()


class RegioTellingSerializer(TypeTellingSerializer):
    regio = serializers.CharField()


class LspSummarySerializer(serializers.Serializer[Any]):
    division = serializers.CharField()
    peildatum = serializers.DateField()
    regios = RegioTellingSerializer(many=True)
    totaal = TypeTellingSerializer()
    organisaties = serializers.IntegerField()
    buiten_indeling = TypeTellingSerializer(required=False)
