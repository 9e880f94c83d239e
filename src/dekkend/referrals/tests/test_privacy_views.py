# SPDX-License-Identifier: EUPL-1.2
"""The access-log page for a resident's request (beheerder only)."""

import pytest

from dekkend.accounts.testing import login_with_2fa
from dekkend.audit.models import AuditEvent
from dekkend.referrals.tests.factories import keten_create, verwijzing_send
from dekkend.register.tests.factories import UserFactory

pytestmark = pytest.mark.django_db
URL = "/verwijzingen/inzagelog/"


def test_anonymous_is_sent_to_login(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert "/account/" in response["Location"]


def test_a_verwijzer_may_not_open_it(client):
    keten = keten_create()
    login_with_2fa(client, keten.verwijzer)
    assert client.get(URL).status_code == 403


def test_the_beheerder_sees_events_without_content(client):
    keten = keten_create()
    verwijzing = verwijzing_send(keten)
    beheerder = UserFactory(is_superuser=True, is_staff=True, username="beheer")
    login_with_2fa(client, beheerder)
    assert client.get(URL).status_code == 200
    response = client.post(
        URL,
        {
            "naam": "Johanna de Visser",
            "geboortedatum": "12-04-1961",
            "reden": "Inzageverzoek 17",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert str(verwijzing.uuid) in html
    assert "verwijzing.created" in html
    # The log shows ids, never what the referral says.
    assert "Slaapt slecht" not in html
    assert AuditEvent.objects.filter(event="inwoner_log.viewed").count() == 1


def test_missing_reason_names_the_field(client):
    beheerder = UserFactory(is_superuser=True, is_staff=True, username="beheer2")
    login_with_2fa(client, beheerder)
    response = client.post(
        URL, {"naam": "Johanna de Visser", "geboortedatum": "12-04-1961"}
    )
    assert response.status_code == 400
    assert "Reden van inzage" in response.content.decode()
    assert not AuditEvent.objects.filter(event="inwoner_log.viewed").exists()
