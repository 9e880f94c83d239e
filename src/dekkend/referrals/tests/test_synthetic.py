# SPDX-License-Identifier: EUPL-1.2
"""Synthetic referral histories obey the workflow and look like the rows
the services write: status chains valid per `workflow.overgang`, no feedback
before the first contact, no contact after closing, milestone fields that
match the rows, consent for every referral, fake personal data only, volume
about rate x population, and the same history for the same seed."""

from collections import defaultdict
from datetime import datetime, timedelta

import numpy as np
import pytest

from dekkend.referrals import workflow
from dekkend.referrals.models import (
    Contact,
    StatusWijziging,
    Terugkoppeling,
    Toestemming,
    Verbinding,
    Verwijzing,
)
from dekkend.referrals.synthetic import (
    Keten,
    Parameters,
    plan_generate,
    synthetic_verwijzingen,
    verwijzingen_synthesize,
)
from dekkend.referrals.synthetic.clock import AMS
from dekkend.referrals.synthetic.generate import timeline_generate
from dekkend.regions.models import Gemeente
from dekkend.register.models import OrganisatieLid
from dekkend.werkdagen import dutch_holidays

PEIL = datetime(2025, 6, 2, 12, 0, tzinfo=AMS)  # a Monday
END = datetime(2025, 6, 2, tzinfo=AMS)
ROL = {
    workflow.Actie.EERSTE_CONTACT: workflow.Rol.SYSTEEM,
    workflow.Actie.TOESTEMMING_INGETROKKEN: workflow.Rol.SYSTEEM,
    workflow.Actie.INTREKKEN: workflow.Rol.VERWIJZER,
}


@pytest.fixture
def history(db):
    """Three years for Noord-Beveland (no offers on the register) and Kapelle
    (one LSP), at a high rate so that every path occurs."""
    gemeenten = Gemeente.objects.filter(code__in=["GM1695", "GM0678"])
    verslag = verwijzingen_synthesize(
        gemeenten=gemeenten,
        jaren=3,
        end=END,
        peilmoment=PEIL,
        seed=7,
        per_10k=(200.0, 200.0),
    )
    assert verslag.verwijzingen > 800
    return verslag


def _by_referral(qs, order):
    rows = defaultdict(list)
    for row in qs.order_by("verwijzing_id", *order):
        rows[row.verwijzing_id].append(row)
    return rows


def test_status_history_is_a_valid_chain_per_workflow(history):
    statussen = _by_referral(StatusWijziging.objects.all(), ("op", "id"))
    members = defaultdict(set)
    for user_id, org_id in OrganisatieLid.objects.values_list(
        "user_id", "organisatie_id"
    ):
        members[org_id].add(user_id)
    seen_actions = set()
    for v in Verwijzing.objects.all():
        chain = statussen[v.pk]
        first, rest = chain[0], chain[1:]
        assert (first.van, first.naar, first.actie) == ("", "verstuurd", "aanmaken")
        assert first.op == v.aangemaakt_op and first.door_id == v.verwijzer_id
        status = workflow.Status(first.naar)
        for s in rest:
            actie = workflow.Actie(s.actie)
            seen_actions.add(actie)
            rol = ROL.get(actie, workflow.Rol.BRUGFUNCTIONARIS)
            heeft_contact = (
                v.eerste_contact_op is not None and v.eerste_contact_op < s.op
            )
            naar = workflow.overgang(
                status,
                actie,
                rol,
                # Anonymisation clears reasons, as the retention job does.
                reden=s.reden or ("(gewist)" if v.geanonimiseerd_op else ""),
                uitkomst=workflow.Uitkomst(v.uitkomst) if v.uitkomst else None,
                heeft_contact=heeft_contact,
            )
            assert s.van == status.value and s.naar == naar.value
            if rol == workflow.Rol.BRUGFUNCTIONARIS:
                assert s.door_id in members[v.ontvanger_organisatie_id]
            elif actie == workflow.Actie.INTREKKEN:
                assert s.door_id == v.verwijzer_id
            status = naar
        assert v.status == status.value
        assert v.status_sinds == chain[-1].op
        assert all(a.op < b.op for a, b in zip(chain, chain[1:], strict=False))
    # Every step of the workflow occurs somewhere in the history.
    assert seen_actions == set(workflow.Actie)
    statuses = set(Verwijzing.objects.values_list("status", flat=True))
    assert statuses >= {"afgesloten", "teruggestuurd", "ingetrokken", "in_behandeling"}


