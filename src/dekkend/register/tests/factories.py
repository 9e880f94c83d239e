# SPDX-License-Identifier: EUPL-1.2
import factory

from dekkend.accounts.models import User
from dekkend.regions.tests.factories import GemeenteFactory
from dekkend.register.constants import AanbodSoort
from dekkend.register.models import (
    Aanbod,
    Locatie,
    Organisatie,
    OrganisatieLid,
    Steunpunt,
)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    password = factory.django.Password("geheim-wachtwoord-123")


class OrganisatieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisatie
        django_get_or_create = ["naam"]

    naam = factory.Sequence(lambda n: f"Stichting Herstel {n}")
    bron = "test"


class OrganisatieLidFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrganisatieLid

    user = factory.SubFactory(UserFactory)
    organisatie = factory.SubFactory(OrganisatieFactory)


class LocatieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Locatie

    organisatie = factory.SubFactory(OrganisatieFactory)
    naam = factory.Sequence(lambda n: f"Locatie {n}")
    gemeente = factory.SubFactory(GemeenteFactory)
    straat = "Stationsstraat"
    huisnummer = "1"
    postcode = "1234 AB"
    plaats = "Teststad"
    lat = 52.0
    lon = 5.0
    positie_bron = "adres"


class AanbodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Aanbod

    organisatie = factory.SubFactory(OrganisatieFactory)
    locatie = factory.SubFactory(
        LocatieFactory, organisatie=factory.SelfAttribute("..organisatie")
    )
    soort = AanbodSoort.LSP
    naam = factory.Sequence(lambda n: f"Herstelplek {n}")


class SteunpuntFactory(factory.django.DjangoModelFactory):
    """An LSP. Pass `dagdelen=[(weekdag, dagdeel), …]` to give it a schedule."""

    class Meta:
        model = Steunpunt
        skip_postgeneration_save = True

    aanbod = factory.SubFactory(AanbodFactory)
    element_inloop = True
    element_door_en_voor = True

    @factory.post_generation
    def dagdelen(
        obj: Steunpunt,
        create: bool,
        extracted: list[tuple[int, str]] | None,
        **kwargs: object,
    ) -> None:  # noqa: N805
        if not create or not extracted:
            return
        from dekkend.register.models import Openingsdagdeel
        from dekkend.register.services import steunpunt_recompute_type

        for weekdag, dagdeel in extracted:
            Openingsdagdeel.objects.create(
                aanbod=obj.aanbod, weekdag=weekdag, dagdeel=dagdeel
            )
        steunpunt_recompute_type(steunpunt=obj)
