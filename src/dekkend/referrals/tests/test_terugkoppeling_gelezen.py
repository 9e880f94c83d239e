# SPDX-License-Identifier: EUPL-1.2
"""The closed loop: the receiving organisation sees whether the referrer has
read the feedback (003 §7, feedback to the referrer)."""

import json
from datetime import timedelta

from django.test import Client

import pytest

from dekkend.accounts.testing import login_with_2fa
from dekkend.audit.models import AuditEvent
from dekkend.referrals import services, workflow
from dekkend.referrals.constants import ContactSoort, Probleem, TerugkoppelingSoort
from dekkend.referrals.models import Terugkoppeling, Verwijzing
from dekkend.referrals.tests.factories import T0, Keten, keten_create, verwijzing_send

pytestmark = pytest.mark.django_db


@pytest.fixture
def keten() -> Keten:
    return keten_create()


@pytest.fixture
def met_terugkoppeling(keten: Keten) -> Verwijzing:
    verwijzing = verwijzing_send(keten, now=T0)
    brug = keten.brugfunctionaris
    services.verwijzing_transition(
        user=brug, verwijzing=verwijzing, actie=workflow.Actie.ACCEPTEREN, now=T0
    )
    services.contact_record(
        user=brug,
        verwijzing=verwijzing,
        soort=ContactSoort.TELEFOON.value,
        datum=T0.date(),
        duur_minuten=20,
        leefgebieden=[Probleem.EENZAAMHEID.value],
        now=T0 + timedelta(hours=2),
    )
    services.terugkoppeling_send(
        user=brug,
        verwijzing=verwijzing,
        soort=TerugkoppelingSoort.EERSTE_CONTACT.value,
        aan_de_slag_met="Belt het inloophuis zelf.",
        now=T0 + timedelta(hours=3),
    )
    return verwijzing


def test_only_the_referrer_marks_feedback_read(keten, met_terugkoppeling):
    brug_marked = services.terugkoppelingen_mark_read(
        user=keten.brugfunctionaris, verwijzingen=[met_terugkoppeling]
    )
    assert brug_marked == 0
    assert Terugkoppeling.objects.get().gelezen_op is None
    now = T0 + timedelta(days=1)
    assert (
        services.terugkoppelingen_mark_read(
            user=keten.verwijzer, verwijzingen=[met_terugkoppeling], now=now
        )
        == 1
    )
    assert Terugkoppeling.objects.get().gelezen_op == now
    # Reading again changes nothing and logs nothing new.
    services.terugkoppelingen_mark_read(
        user=keten.verwijzer,
        verwijzingen=[met_terugkoppeling],
        now=now + timedelta(days=1),
    )
    assert Terugkoppeling.objects.get().gelezen_op == now
    assert AuditEvent.objects.filter(event="terugkoppeling.read").count() == 1


def test_the_brugfunctionaris_page_shows_whether_it_was_read(keten, met_terugkoppeling):
    brug, verwijzer = Client(), Client()
    login_with_2fa(brug, keten.brugfunctionaris)
    login_with_2fa(verwijzer, keten.verwijzer)
    page = f"/verwijzingen/{met_terugkoppeling.uuid}/"
    assert "Nog niet gelezen door de verwijzer" in brug.get(page).content.decode()
    verwijzer.get(f"/verwijzingen/mijn/{met_terugkoppeling.uuid}/")
    html = brug.get(page).content.decode()
    assert "Gelezen door de verwijzer op" in html


def test_reading_feedback_over_the_api_marks_it(keten, met_terugkoppeling):
    client = Client()
    login_with_2fa(client, keten.verwijzer)
    url = f"/api/v1/verwijzingen/{met_terugkoppeling.uuid}/terugkoppelingen/"
    first = json.loads(client.get(url).content)
    assert first[0]["gelezenOp"] is None  # shown as it was before this read
    second = json.loads(client.get(url).content)
    assert second[0]["gelezenOp"] is not None


def test_the_list_marks_new_feedback_once(keten, met_terugkoppeling):
    client = Client()
    login_with_2fa(client, keten.verwijzer)
    first = client.get("/verwijzingen/mijn/").content.decode()
    assert '<span class="label">nieuw</span>' in first
    assert Terugkoppeling.objects.get().gelezen_op is not None
    again = client.get("/verwijzingen/mijn/").content.decode()
    assert '<span class="label">nieuw</span>' not in again