def test_no_feedback_before_contact_and_no_contact_after_closing(history):
    contacts = _by_referral(Contact.objects.all(), ("datum", "id"))
    feedback = _by_referral(Terugkoppeling.objects.all(), ("verstuurd_op", "id"))
    connections = _by_referral(Verbinding.objects.all(), ("datum", "id"))
    accepted = dict(
        StatusWijziging.objects.filter(actie="accepteren").values_list(
            "verwijzing_id", "op"
        )
    )
    for v in Verwijzing.objects.select_related("toestemming"):
        end = v.afgesloten_op or v.toestemming.ingetrokken_op
        for c in contacts[v.pk]:
            assert accepted[v.pk] < c.vastgelegd_op
            assert c.vastgelegd_op >= v.eerste_contact_op
            assert c.datum >= v.aangemaakt_op.astimezone(AMS).date()
            if end is not None:
                assert c.vastgelegd_op < end
            assert set(c.leefgebieden) <= set(v.problemen) and c.leefgebieden
        for t in feedback[v.pk]:
            assert (
                v.eerste_contact_op is not None and t.verstuurd_op > v.eerste_contact_op
            )
            if t.soort == "afsluiting":
                assert v.status == "afgesloten" and t.verstuurd_op >= v.afgesloten_op
                assert t.geholpen is not None
            elif end is not None:
                assert t.verstuurd_op < end
            if t.gelezen_op is not None:
                assert t.gelezen_op > t.verstuurd_op
        for c in connections[v.pk]:
            assert v.eerste_contact_op is not None
            assert c.datum >= v.eerste_contact_op.astimezone(AMS).date()
            if end is not None:
                assert c.datum <= end.astimezone(AMS).date()
        if v.uitkomst == "verbonden":
            assert connections[v.pk]


def test_milestones_follow_the_rows(history):
    contacts = _by_referral(Contact.objects.all(), ("vastgelegd_op", "id"))
    feedback = _by_referral(Terugkoppeling.objects.all(), ("verstuurd_op", "id"))
    statussen = _by_referral(StatusWijziging.objects.all(), ("op", "id"))
    for v in Verwijzing.objects.all():
        by_actie = {s.actie: s.op for s in statussen[v.pk]}
        first_contact = contacts[v.pk][0].vastgelegd_op if contacts[v.pk] else None
        assert v.eerste_contact_op == first_contact == by_actie.get("eerste_contact")
        first_feedback = feedback[v.pk][0].verstuurd_op if feedback[v.pk] else None
        assert v.eerste_terugkoppeling_op == first_feedback
        assert v.afgesloten_op == by_actie.get("afsluiten")
        assert bool(v.uitkomst) == (v.status == "afgesloten")
        if v.uitkomst and v.eerste_contact_op is None:
            assert v.uitkomst in {u.value for u in workflow.UITKOMST_ZONDER_CONTACT}
        assert v.terugkoppeling_bij_afsluiten == any(
            t.soort == "afsluiting" for t in feedback[v.pk]
        )
        assert v.aangemaakt_op <= PEIL and v.status_sinds <= PEIL


def test_every_referral_has_consent_given_before_sending(history):
    withdrawn = dict(
        StatusWijziging.objects.filter(actie="toestemming_ingetrokken").values_list(
            "verwijzing_id", "op"
        )
    )
    assert Toestemming.objects.count() == Verwijzing.objects.count()
    for t in Toestemming.objects.select_related("verwijzing"):
        assert t.gegeven_op < t.verwijzing.aangemaakt_op
        assert t.vastgelegd_door_id == t.verwijzing.verwijzer_id
        assert t.ingetrokken_op == withdrawn.get(t.verwijzing_id)
    assert withdrawn


def test_personal_data_is_obviously_fake_and_has_no_bsn(history):
    pc4 = set(
        Gemeente.objects.filter(code__in=["GM1695", "GM0678"]).values_list(
            "postcodegebieden__pc4", flat=True
        )
    )
    for v in Verwijzing.objects.filter(geanonimiseerd_op__isnull=True):
        assert v.inwoner_naam.startswith("Demo Inwoner ")
        assert v.inwoner_bsn == ""
        assert v.inwoner_telefoon or v.inwoner_email
        assert v.inwoner_telefoon == "" or v.inwoner_telefoon.startswith("0000-")
        assert v.inwoner_email == "" or v.inwoner_email.endswith("@example.invalid")
        assert v.inwoner_postcode[:4] in pc4 and len(v.inwoner_postcode) == 6
        assert v.verwijzer_organisatie.naam.endswith(" (demo)")
        assert all(
            (
                v.voorwaarde_niet_alleen_medisch,
                v.voorwaarde_geen_ggz,
                v.voorwaarde_vraagverheldering_nodig,
                v.voorwaarde_onvoldoende_eigen_regie,
            )
        )
    assert not Verwijzing.objects.exclude(inwoner_bsn="").exists()
    assert synthetic_verwijzingen().count() == Verwijzing.objects.count()


def test_referrals_are_sent_on_working_days_in_working_hours(history):
    holidays = {d for year in (2022, 2023, 2024, 2025) for d in dutch_holidays(year)}
    for aangemaakt in Verwijzing.objects.values_list("aangemaakt_op", flat=True):
        local = aangemaakt.astimezone(AMS)
        assert local.weekday() < 5 and local.date() not in holidays
        assert 8 <= local.hour < 17


