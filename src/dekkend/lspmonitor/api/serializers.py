# SPDX-License-Identifier: EUPL-1.2
"""Output shapes of the monitor API: camelCase glossary terms, objects by
uuid or year. No respondent's name or e-mail address appears here."""

from typing import Any

from rest_framework import serializers

from dekkend.api.query import QuerySerializer
from dekkend.lspmonitor.constants import Besluit, KandidaatBron
from dekkend.lspmonitor.models import Beoordeling, Kandidaat, Ronde
from dekkend.register import afwegingskader


class RondeSerializer(serializers.ModelSerializer[Ronde]):
    status = serializers.CharField(
        help_text="voorbereiding, open, gesloten of gepubliceerd"
    )
    openOp = serializers.DateField(source="open_op")
    sluitOp = serializers.DateField(source="sluit_op")
    peildatum = serializers.DateField()
    indeling = serializers.CharField(source="indeling.naam")
    vragenlijstVersie = serializers.CharField(source="vragenlijst_versie")
    gepubliceerdeCijfers = serializers.BooleanField(source="gepubliceerde_cijfers")

    class Meta:
        model = Ronde
        fields = [
            "uuid",
            "jaar",
            "status",
            "openOp",
            "sluitOp",
            "peildatum",
            "indeling",
            "vragenlijstVersie",
            "gepubliceerdeCijfers",
        ]


class KandidaatSerializer(serializers.ModelSerializer[Kandidaat]):
    organisatie = serializers.CharField(source="organisatie_naam")
    gemeente = serializers.CharField(source="gemeente.code")
    gemeentenaam = serializers.CharField(source="gemeente.naam")
    regio = serializers.SerializerMethodField()
    steunpunt = serializers.SerializerMethodField()
    type = serializers.CharField(source="lsp_type")
    dagdelenPerWeek = serializers.IntegerField(
        source="dagdelen_per_week", allow_null=True
    )
    gemeldGestopt = serializers.BooleanField(source="gemeld_gestopt")

    class Meta:
        model = Kandidaat
        fields = [
            "uuid",
            "naam",
            "organisatie",
            "gemeente",
            "gemeentenaam",
            "regio",
            "steunpunt",
            "bron",
            "besluit",
            "reden",
            "type",
            "dagdelenPerWeek",
            "aantal",
            "gemeldGestopt",
        ]

    def get_regio(self, obj: Kandidaat) -> str | None:
        return obj.regio.code if obj.regio else None

    def get_steunpunt(self, obj: Kandidaat) -> str | None:
        """The uuid of the support point's offer (as /steunpunten/{uuid})."""
        return str(obj.steunpunt.aanbod.uuid) if obj.steunpunt else None


class AntwoordSerializer(serializers.Serializer[Any]):
    vraag = serializers.CharField()
    antwoord = serializers.BooleanField(allow_null=True)
    basis = serializers.CharField(allow_blank=True)
    toelichting = serializers.CharField(allow_blank=True)


class BeoordelingSerializer(serializers.ModelSerializer[Beoordeling]):
    kandidaat = serializers.UUIDField(source="kandidaat.uuid")
    rol = serializers.CharField(help_text="Beoordelaar: programma of nvzh")
    beoordeeldOp = serializers.DateTimeField(source="beoordeeld_op")
    antwoorden = serializers.SerializerMethodField()

    class Meta:
        model = Beoordeling
        fields = [
            "uuid",
            "kandidaat",
            "rol",
            "beoordeeldOp",
            "antwoorden",
            "toelichting",
        ]

    def get_antwoorden(self, obj: Beoordeling) -> list[dict[str, Any]]:
        data = AntwoordSerializer(
            [
                {
                    "vraag": field,
                    "antwoord": getattr(obj, field),
                    "basis": obj.basis.get(field, ""),
                    "toelichting": obj.toelichtingen.get(field, ""),
                }
                for field in afwegingskader.QUESTION_FIELDS
            ],
            many=True,
        ).data
        return [dict(item) for item in data]


class BasislijstQuerySerializer(QuerySerializer):
    regio = serializers.CharField(required=False, help_text="Regiocode")
    besluit = serializers.ChoiceField(choices=Besluit.choices, required=False)
    bron = serializers.ChoiceField(choices=KandidaatBron.choices, required=False)


class TabellenQuerySerializer(QuerySerializer):
    regio = serializers.CharField(
        required=False,
        help_text="Code van een regio van de indeling van de ronde; verplicht voor de regiorol.",
    )


class TabellenSerializer(serializers.Serializer[Any]):
    """The report's figures (report.export.rapport_json): method, Tables
    2–4, graphs 1–6 and the change since the previous round; small numbers
    of respondents are `null` with `…Onderdrukt: true`."""

    jaar = serializers.IntegerField()
    synthetisch = serializers.BooleanField()
    methode = serializers.DictField()
    tabel2 = serializers.DictField()
    tabel3 = serializers.ListField(child=serializers.DictField())
    tabel4 = serializers.DictField()
    grafieken = serializers.ListField(child=serializers.DictField())
    verandering = serializers.DictField()
