# SPDX-License-Identifier: EUPL-1.2
"""Serializers of /api/v1/werkagenda/: output and input are separate; they
never save (the views call `werkagenda.services`). JSON fields are camelCase."""

from typing import Any

from rest_framework import serializers

from dekkend.werkagenda.constants import (
    CollegeUitkomst,
    MijlpaalStatus,
    WerkagendaStatus,
)
from dekkend.werkagenda.models import (
    Collegebesluit,
    Mijlpaal,
    Projectdoelstelling,
    Sectie,
    Werkagenda,
)


def _values(values: list[str]) -> str:
    # Plain strings rather than enums: the schema's enum names stay unique.
    return "Een van: " + ", ".join(values) + "."


class WerkagendaSerializer(serializers.ModelSerializer[Werkagenda]):
    regio = serializers.CharField(source="regio.naam")
    regiocode = serializers.CharField(source="regio.code")
    indeling = serializers.CharField(source="regio.indeling.naam")
    periodeVan = serializers.IntegerField(source="periode_van")
    periodeTot = serializers.IntegerField(source="periode_tot")
    formatVersie = serializers.CharField(source="format_versie")
    vorige = serializers.UUIDField(source="vorige.uuid", allow_null=True, default=None)
    vastgesteldOp = serializers.DateField(source="vastgesteld_op", allow_null=True)
    ingediendBijVwsOp = serializers.DateField(
        source="ingediend_bij_vws_op", allow_null=True
    )
    aangemaaktOp = serializers.DateTimeField(source="aangemaakt_op")
    status = serializers.CharField(help_text=_values(WerkagendaStatus.values))

    class Meta:
        model = Werkagenda
        fields = [
            "uuid",
            "regio",
            "regiocode",
            "indeling",
            "periodeVan",
            "periodeTot",
            "formatVersie",
            "versie",
            "status",
            "vorige",
            "vastgesteldOp",
            "ingediendBijVwsOp",
            "aangemaaktOp",
        ]


class SectieSerializer(serializers.ModelSerializer[Sectie]):
    gewijzigdOp = serializers.DateTimeField(source="gewijzigd_op", allow_null=True)

    class Meta:
        model = Sectie
        fields = ["adres", "tekst", "revisie", "gewijzigdOp"]


class SectieInvoerSerializer(serializers.Serializer[Any]):
    tekst = serializers.CharField(allow_blank=True, trim_whitespace=False)
    revisie = serializers.IntegerField(
        min_value=0, help_text="De revisie waarop de wijziging is gebaseerd."
    )


class IngroeipadSerializer(serializers.Serializer[Any]):
    jaar = serializers.IntegerField()
    waarde = serializers.FloatField()


class DoelstellingSerializer(serializers.ModelSerializer[Projectdoelstelling]):
    maatstafLabel = serializers.CharField(source="maatstaf_label")
    ingroeipad = serializers.SerializerMethodField()

    class Meta:
        model = Projectdoelstelling
        fields = [
            "uuid",
            "onderdeel",
            "omschrijving",
            "maatstaf",
            "maatstafLabel",
            "streefwaarde",
            "eenheid",
            "uiterlijk",
            "verantwoordelijke",
            "ingroeipad",
        ]

    def get_ingroeipad(self, obj: Projectdoelstelling) -> list[dict[str, float]]:
        return [{"jaar": r.jaar, "waarde": r.waarde} for r in obj.ingroeipad.all()]


class DoelstellingInvoerSerializer(serializers.Serializer[Any]):
    onderdeel = serializers.CharField()
    omschrijving = serializers.CharField()
    maatstaf = serializers.CharField(allow_blank=True, default="")
    maatstafLabel = serializers.CharField(allow_blank=True, default="")
    streefwaarde = serializers.FloatField(allow_null=True, default=None)
    eenheid = serializers.CharField(allow_blank=True, default="")
    uiterlijk = serializers.DateField(allow_null=True, default=None)
    verantwoordelijke = serializers.CharField(allow_blank=True, default="")
    ingroeipad = IngroeipadSerializer(many=True, default=list)


class MijlpaalSerializer(serializers.ModelSerializer[Mijlpaal]):
    status = serializers.CharField(help_text=_values(MijlpaalStatus.values))

    class Meta:
        model = Mijlpaal
        fields = [
            "uuid",
            "onderdeel",
            "kwartaal",
            "activiteiten",
            "verantwoordelijke",
            "deelresultaat",
            "status",
        ]


class MijlpaalInvoerSerializer(serializers.Serializer[Any]):
    onderdeel = serializers.CharField()
    kwartaal = serializers.CharField()
    activiteiten = serializers.CharField(allow_blank=True, default="")
    verantwoordelijke = serializers.CharField(allow_blank=True, default="")
    deelresultaat = serializers.CharField(allow_blank=True, default="")
    status = serializers.CharField(
        default="gepland", help_text=_values(MijlpaalStatus.values)
    )


class CollegebesluitSerializer(serializers.ModelSerializer[Collegebesluit]):
    gemeentecode = serializers.CharField(source="gemeente.code")
    gemeente = serializers.CharField(source="gemeente.naam")
    uitkomst = serializers.CharField(help_text=_values(CollegeUitkomst.values))

    class Meta:
        model = Collegebesluit
        fields = ["gemeentecode", "gemeente", "datum", "uitkomst", "kenmerk"]


class CollegebesluitInvoerSerializer(serializers.Serializer[Any]):
    gemeentecode = serializers.CharField()
    datum = serializers.DateField()
    uitkomst = serializers.CharField(help_text=_values(CollegeUitkomst.values))
    kenmerk = serializers.CharField(allow_blank=True, default="")


class StatusInvoerSerializer(serializers.Serializer[Any]):
    status = serializers.CharField(help_text=_values(WerkagendaStatus.values))


class StatusSerializer(serializers.Serializer[Any]):
    status = serializers.CharField()
    vastgesteldOp = serializers.DateField(allow_null=True)


class ConflictSerializer(serializers.Serializer[Any]):
    """409: problem details plus both texts."""

    type = serializers.CharField()
    title = serializers.CharField()
    status = serializers.IntegerField()
    detail = serializers.CharField()
    adres = serializers.CharField()
    revisie = serializers.IntegerField()
    huidigeTekst = serializers.CharField()
    uwTekst = serializers.CharField()
