# SPDX-License-Identifier: EUPL-1.2
import factory

from dekkend.regions.models import (
    Bevolking,
    Gemeente,
    Indeling,
    Postcodegebied,
    Regio,
    RegioGemeente,
)


class GemeenteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gemeente
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"GM{9000 + n:04d}")
    naam = factory.Sequence(lambda n: f"Testgemeente {n}")
    popw_lat = 52.0
    popw_lon = 5.0
    centroid_lat = 52.0
    centroid_lon = 5.0


class BevolkingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Bevolking

    gemeente = factory.SubFactory(GemeenteFactory)
    peiljaar = 2024
    inwoners = 50_000


class PostcodegebiedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Postcodegebied
        django_get_or_create = ["pc4"]

    pc4 = factory.Sequence(lambda n: f"{1000 + n:04d}")
    gemeente = factory.SubFactory(GemeenteFactory)
    plaats = "Teststad"
    inwoners = 5_000
    lat = 52.0
    lon = 5.0


class IndelingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indeling
        django_get_or_create = ["naam"]

    naam = factory.Sequence(lambda n: f"indeling-{n}")
    titel = factory.Sequence(lambda n: f"Indeling {n}")


class RegioFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Regio

    indeling = factory.SubFactory(IndelingFactory)
    code = factory.Sequence(lambda n: f"R{n}")
    naam = factory.Sequence(lambda n: f"Regio {n}")


def regio_add(regio: Regio, *gemeenten: Gemeente) -> None:
    for gemeente in gemeenten:
        RegioGemeente.objects.create(
            indeling=regio.indeling, regio=regio, gemeente=gemeente
        )
