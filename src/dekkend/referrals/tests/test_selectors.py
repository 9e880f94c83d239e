# SPDX-License-Identifier: EUPL-1.2
"""Reads of referrals: who sees what (in the query, not after it), every read
audited with its reason, and the resident's access log."""

from datetime import date

from django.core.exceptions import PermissionDenied

import pytest

from dekkend.audit.models import AuditEvent
from dekkend.referrals import selectors, services, workflow
from dekkend.referrals.constants import Leesreden, Status
from dekkend.referrals.models import Verwijzing
from dekkend.referrals.tests.factories import (
    T0,
    brugfunctionaris_create,
    keten_create,
    verwijzer_create,
    verwijzing_send,
)
from dekkend.regions.models import Gemeente
from dekkend.register.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def keten():
    return keten_create()


def _uuids(qs) -> set:
    return {v.uuid for v in qs}


def test_each_party_sees_only_its_own(keten):
    verwijzing = verwijzing_send(keten)
    other = keten_create(Gemeente.objects.get(code="GM0718"))  # Vlissingen
    other_verwijzing = verwijzing_send(other)
    assert _uuids(selectors.verwijzing_list(user=keten.verwijzer)) == {verwijzing.uuid}
    assert _uuids(selectors.verwijzing_list(user=keten.brugfunctionaris)) == {
        verwijzing.uuid
    }
    assert _uuids(selectors.verwijzing_list(user=other.brugfunctionaris)) == {
        other_verwijzing.uuid
    }
    # A colleague of the referrer in the same practice sees nothing of it.
    assert not selectors.verwijzing_list(user=verwijzer_create(keten.praktijk))
    # A bridging professional of another organisation, a user without
    # referral permissions, a superuser: nothing.
    assert not selectors.verwijzing_list(user=brugfunctionaris_create())
    assert not selectors.verwijzing_list(user=UserFactory())
    assert not selectors.verwijzing_list(
        user=UserFactory(is_superuser=True, username="su")
    )


def test_the_receiving_organisation_loses_sight_when_consent_is_withdrawn(keten):
    verwijzing = verwijzing_send(keten)
    services.toestemming_withdraw(user=keten.verwijzer, verwijzing=verwijzing)
    assert not selectors.verwijzing_list(user=keten.brugfunctionaris)
    with pytest.raises(Verwijzing.DoesNotExist):
        selectors.verwijzing_get(
            user=keten.brugfunctionaris,
            uuid=verwijzing.uuid,
            reden=Leesreden.BEHANDELING,
        )
    # The referrer still sees its status (ingetrokken).
    seen = selectors.verwijzing_get(
        user=keten.verwijzer, uuid=verwijzing.uuid, reden=Leesreden.OPVOLGING
    )
    assert seen.status == Status.INGETROKKEN


def test_filters(keten):
    first = verwijzing_send(keten, now=T0)
    second = verwijzing_send(keten, now=T0.replace(day=10))
    services.verwijzing_transition(
        user=keten.brugfunctionaris, verwijzing=second, actie=workflow.Actie.ACCEPTEREN
    )
    user = keten.brugfunctionaris
    by_status = selectors.VerwijzingFilter(status=(Status.GEACCEPTEERD.value,))
    assert _uuids(selectors.verwijzing_list(user=user, filters=by_status)) == {
        second.uuid
    }
    since = selectors.VerwijzingFilter(aangemaakt_vanaf=date(2025, 3, 5))
    assert _uuids(selectors.verwijzing_list(user=user, filters=since)) == {second.uuid}
    until = selectors.VerwijzingFilter(aangemaakt_tot=date(2025, 3, 5))
    assert _uuids(selectors.verwijzing_list(user=user, filters=until)) == {first.uuid}
    ontvangen = selectors.VerwijzingFilter(richting="ontvangen")
    assert len(selectors.verwijzing_list(user=user, filters=ontvangen)) == 2
    verstuurd = selectors.VerwijzingFilter(richting="verstuurd")
    assert not selectors.verwijzing_list(user=user, filters=verstuurd)
    elders = selectors.VerwijzingFilter(gemeente="GM0363")
    assert not selectors.verwijzing_list(user=user, filters=elders)


