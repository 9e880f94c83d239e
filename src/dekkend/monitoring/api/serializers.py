# SPDX-License-Identifier: EUPL-1.2
"""Shapes of GET /api/v1/verwijzingsindicatoren/: the query, and the
indicators as `VerwijsIndicatoren.as_dict()` gives them (the same JSON as
`dekkend referral-indicators --json`). Every measure `x` comes with
`x_onderdrukt`; a suppressed value is null."""

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from rest_framework import serializers

from dekkend.api.query import QuerySerializer
from dekkend.monitoring.selectors import EERSTE_JAAR


class IndicatorenQuerySerializer(QuerySerializer):
    indeling = serializers.CharField(
        help_text="Naam van de indeling, bijv. zorgkantoorregio-2025"
    )
    regio = serializers.CharField(
        required=False,
        allow_blank=True,
        help_text="Code of naam van de regio; weglaten voor alle regio's (landelijk)",
    )
    jaar = serializers.IntegerField(
        required=False,
        min_value=EERSTE_JAAR,
        help_text="Kalenderjaar, tot en met dit jaar",
    )

    def validate_jaar(self, value: int) -> int:
        if value > timezone.localdate().year:
            raise serializers.ValidationError(
                _("Een jaar in de toekomst heeft nog geen cijfers.")
            )
        return value


class PeriodeSerializer(serializers.Serializer[Any]):
    start = serializers.DateField()
    eind = serializers.DateField()


class ParametersSerializer(serializers.Serializer[Any]):
    peildatum = serializers.DateField()
    periode_jaren = serializers.FloatField()
    termijn_werkdagen = serializers.IntegerField()
    termijnen_werkdagen = serializers.ListField(child=serializers.IntegerField())
    streefwaarde_per_10k = serializers.FloatField()
    bevrijdingsdag = serializers.CharField()
    feestdagen = serializers.ListField(child=serializers.DateField(), allow_null=True)
    zonder_terugkoppelplicht = serializers.ListField(child=serializers.CharField())


class GebiedSerializer(serializers.Serializer[Any]):
    """The measures of one area (gemeente, region or total)."""

    inwoners = serializers.IntegerField()
    verwijzingen = serializers.IntegerField(allow_null=True)
    verwijzingen_onderdrukt = serializers.BooleanField()
    verwijzingen_per_10k = serializers.FloatField(allow_null=True)
    verwijzingen_per_10k_onderdrukt = serializers.BooleanField()
    streefwaarde_verwijzingen = serializers.FloatField()
    aandeel_van_streefwaarde = serializers.FloatField(allow_null=True)
    aandeel_van_streefwaarde_onderdrukt = serializers.BooleanField()
    mediaan_dagen_tot_eerste_contact = serializers.FloatField(allow_null=True)
    mediaan_dagen_tot_eerste_contact_onderdrukt = serializers.BooleanField()
    aandeel_eerste_terugkoppeling_op_tijd = serializers.FloatField(allow_null=True)
    aandeel_eerste_terugkoppeling_op_tijd_onderdrukt = serializers.BooleanField()
    aandeel_afgesloten_met_terugkoppeling = serializers.FloatField(allow_null=True)
    aandeel_afgesloten_met_terugkoppeling_onderdrukt = serializers.BooleanField()
    te_laat_zonder_terugkoppeling = serializers.IntegerField(allow_null=True)
    te_laat_zonder_terugkoppeling_onderdrukt = serializers.BooleanField()
    verbindingen_per_soort = serializers.DictField(
        child=serializers.IntegerField(allow_null=True)
    )
    verbindingen_per_soort_onderdrukt = serializers.DictField(
        child=serializers.BooleanField()
    )
    uitkomsten = serializers.DictField(child=serializers.IntegerField(allow_null=True))
    uitkomsten_onderdrukt = serializers.DictField(child=serializers.BooleanField())


class GemeenteIndicatorenSerializer(GebiedSerializer):
    gemeentecode = serializers.CharField()
    naam = serializers.CharField(allow_null=True)


class RegioIndicatorenSerializer(GebiedSerializer):
    regiocode = serializers.CharField()
    naam = serializers.CharField(allow_null=True)


class VerwijsIndicatorenSerializer(serializers.Serializer[Any]):
    """A region (`niveau` "regio", with `gemeenten`) or every region of the
    division (`niveau` "landelijk", with `regios`)."""

    indeling = serializers.CharField()
    niveau = serializers.ChoiceField(choices=["regio", "landelijk"])
    regiocode = serializers.CharField(allow_null=True)
    jaar = serializers.IntegerField()
    regio = serializers.CharField(help_text="Naam van de regio, of de indeling")
    periode = PeriodeSerializer()
    drempel = serializers.IntegerField(
        help_text="Percentages en medianen over minder verwijzingen worden niet getoond"
    )
    afronding = serializers.IntegerField(
        help_text="Aantallen per gemeente zijn afgerond op veelvouden hiervan; een "
        "regio of totaal is de som van de afgeronde gemeenten"
    )
    parameters = ParametersSerializer()
    totaal = GebiedSerializer()
    gemeenten = GemeenteIndicatorenSerializer(many=True, required=False)
    regios = RegioIndicatorenSerializer(many=True, required=False)
