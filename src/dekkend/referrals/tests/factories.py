# SPDX-License-Identifier: EUPL-1.2
"""Factories and a small referral chain for the tests of sociaal verwijzen.

Verwijzers and brugfunctionarissen get the referral permissions directly on
the user, so these tests do not depend on how the roles are assembled
(`test_permissions.py` checks the roles separately). `keten_create()` builds the
chain of 003 §3 (a practice, a welfare organisation responsible for the
gemeente, a referrer and a bridging professional) and `verwijzing_send()`
creates a referral through the service, as the application does. Nothing here
asserts; the tests do.
"""

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.contrib.auth.models import Permission
from django.utils import timezone

import factory

from dekkend.accounts.models import User
from dekkend.accounts.roles import role_group
from dekkend.referrals import services, workflow
from dekkend.referrals.constants import (
    ContactSoort,
    Probleem,
    Status,
    ToestemmingGever,
    ToestemmingWijze,
    WarmeOverdracht,
)
from dekkend.referrals.models import (
    RegioInstelling,
    StatusWijziging,
    Toestemming,
    Verwijzing,
    Werkgebied,
)
from dekkend.regions.models import Gemeente
from dekkend.regions.tests.factories import GemeenteFactory, RegioFactory
from dekkend.register.constants import OrganisatieSoort
from dekkend.register.models import Organisatie
from dekkend.register.tests.factories import (
    OrganisatieFactory,
    OrganisatieLidFactory,
    UserFactory,
)

AMS = ZoneInfo("Europe/Amsterdam")
# A Monday morning in Amsterdam; tests pass `now` explicitly from here on.
T0 = datetime(2025, 3, 3, 9, 0, tzinfo=AMS)

VERWIJZER_PERMS = ("add_verwijzing", "view_verwijzing")
BRUGFUNCTIONARIS_PERMS = ("change_verwijzing", "view_verwijzing")


def referral_permission(codename: str) -> Permission:
    return Permission.objects.get(
        content_type__app_label="referrals", codename=codename
    )


def user_with_permissions(
    codenames: tuple[str, ...], organisatie: Organisatie | None = None, **kwargs: Any
) -> User:
    """A user with the given referral permissions and, optionally, membership
    of `organisatie`. Re-fetched so that Django's permission cache is empty."""
    user = UserFactory(**kwargs)
    for codename in codenames:
        user.user_permissions.add(referral_permission(codename))
    if organisatie is not None:
        OrganisatieLidFactory(user=user, organisatie=organisatie)
    return User.objects.get(pk=user.pk)


def verwijzer_create(organisatie: Organisatie | None = None, **kwargs: Any) -> User:
    """A first-line professional (a huisarts unless `beroep` says otherwise)
    who may refer."""
    kwargs.setdefault("beroep", "huisarts")
    return user_with_permissions(VERWIJZER_PERMS, organisatie, **kwargs)


def brugfunctionaris_create(
    organisatie: Organisatie | None = None, **kwargs: Any
) -> User:
    """A social-domain professional with a bridging role."""
    return user_with_permissions(BRUGFUNCTIONARIS_PERMS, organisatie, **kwargs)


class PraktijkFactory(OrganisatieFactory):
    naam = factory.Sequence(lambda n: f"Huisartsenpraktijk De Linde {n}")
    soort = OrganisatieSoort.HUISARTSENPRAKTIJK


class WelzijnsorganisatieFactory(OrganisatieFactory):
    naam = factory.Sequence(lambda n: f"Welzijn Walcheren {n}")
    soort = OrganisatieSoort.WELZIJN


class WerkgebiedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Werkgebied

    gemeente = factory.SubFactory(GemeenteFactory)
    organisatie = factory.SubFactory(WelzijnsorganisatieFactory)


class RegioInstellingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RegioInstelling

    regio = factory.SubFactory(RegioFactory)


class VerwijzingFactory(factory.django.DjangoModelFactory):
    """A referral row written directly (for retention and permission tests
    that need a state without walking the workflow). Comes with consent and
    the first status record, as the service writes them."""

    class Meta:
        model = Verwijzing
        skip_postgeneration_save = True

    verwijzer_organisatie = factory.SubFactory(PraktijkFactory)
    verwijzer = factory.LazyAttribute(
        lambda o: verwijzer_create(o.verwijzer_organisatie)
    )
    gemeente = factory.SubFactory(GemeenteFactory)
    ontvanger_organisatie = factory.SubFactory(WelzijnsorganisatieFactory)
    status = Status.VERSTUURD
    status_sinds = T0
    aangemaakt_op = T0
    inwoner_naam = "Johanna de Visser"
    inwoner_geboortedatum = date(1961, 4, 12)
    inwoner_telefoon = "0118-123456"
    inwoner_email = "j.devisser@example.nl"
    inwoner_postcode = "4331AB"
    inwoner_toelichting = "Slaapt slecht sinds het overlijden van haar man."
    problemen = factory.LazyFunction(lambda: [Probleem.EENZAAMHEID.value])
    voorwaarde_niet_alleen_medisch = True
    voorwaarde_geen_ggz = True
    voorwaarde_vraagverheldering_nodig = True
    voorwaarde_onvoldoende_eigen_regie = True
    warme_overdracht = WarmeOverdracht.CONTACT_OPNEMEN

    @factory.post_generation
    def met_toestemming(
        obj: Verwijzing, create: bool, extracted: Any, **kwargs: Any
    ) -> None:  # noqa: N805
        """Pass `met_toestemming=False` for a bare row: no consent, no history."""
        if not create or extracted is False:
            return
        Toestemming.objects.create(
            verwijzing=obj,
            gegeven_door=ToestemmingGever.INWONER,
            gegeven_op=obj.aangemaakt_op,
            wijze=ToestemmingWijze.MONDELING,
            doel="test",
            vastgelegd_door=obj.verwijzer,
        )
        StatusWijziging.objects.create(
            verwijzing=obj,
            van="",
            naar=Status.VERSTUURD,
            actie="aanmaken",
            door=obj.verwijzer,
            op=obj.aangemaakt_op,
        )


