# SPDX-License-Identifier: EUPL-1.2
from typing import Any

from django.utils import timezone

from rest_framework import serializers

from dekkend.api.query import QuerySerializer


class DekkingQuerySerializer(QuerySerializer):
    division = serializers.CharField(
        help_text="Naam van de indeling, bijv. zorgkantoorregio-2025"
    )
    regio = serializers.CharField(help_text="Code of naam van de regio")
    peildatum = serializers.DateField(required=False, default=timezone.localdate)


class DekkingGemeenteSerializer(serializers.Serializer[Any]):
    gemeentecode = serializers.CharField()
    gemeentenaam = serializers.CharField()
    inwoners = serializers.IntegerField()
    lsp_per_type = serializers.DictField(child=serializers.IntegerField())
    heeft_lsp = serializers.BooleanField()
    afstand_km_dichtstbijzijnde_lsp = serializers.FloatField(allow_null=True)
    afstand_km_dichtstbijzijnde_lsp_4_elementen = serializers.FloatField(
        allow_null=True
    )
    aandeel_inwoners_binnen_km = serializers.DictField(child=serializers.FloatField())
    capaciteit_dekking = serializers.FloatField(allow_null=True)
    geadviseerd_type = serializers.CharField()


class DekkingSerializer(serializers.Serializer[Any]):
    """The analysis result; the same object as `dekkend coverage --json`."""

    regio = serializers.CharField()
    division = serializers.CharField()
    peildatum = serializers.DateField()
    inwoners = serializers.IntegerField()
    lsp_per_type = serializers.DictField(child=serializers.IntegerField())
    gemeenten = DekkingGemeenteSerializer(many=True)
    gemeenten_zonder_lsp = serializers.ListField(child=serializers.CharField())
    aandeel_inwoners_binnen_km = serializers.DictField(child=serializers.FloatField())
    parameters = serializers.DictField()
    streefwaarden = serializers.DictField()
