# SPDX-License-Identifier: EUPL-1.2
"""E-mail notifications and overdue-feedback reminders (003 §7: feedback to
the referrer, term per region, default 10 working days).

Mails go through Django's locmem backend (conf/ci.py). They must never carry
personal data of the resident.
"""

from datetime import date, timedelta

from django.contrib.auth.models import Group
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command

import pytest

from dekkend.accounts.models import User
from dekkend.audit.models import AuditEvent
from dekkend.referrals import notifications, services, workflow
from dekkend.referrals.constants import ContactSoort, Probleem, TerugkoppelingSoort
from dekkend.referrals.models import Verwijzing
from dekkend.referrals.tests.factories import (
    AMS,
    T0,
    Keten,
    RegioInstellingFactory,
    WelzijnsorganisatieFactory,
    brugfunctionaris_create,
    keten_create,
    referral_permission,
    verwijzer_create,
    verwijzing_send,
)
from dekkend.regions.tests.factories import RegioFactory, regio_add
from dekkend.register.tests.factories import OrganisatieLidFactory, UserFactory

pytestmark = pytest.mark.django_db

# Personal details used by `verwijzing_send` (factories.inwoner).
PERSONAL_TEXT = ("Johanna", "Visser", "1961", "0118", "j.devisser", "Slaapt")


@pytest.fixture
def keten() -> Keten:
    keten = keten_create()
    keten.verwijzer.email = "huisarts@example.nl"
    keten.verwijzer.save()
    keten.brugfunctionaris.email = "coach@example.nl"
    keten.brugfunctionaris.save()
    return keten


def _no_personal_data(message: mail.EmailMessage) -> None:
    text = f"{message.subject}\n{message.body}"
    for fragment in PERSONAL_TEXT:
        assert fragment not in text


