# SPDX-License-Identifier: EUPL-1.2
"""The plain answers of the write endpoints (`api.answers`) render to the
same bytes as the serializers the schema documents, for every role and for
referrals in every part of their life: just sent, with contacts,
connections (with and without an offer), feedback, closed with an outcome,
and after consent withdrawal; and with a reason the verwijzer may not see."""

from typing import Any

from django.utils import timezone

import pytest
from rest_framework.renderers import JSONRenderer

from dekkend.referrals import services, workflow
from dekkend.referrals.api import answers
from dekkend.referrals.api.serializers import (
    StatuswijzigingSerializer,
    VerwijzingDetailSerializer,
)
from dekkend.referrals.constants import TerugkoppelingSoort
from dekkend.referrals.models import Verwijzing
from dekkend.referrals.tests.factories import (
    keten_create,
    verwijzing_in_behandeling,
    verwijzing_send,
)
from dekkend.register.constants import AanbodSoort
from dekkend.register.tests.factories import AanbodFactory

pytestmark = pytest.mark.django_db

ROLLEN = (workflow.Rol.BRUGFUNCTIONARIS, workflow.Rol.VERWIJZER, None)


def _bytes(data: Any) -> bytes:
    return JSONRenderer().render(data)


def _same_detail(verwijzing: Verwijzing) -> None:
    for rol in ROLLEN:
        expected = VerwijzingDetailSerializer(
            verwijzing, context={"rollen": {verwijzing.pk: rol}}
        ).data
        assert _bytes(answers.verwijzing_detail(verwijzing, rol)) == _bytes(expected), (
            rol
        )


def _same_steps(verwijzing: Verwijzing) -> None:
    stappen = list(verwijzing.statussen.all())
    assert stappen
    for rol in ROLLEN:
        for stap in stappen:
            expected = StatuswijzigingSerializer(
                stap, context={"rollen": {verwijzing.pk: rol}}
            ).data
            assert _bytes(answers.statuswijziging(stap, rol)) == _bytes(expected)


def test_a_new_referral_as_the_create_service_returns_it() -> None:
    verwijzing = verwijzing_send(keten_create())
    _same_detail(verwijzing)
    _same_steps(verwijzing)


def test_a_referral_with_contacts_connections_feedback_and_an_outcome() -> None:
    keten = keten_create()
    verwijzing = verwijzing_in_behandeling(keten)
    brug = keten.brugfunctionaris
    services.verbinding_record(
        user=brug,
        verwijzing=verwijzing,
        datum=timezone.localdate(),
        aanbod=AanbodFactory(),
    )
    services.verbinding_record(
        user=brug,
        verwijzing=verwijzing,
        datum=timezone.localdate(),
        soort=AanbodSoort.WELZIJN.value,
        omschrijving="Wandelclub in de wijk",
    )
    services.verwijzing_transition(
        user=brug, verwijzing=verwijzing, actie=workflow.Actie.PAUZEREN, reden="Ziek"
    )
    services.verwijzing_transition(
        user=brug, verwijzing=verwijzing, actie=workflow.Actie.HERVATTEN
    )
    services.terugkoppeling_send(
        user=brug,
        verwijzing=verwijzing,
        soort=TerugkoppelingSoort.EERSTE_CONTACT.value,
        aan_de_slag_met="Contact met de buurt",
        geholpen=True,
    )
    services.verwijzing_transition(
        user=brug,
        verwijzing=verwijzing,
        actie=workflow.Actie.AFSLUITEN,
        uitkomst=workflow.Uitkomst.GEHOLPEN,
    )
    verwijzing = Verwijzing.objects.get(pk=verwijzing.pk)
    assert verwijzing.contacten.exists() and verwijzing.terugkoppelingen.exists()
    assert verwijzing.verbindingen.count() == 2 and verwijzing.uitkomst
    _same_detail(verwijzing)
    _same_steps(verwijzing)


def test_a_referral_after_consent_withdrawal() -> None:
    keten = keten_create()
    verwijzing = verwijzing_send(keten, now=timezone.now())
    services.toestemming_withdraw(user=keten.verwijzer, verwijzing=verwijzing)
    verwijzing = Verwijzing.objects.get(pk=verwijzing.pk)
    assert verwijzing.toestemming.ingetrokken_op is not None
    _same_detail(verwijzing)
    _same_steps(verwijzing)


def test_a_referral_without_consent_row() -> None:
    verwijzing = verwijzing_send(keten_create())
    verwijzing.toestemming.delete()
    verwijzing = Verwijzing.objects.get(pk=verwijzing.pk)
    _same_detail(verwijzing)