def inwoner(**kwargs: Any) -> services.Inwoner:
    values: dict[str, Any] = {
        "naam": "Johanna de Visser",
        "geboortedatum": date(1961, 4, 12),
        "telefoon": "0118-123456",
        "email": "j.devisser@example.nl",
        "postcode": "4331 ab",
    }
    values.update(kwargs)
    return services.Inwoner(**values)


def voorwaarden(**kwargs: bool) -> services.Voorwaarden:
    values = {
        "niet_alleen_medisch": True,
        "geen_ggz": True,
        "vraagverheldering_nodig": True,
        "onvoldoende_eigen_regie": True,
    }
    values.update(kwargs)
    return services.Voorwaarden(**values)


def toestemming(**kwargs: Any) -> services.ToestemmingInvoer:
    values: dict[str, Any] = {
        "gegeven_door": ToestemmingGever.INWONER.value,
        "gegeven_op": T0,
        "wijze": ToestemmingWijze.MONDELING.value,
    }
    values.update(kwargs)
    return services.ToestemmingInvoer(**values)


@dataclass
class Keten:
    """Who is involved in one gemeente's referrals (003 §3)."""

    gemeente: Gemeente
    praktijk: Organisatie
    welzijn: Organisatie
    verwijzer: User
    brugfunctionaris: User


def keten_create(gemeente: Gemeente | None = None) -> Keten:
    """Middelburg (real reference data) unless another gemeente is given."""
    gemeente = gemeente or Gemeente.objects.get(code="GM0687")
    praktijk = PraktijkFactory()
    welzijn = WelzijnsorganisatieFactory()
    WerkgebiedFactory(gemeente=gemeente, organisatie=welzijn)
    return Keten(
        gemeente=gemeente,
        praktijk=praktijk,
        welzijn=welzijn,
        verwijzer=verwijzer_create(praktijk),
        brugfunctionaris=brugfunctionaris_create(welzijn),
    )


def verwijzing_send(keten: Keten, now: datetime = T0, **kwargs: Any) -> Verwijzing:
    """A referral from the chain's verwijzer, through the service."""
    values: dict[str, Any] = {
        "user": keten.verwijzer,
        "verwijzer_organisatie": keten.praktijk,
        "gemeente": keten.gemeente,
        "inwoner": inwoner(),
        "problemen": [Probleem.EENZAAMHEID.value, Probleem.GELD_SCHULDEN.value],
        "voorwaarden": voorwaarden(),
        "warme_overdracht": WarmeOverdracht.CONTACT_OPNEMEN.value,
        "toestemming": toestemming(gegeven_op=now),
        "toelichting": "Slaapt slecht sinds het overlijden van haar man.",
        "now": now,
    }
    values.update(kwargs)
    return services.verwijzing_create(**values)


def met_rollen(keten: Keten) -> Keten:
    """Give the chain's users their real role groups as well (pages and
    menus check the roles of PRODUCT.md), re-fetched for a fresh
    permission cache."""
    keten.verwijzer.groups.add(role_group("verwijzer"))
    keten.brugfunctionaris.groups.add(role_group("brugfunctionaris"))
    keten.verwijzer = User.objects.get(pk=keten.verwijzer.pk)
    keten.brugfunctionaris = User.objects.get(pk=keten.brugfunctionaris.pk)
    return keten


def verwijzing_in_behandeling(keten: Keten) -> Verwijzing:
    """A referral sent and accepted today with a first contact, so that every
    later step is possible (dates are checked against today)."""
    verwijzing = verwijzing_send(keten, now=timezone.now())
    services.verwijzing_transition(
        user=keten.brugfunctionaris,
        verwijzing=verwijzing,
        actie=workflow.Actie.ACCEPTEREN,
    )
    services.contact_record(
        user=keten.brugfunctionaris,
        verwijzing=verwijzing,
        soort=ContactSoort.GESPREK.value,
        datum=timezone.localdate(),
        duur_minuten=30,
        leefgebieden=[Probleem.EENZAAMHEID.value],
    )
    return Verwijzing.objects.get(pk=verwijzing.pk)