def test_a_new_referral_notifies_the_receiving_organisation(
    keten, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        verwijzing = verwijzing_send(keten)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["coach@example.nl"]
    assert str(verwijzing.uuid) in message.body
    _no_personal_data(message)


def test_the_organisation_address_is_used_when_no_member_has_one(
    keten, django_capture_on_commit_callbacks
):
    keten.brugfunctionaris.email = ""
    keten.brugfunctionaris.save()
    keten.welzijn.email = "info@welzijn.example.nl"
    keten.welzijn.save()
    with django_capture_on_commit_callbacks(execute=True):
        verwijzing_send(keten)
    assert mail.outbox[0].to == ["info@welzijn.example.nl"]


def test_the_organisation_address_is_read_once(
    keten, django_capture_on_commit_callbacks, django_assert_num_queries
):
    """After a create the organisation row is known (the Werkgebied's): the
    notification reads only the members' addresses; without that row it
    reads the organisation's address itself."""
    keten.brugfunctionaris.email = ""
    keten.brugfunctionaris.save()
    keten.welzijn.email = "info@welzijn.example.nl"
    keten.welzijn.save()
    with django_capture_on_commit_callbacks() as callbacks:
        verwijzing = verwijzing_send(keten)
    with django_assert_num_queries(1):
        callbacks[0]()
    assert mail.outbox[-1].to == ["info@welzijn.example.nl"]
    fresh = Verwijzing.objects.get(pk=verwijzing.pk)
    with django_assert_num_queries(2):
        notifications.verwijzing_received_notify(fresh)
    assert mail.outbox[-1].to == ["info@welzijn.example.nl"]


def test_a_rolled_back_referral_sends_nothing(
    keten, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(ValidationError),
    ):
        verwijzing_send(keten, inwoner=services.Inwoner(naam=""))
    assert mail.outbox == []


def _started(keten: Keten, now=T0) -> Verwijzing:
    verwijzing = verwijzing_send(keten, now=now)
    services.verwijzing_transition(
        user=keten.brugfunctionaris,
        verwijzing=verwijzing,
        actie=workflow.Actie.ACCEPTEREN,
        now=now + timedelta(hours=1),
    )
    services.contact_record(
        user=keten.brugfunctionaris,
        verwijzing=verwijzing,
        soort=ContactSoort.GESPREK.value,
        datum=(now + timedelta(days=1)).date(),
        duur_minuten=45,
        leefgebieden=[Probleem.EENZAAMHEID.value],
        now=now + timedelta(days=1),
    )
    return Verwijzing.objects.get(pk=verwijzing.pk)


def test_feedback_notifies_the_referrer_without_its_content(
    keten, django_capture_on_commit_callbacks
):
    verwijzing = _started(keten)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.terugkoppeling_send(
            user=keten.brugfunctionaris,
            verwijzing=verwijzing,
            soort=TerugkoppelingSoort.EERSTE_CONTACT.value,
            aan_de_slag_met="Gaat naar het inloophuis op dinsdag.",
            now=T0 + timedelta(days=2),
        )
    assert [m.to for m in mail.outbox] == [["huisarts@example.nl"]]
    assert f"/verwijzingen/mijn/{verwijzing.uuid}/" in mail.outbox[0].body
    assert "inloophuis" not in mail.outbox[0].body
    _no_personal_data(mail.outbox[0])


def test_a_returned_referral_notifies_the_referrer(
    keten, django_capture_on_commit_callbacks
):
    verwijzing = verwijzing_send(keten)
    with django_capture_on_commit_callbacks(execute=True):
        services.verwijzing_transition(
            user=keten.brugfunctionaris,
            verwijzing=verwijzing,
            actie=workflow.Actie.TERUGSTUREN,
            reden="Past beter bij de POH-GGZ.",
            now=T0 + timedelta(hours=2),
        )
    assert [m.to for m in mail.outbox] == [["huisarts@example.nl"]]
    assert "POH-GGZ" not in mail.outbox[0].body


# -- Reminders ----------------------------------------------------------------
# T0 is Monday 3 March 2025: 10 working days later is Monday 17 March.


def _at(day: date, hour: int = 7):
    from datetime import datetime

    return datetime(day.year, day.month, day.day, hour, tzinfo=AMS)


def test_the_deadline_counts_working_days():
    verwijzing = Verwijzing(aangemaakt_op=T0)
    assert services.terugkoppeling_deadline(verwijzing, 10) == date(2025, 3, 17)


def test_no_reminder_within_the_term(keten, django_capture_on_commit_callbacks):
    verwijzing_send(keten)
    with django_capture_on_commit_callbacks(execute=True):
        count = services.terugkoppeling_reminders_send(now=_at(date(2025, 3, 17)))
    assert count == 0
    assert mail.outbox == []


def test_a_reminder_after_the_term_and_again_after_five_working_days(
    keten, django_capture_on_commit_callbacks
):
    verwijzing = verwijzing_send(keten)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.terugkoppeling_reminders_send(now=_at(date(2025, 3, 18))) == 1
    assert [m.to for m in mail.outbox] == [["coach@example.nl"]]
    assert str(verwijzing.uuid) in mail.outbox[0].body
    _no_personal_data(mail.outbox[0])
    stamped = Verwijzing.objects.get(pk=verwijzing.pk).herinnering_verstuurd_op
    assert stamped == _at(date(2025, 3, 18))
    assert AuditEvent.objects.filter(
        event="terugkoppeling.reminded", object_id=str(verwijzing.uuid)
    ).exists()
    # Four working days later: not yet again; five: again.
    assert services.terugkoppeling_reminders_send(now=_at(date(2025, 3, 24))) == 0
    assert services.terugkoppeling_reminders_send(now=_at(date(2025, 3, 25))) == 1


def test_feedback_given_or_referral_ended_means_no_reminder(keten):
    started = _started(keten)
    services.terugkoppeling_send(
        user=keten.brugfunctionaris,
        verwijzing=started,
        soort=TerugkoppelingSoort.EERSTE_CONTACT.value,
        aan_de_slag_met="",
        now=T0 + timedelta(days=2),
    )
    returned = verwijzing_send(keten)
    services.verwijzing_transition(
        user=keten.brugfunctionaris,
        verwijzing=returned,
        actie=workflow.Actie.TERUGSTUREN,
        reden="Andere route.",
        now=T0 + timedelta(hours=3),
    )
    assert services.terugkoppeling_reminders_send(now=_at(date(2025, 4, 1))) == 0


def test_the_regions_term_applies_and_the_shortest_wins(keten):
    verwijzing_send(keten)
    regio_add(
        RegioInstellingFactory(termijn_eerste_terugkoppeling_werkdagen=15).regio,
        keten.gemeente,
    )
    # 15 working days: the 18th of March is still within the term.
    assert services.terugkoppeling_reminders_send(now=_at(date(2025, 3, 18))) == 0
    # A second division's region with 5 working days: the shorter term applies.
    kort = RegioInstellingFactory(
        regio=RegioFactory(), termijn_eerste_terugkoppeling_werkdagen=5
    )
    regio_add(kort.regio, keten.gemeente)
    assert services.terugkoppeling_reminders_send(now=_at(date(2025, 3, 18))) == 1


def test_the_command_sends_reminders(keten, capsys):
    verwijzing = verwijzing_send(keten, now=T0)
    Verwijzing.objects.filter(pk=verwijzing.pk).update(
        aangemaakt_op=T0 - timedelta(days=400)
    )
    call_command("referral_reminders")
    assert "1 verwijzing" in capsys.readouterr().out
    assert Verwijzing.objects.get(pk=verwijzing.pk).herinnering_verstuurd_op


def test_the_retention_command_anonymises(keten, capsys):
    long_ago = T0 - timedelta(days=900)
    verwijzing = verwijzing_send(keten, now=long_ago)
    services.verwijzing_transition(
        user=keten.verwijzer,
        verwijzing=verwijzing,
        actie=workflow.Actie.INTREKKEN,
        reden="Inwoner wil niet meer.",
        now=long_ago + timedelta(hours=1),
    )
    call_command("referral_retention")
    assert "1 verwijzing" in capsys.readouterr().out
    assert Verwijzing.objects.get(pk=verwijzing.pk).inwoner_naam == ""


def test_member_addresses_are_who_django_says_holds_the_permission():
    """`member_emails` selects what `User.objects.with_perm` does: the
    permission held directly or through a group, active members of this
    organisation only, no empty addresses, superusers only when they hold
    it."""
    welzijn = WelzijnsorganisatieFactory()
    andere = WelzijnsorganisatieFactory()
    groep = Group.objects.create(name="test-brug")
    groep.permissions.add(referral_permission("change_verwijzing"))
    direct = brugfunctionaris_create(welzijn, email="direct@example.nl")
    via_groep = UserFactory(email="groep@example.nl")
    via_groep.groups.add(groep)
    OrganisatieLidFactory(user=via_groep, organisatie=welzijn)
    brugfunctionaris_create(welzijn, email="weg@example.nl", is_active=False)
    brugfunctionaris_create(welzijn, email="")
    brugfunctionaris_create(andere, email="andere@example.nl")
    verwijzer_create(welzijn, email="verwijzer@example.nl")
    OrganisatieLidFactory(
        user=UserFactory(email="super@example.nl", is_superuser=True),
        organisatie=welzijn,
    )
    expected = sorted(
        set(
            User.objects.with_perm(
                "referrals.change_verwijzing",
                include_superusers=False,
                backend="django.contrib.auth.backends.ModelBackend",
            )
            .filter(lidmaatschappen__organisatie=welzijn, is_active=True)
            .exclude(email="")
            .values_list("email", flat=True)
        )
    )
    assert expected == [direct.email, via_groep.email]
    assert notifications.member_emails(welzijn.pk, "referrals.change_verwijzing") == (
        expected
    )
    assert notifications.brugfunctionaris_emails(welzijn.pk) == expected
