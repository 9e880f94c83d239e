# SPDX-License-Identifier: EUPL-1.2
"""Retention of personal data in referrals (PRODUCT.md: retention periods).

`verwijzingen_anonymise_expired` clears the resident's data of referrals that
ended longer ago than their region's `bewaartermijn_maanden` (24 by default)
and keeps what the indicators need. Open referrals keep their data.
"""

import json
from datetime import timedelta

from django.core.serializers.json import DjangoJSONEncoder

import pytest

from dekkend.audit.models import AuditEvent
from dekkend.referrals import services, workflow
from dekkend.referrals.constants import (
    ContactSoort,
    Probleem,
    Status,
    TerugkoppelingSoort,
)
from dekkend.referrals.models import (
    StatusWijziging,
    Terugkoppeling,
    Toestemming,
    Verwijzing,
)
from dekkend.referrals.tests.factories import (
    T0,
    Keten,
    RegioInstellingFactory,
    VerwijzingFactory,
    keten_create,
    verwijzing_send,
)
from dekkend.regions.models import Gemeente
from dekkend.regions.tests.factories import RegioFactory, regio_add
from dekkend.register.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

MONTH = timedelta(days=30.44)
NOW = T0 + 40 * MONTH
PERSONAL = [f.name for f in Verwijzing._meta.fields if f.name.startswith("inwoner_")]


@pytest.fixture
def keten() -> Keten:
    return keten_create()


def _ended(keten: Keten, months_ago: float, status: Status = Status.AFGESLOTEN):
    """A referral that reached a final (or any) `status` some months before NOW."""
    ended = NOW - months_ago * MONTH
    return VerwijzingFactory(
        gemeente=keten.gemeente,
        ontvanger_organisatie=keten.welzijn,
        verwijzer_organisatie=keten.praktijk,
        verwijzer=keten.verwijzer,
        status=status,
        status_sinds=ended,
        aangemaakt_op=ended - 2 * MONTH,
        afgesloten_op=ended if status == Status.AFGESLOTEN else None,
        uitkomst="geholpen" if status == Status.AFGESLOTEN else "",
    )


def _anonymised(verwijzing: Verwijzing) -> bool:
    return Verwijzing.objects.get(pk=verwijzing.pk).geanonimiseerd_op is not None


def test_the_model_has_personal_fields_to_clear():
    assert {
        "inwoner_naam",
        "inwoner_geboortedatum",
        "inwoner_telefoon",
        "inwoner_email",
        "inwoner_postcode",
        "inwoner_bsn",
        "inwoner_toelichting",
    } <= set(PERSONAL)


def test_a_closed_referral_past_the_term_loses_its_personal_data_and_keeps_statistics(
    keten,
):
    """Walked through the services, closed with feedback, then 25 months on."""
    brug = keten.brugfunctionaris
    v = verwijzing_send(keten, now=T0)
    services.verwijzing_transition(
        user=brug, verwijzing=v, actie=workflow.Actie.ACCEPTEREN, now=T0
    )
    contact_at = T0 + timedelta(days=2)
    services.contact_record(
        user=brug,
        verwijzing=v,
        soort=ContactSoort.HUISBEZOEK.value,
        datum=contact_at.date(),
        duur_minuten=60,
        leefgebieden=[Probleem.EENZAAMHEID.value],
        now=contact_at,
    )
    services.verbinding_record(
        user=brug,
        verwijzing=v,
        datum=contact_at.date(),
        soort="welzijn",
        omschrijving="Wandelgroep",
    )
    services.terugkoppeling_send(
        user=brug,
        verwijzing=v,
        soort=TerugkoppelingSoort.EERSTE_CONTACT.value,
        aan_de_slag_met="Mevrouw De Visser gaat naar de wandelgroep.",
        now=contact_at,
    )
    closed_at = T0 + timedelta(days=30)
    services.verwijzing_transition(
        user=brug,
        verwijzing=v,
        actie=workflow.Actie.AFSLUITEN,
        uitkomst=workflow.Uitkomst.VERBONDEN,
        now=closed_at,
    )
    services.terugkoppeling_send(
        user=brug,
        verwijzing=v,
        soort=TerugkoppelingSoort.AFSLUITING.value,
        aan_de_slag_met="Loopt elke week mee; slaapt beter.",
        geholpen=True,
        now=closed_at,
    )
    before = Verwijzing.objects.get(pk=v.pk)
    history = list(StatusWijziging.objects.filter(verwijzing=v).values())
    run_at = closed_at + 25 * MONTH

    assert services.verwijzingen_anonymise_expired(now=run_at) == 1

    after = Verwijzing.objects.get(pk=v.pk)
    for name in PERSONAL:
        assert getattr(after, name) in ("", None), name
    assert after.geanonimiseerd_op == run_at
    # Statistics stay.
    for name in (
        "uuid",
        "status",
        "status_sinds",
        "aangemaakt_op",
        "gemeente_id",
        "verwijzer_id",
        "verwijzer_organisatie_id",
        "ontvanger_organisatie_id",
        "problemen",
        "voorwaarde_niet_alleen_medisch",
        "voorwaarde_geen_ggz",
        "voorwaarde_vraagverheldering_nodig",
        "voorwaarde_onvoldoende_eigen_regie",
        "warme_overdracht",
        "eerste_contact_op",
        "eerste_terugkoppeling_op",
        "afgesloten_op",
        "uitkomst",
        "terugkoppeling_bij_afsluiten",
    ):
        assert getattr(after, name) == getattr(before, name), name
    assert after.uitkomst == "verbonden"
    assert after.problemen == ["eenzaamheid", "geld_schulden"]
    assert after.contacten.get().duur_minuten == 60
    assert after.verbindingen.get().soort == "welzijn"
    assert list(StatusWijziging.objects.filter(verwijzing=v).values()) == history
    assert Toestemming.objects.filter(verwijzing=v).exists()
    # Feedback text goes, the structured answer stays.
    feedback = list(Terugkoppeling.objects.filter(verwijzing=v).order_by("id"))
    assert [t.aan_de_slag_met for t in feedback] == ["", ""]
    assert [t.soort for t in feedback] == ["eerste_contact", "afsluiting"]
    assert feedback[1].geholpen is True
    # Audited, without content.
    event = AuditEvent.objects.get(event="verwijzing.anonymised")
    assert event.object_id == str(v.uuid)
    assert event.actor is None
    dumped = json.dumps(list(AuditEvent.objects.values()), cls=DjangoJSONEncoder)
    assert "visser" not in dumped.lower()


