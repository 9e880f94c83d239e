# SPDX-License-Identifier: EUPL-1.2

from rest_framework import serializers

from dekkend.api.query import QuerySerializer
from dekkend.regions.models import Gemeente, Indeling, Regio


class GemeenteSerializer(serializers.Serializer[Gemeente]):
    code = serializers.CharField()
    naam = serializers.CharField()
    inwoners = serializers.IntegerField(allow_null=True)
    inwonersPeiljaar = serializers.IntegerField(
        source="inwoners_peiljaar", allow_null=True
    )
    oppLandKm2 = serializers.FloatField(source="opp_land_km2", allow_null=True)
    stedelijkheid = serializers.IntegerField(allow_null=True)
    lat = serializers.FloatField(source="popw_lat", allow_null=True)
    lon = serializers.FloatField(source="popw_lon", allow_null=True)


class IndelingSerializer(serializers.Serializer[Indeling]):
    naam = serializers.CharField()
    titel = serializers.CharField()
    volledig = serializers.BooleanField()
    bron = serializers.CharField()
    peildatum = serializers.DateField(allow_null=True)
    aantalRegios = serializers.SerializerMethodField()

    def get_aantalRegios(self, obj: Indeling) -> int:  # noqa: N802
        return obj.regios.count()


class RegioSerializer(serializers.Serializer[Regio]):
    uuid = serializers.UUIDField()
    code = serializers.CharField()
    naam = serializers.CharField()
    indeling = serializers.CharField(source="indeling.naam")
    gemeenten = serializers.SerializerMethodField()

    def get_gemeenten(self, obj: Regio) -> list[str]:
        return sorted(g.code for g in obj.gemeenten.all())


class GemeenteQuerySerializer(QuerySerializer):
    regio = serializers.UUIDField(required=False)
    q = serializers.CharField(required=False, max_length=100)


class RegioQuerySerializer(QuerySerializer):
    indeling = serializers.CharField(required=False)