def test_connections_use_offers_of_the_gemeente_when_there_are_any(history):
    linked = Verbinding.objects.filter(aanbod__isnull=False).select_related(
        "aanbod__locatie", "verwijzing"
    )
    assert linked.exists()
    for c in linked:
        assert c.aanbod.locatie.gemeente_id == c.verwijzing.gemeente_id
        assert c.soort == c.aanbod.soort and c.omschrijving == ""
    for c in Verbinding.objects.filter(
        aanbod__isnull=True, verwijzing__geanonimiseerd_op__isnull=True
    ):
        assert c.omschrijving
    assert not Verbinding.objects.filter(
        aanbod__isnull=False, verwijzing__gemeente__code="GM1695"
    ).exists()


@pytest.mark.django_db
def test_old_finished_referrals_are_anonymised_as_the_retention_job_would():
    gemeenten = Gemeente.objects.filter(code="GM1695")
    verwijzingen_synthesize(
        gemeenten=gemeenten, jaren=4, end=END, peilmoment=PEIL, per_10k=(200.0, 200.0)
    )
    term = timedelta(days=round(24 * 30.44))
    anonymised = Verwijzing.objects.filter(geanonimiseerd_op__isnull=False)
    assert anonymised.exists()
    for v in anonymised:
        assert v.status in {s.value for s in workflow.FINAL}
        assert v.geanonimiseerd_op >= v.status_sinds + term
        assert v.inwoner_naam == v.inwoner_telefoon == v.inwoner_email == ""
        assert v.inwoner_geboortedatum is None
        assert not v.statussen.exclude(reden="").exists()
        assert not v.terugkoppelingen.exclude(aan_de_slag_met="").exists()
    for v in Verwijzing.objects.filter(geanonimiseerd_op__isnull=True):
        assert v.status not in {s.value for s in workflow.FINAL} or (
            v.status_sinds + term + timedelta(days=1) > PEIL
        )
        assert v.inwoner_naam


def _ketens() -> list[Keten]:
    return [
        Keten(
            gemeente_id=1,
            code="GM9001",
            inwoners=100_000,
            ontvanger_id=10,
            brugfunctionarissen=(100, 101),
            verwijzers=((20, 200), (20, 201), (21, 202)),
            aanbod=((30, "lsp"), (31, "welzijn")),
            pc4=(("9001", 60_000), ("9002", 40_000)),
        ),
        Keten(
            gemeente_id=2,
            code="GM9002",
            inwoners=50_000,
            ontvanger_id=11,
            brugfunctionarissen=(102,),
            verwijzers=((22, 203),),
        ),
    ]


def _params(**kwargs) -> Parameters:
    values = {
        "start": END - timedelta(days=round(2 * 365.25)),
        "end": END,
        "peilmoment": PEIL,
        "seed": 3,
    }
    values.update(kwargs)
    return Parameters(**values)


def test_volume_is_about_rate_times_population():
    tl = timeline_generate(_ketens(), _params(per_10k=(60.0, 60.0)))
    counts = np.bincount(tl.gemeente, minlength=2)
    # Poisson means 1,200 and 600 over two years: within four standard
    # deviations.
    for count, expected in zip(counts, (1200, 600), strict=True):
        assert abs(count - expected) < 4 * expected**0.5


def test_rates_vary_per_gemeente_within_the_range():
    ketens = [
        Keten(
            gemeente_id=i,
            code=f"GM9{i:03d}",
            inwoners=200_000,
            ontvanger_id=10,
            brugfunctionarissen=(100,),
            verwijzers=((20, 200),),
        )
        for i in range(30)
    ]
    tl = timeline_generate(ketens, _params())
    rates = np.bincount(tl.gemeente, minlength=30) / 2 / 20  # per 10,000 a year
    assert rates.min() > 40 and rates.max() < 75
    assert (rates < 60).any() and (rates >= 60).any()


def test_same_seed_gives_the_same_history_and_another_seed_does_not():
    first, second = (
        plan_generate(_ketens(), _params()),
        plan_generate(_ketens(), _params()),
    )
    other = plan_generate(_ketens(), _params(seed=4))
    assert first.rows() == second.rows()
    for a, b in zip(first.tables, second.tables, strict=True):
        assert a.columns.keys() == b.columns.keys()
        for name in a.columns:
            nan = a.columns[name].dtype.kind == "M"
            assert np.array_equal(a.columns[name], b.columns[name], equal_nan=nan), name
    assert not np.array_equal(
        first.table("Verwijzing").columns["aangemaakt_op"][:100],
        other.table("Verwijzing").columns["aangemaakt_op"][:100],
    )


def test_events_after_the_peilmoment_have_not_happened():
    plan = plan_generate(_ketens(), _params())
    peil = np.datetime64(
        PEIL.astimezone(AMS).replace(tzinfo=None) - timedelta(hours=2), "m"
    )
    for table in plan.tables:
        for name, values in table.columns.items():
            if values.dtype.kind == "M" and np.datetime_data(values.dtype)[0] == "m":
                present = values[~np.isnat(values)]
                assert (present <= peil).all(), (table.model, name)
    # Recent referrals are still open.
    status = plan.table("Verwijzing").columns["status"]
    assert set(status) >= {"verstuurd", "geaccepteerd", "in_behandeling"}