@pytest.mark.parametrize(
    "status", [Status.AFGESLOTEN, Status.TERUGGESTUURD, Status.INGETROKKEN]
)
def test_every_final_status_counts_after_the_default_24_months(keten, status):
    old = _ended(keten, 24.5, status)
    recent = _ended(keten, 23.5, status)

    assert services.verwijzingen_anonymise_expired(now=NOW) == 1

    assert _anonymised(old)
    assert not _anonymised(recent)
    assert Verwijzing.objects.get(pk=recent.pk).inwoner_naam == "Johanna de Visser"
    assert Verwijzing.objects.get(pk=old.pk).status == status


@pytest.mark.parametrize(
    "status",
    [Status.VERSTUURD, Status.GEACCEPTEERD, Status.IN_BEHANDELING, Status.GEPAUZEERD],
)
def test_open_referrals_keep_their_data_however_old(keten, status):
    v = _ended(keten, 36, status)

    assert services.verwijzingen_anonymise_expired(now=NOW) == 0

    v = Verwijzing.objects.get(pk=v.pk)
    assert v.geanonimiseerd_op is None
    assert v.inwoner_naam == "Johanna de Visser"
    assert not AuditEvent.objects.filter(event="verwijzing.anonymised").exists()


def test_a_region_with_six_months_applies_to_its_gemeenten(keten):
    regio = RegioFactory()
    regio_add(regio, keten.gemeente)
    RegioInstellingFactory(regio=regio, bewaartermijn_maanden=6)
    RegioInstellingFactory(regio=RegioFactory(), bewaartermijn_maanden=1)  # empty
    vlissingen = keten_create(Gemeente.objects.get(code="GM0718"))
    in_region_old = _ended(keten, 7)
    in_region_recent = _ended(keten, 5)
    elsewhere = _ended(vlissingen, 7)

    assert services.verwijzingen_anonymise_expired(now=NOW) == 1

    assert _anonymised(in_region_old)
    assert not _anonymised(in_region_recent)
    assert not _anonymised(elsewhere)


def test_a_region_may_keep_data_longer_than_the_default(keten):
    regio = RegioFactory()
    regio_add(regio, keten.gemeente)
    RegioInstellingFactory(regio=regio, bewaartermijn_maanden=36)
    v = _ended(keten, 30)

    assert services.verwijzingen_anonymise_expired(now=NOW) == 0
    assert not _anonymised(v)
    assert services.verwijzingen_anonymise_expired(now=NOW + 7 * MONTH) == 1


def test_anonymising_twice_changes_nothing_the_second_time(keten):
    v = _ended(keten, 30)
    assert services.verwijzingen_anonymise_expired(now=NOW) == 1
    first = Verwijzing.objects.get(pk=v.pk).geanonimiseerd_op

    assert services.verwijzingen_anonymise_expired(now=NOW + MONTH) == 0

    assert Verwijzing.objects.get(pk=v.pk).geanonimiseerd_op == first == NOW
    assert AuditEvent.objects.filter(event="verwijzing.anonymised").count() == 1


def test_the_retention_run_only_touches_the_expired_referral(keten):
    old = _ended(keten, 30)
    Terugkoppeling.objects.create(
        verwijzing=old,
        soort=TerugkoppelingSoort.AFSLUITING,
        aan_de_slag_met="Gaat naar de wandelgroep.",
        verstuurd_op=old.status_sinds,
        door=UserFactory(),
    )
    kept = _ended(keten, 2)
    Terugkoppeling.objects.create(
        verwijzing=kept,
        soort=TerugkoppelingSoort.AFSLUITING,
        aan_de_slag_met="Gaat naar het inloophuis.",
        verstuurd_op=kept.status_sinds,
        door=UserFactory(),
    )

    services.verwijzingen_anonymise_expired(now=NOW)

    assert Terugkoppeling.objects.get(verwijzing=old).aan_de_slag_met == ""
    assert (
        Terugkoppeling.objects.get(verwijzing=kept).aan_de_slag_met
        == "Gaat naar het inloophuis."
    )
    kept = Verwijzing.objects.get(pk=kept.pk)
    assert kept.inwoner_email == "j.devisser@example.nl"
    assert kept.inwoner_toelichting