def test_a_read_is_audited_with_its_reason(keten):
    verwijzing = verwijzing_send(keten)
    selectors.verwijzing_get(
        user=keten.brugfunctionaris, uuid=verwijzing.uuid, reden=Leesreden.BEHANDELING
    )
    event = AuditEvent.objects.get(event="verwijzing.viewed")
    assert event.actor == keten.brugfunctionaris
    assert event.object_id == str(verwijzing.uuid)
    assert event.extra == {"reden": "behandeling"}


def test_a_refused_read_reveals_nothing_and_writes_no_view(keten):
    verwijzing = verwijzing_send(keten)
    with pytest.raises(Verwijzing.DoesNotExist):
        selectors.verwijzing_get(
            user=brugfunctionaris_create(),
            uuid=verwijzing.uuid,
            reden=Leesreden.BEHANDELING,
        )
    assert not AuditEvent.objects.filter(event="verwijzing.viewed").exists()


def test_an_unknown_reason_is_refused(keten):
    verwijzing = verwijzing_send(keten)
    with pytest.raises(ValueError):
        selectors.verwijzing_get(user=keten.verwijzer, uuid=verwijzing.uuid, reden="")
    with pytest.raises(ValueError):
        selectors.verwijzingen_read_record(
            user=keten.verwijzer, verwijzingen=[verwijzing], reden="nieuwsgierig"
        )


def test_list_reads_are_audited_per_row(keten):
    rows = [verwijzing_send(keten), verwijzing_send(keten)]
    count = selectors.verwijzingen_read_record(
        user=keten.brugfunctionaris, verwijzingen=rows, reden=Leesreden.BEHANDELING
    )
    assert count == 2
    assert set(
        AuditEvent.objects.filter(event="verwijzing.listed").values_list(
            "object_id", flat=True
        )
    ) == {str(v.uuid) for v in rows}


def test_the_access_log_of_one_resident(keten):
    verwijzing = verwijzing_send(keten)
    selectors.verwijzing_get(
        user=keten.verwijzer, uuid=verwijzing.uuid, reden=Leesreden.OPVOLGING
    )
    someone_else = verwijzing_send(
        keten, inwoner=services.Inwoner(naam="Piet Jansen", telefoon="0118-1")
    )
    beheerder = UserFactory(is_superuser=True, username="beheerder")
    events = selectors.inwoner_log(
        user=beheerder,
        naam="johanna de visser",
        geboortedatum=date(1961, 4, 12),
        reden="Inzageverzoek 2025-17",
    )
    assert {e.event for e in events} >= {"verwijzing.created", "verwijzing.viewed"}
    assert {e.object_id for e in events} == {str(verwijzing.uuid)}
    assert str(someone_else.uuid) not in {e.object_id for e in events}
    logged = AuditEvent.objects.get(event="inwoner_log.viewed")
    assert logged.extra == {
        "reden": "Inzageverzoek 2025-17",
        "verwijzingen": [str(verwijzing.uuid)],
    }
    assert "Visser" not in str(logged.extra)


def test_the_access_log_needs_the_permission_and_a_reason(keten):
    with pytest.raises(PermissionDenied):
        selectors.inwoner_log(
            user=keten.verwijzer,
            naam="Johanna de Visser",
            geboortedatum=date(1961, 4, 12),
            reden="x",
        )
    with pytest.raises(ValueError):
        selectors.inwoner_log(
            user=UserFactory(is_superuser=True, username="beheerder2"),
            naam="Johanna de Visser",
            geboortedatum=date(1961, 4, 12),
            reden=" ",
        )
