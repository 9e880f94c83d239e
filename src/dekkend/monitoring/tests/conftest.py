# SPDX-License-Identifier: EUPL-1.2
"""Referrals in Zeeland (zorgkantoorregio ZK27) walked through the referral
services at fixed times, and users of every role, for the monitoring tests.

`zeeland_data` builds a small year 2025 that the tests check by hand:

* Middelburg (GM0687, 50,004 inhabitants): 8 referrals in 2025 plus two
  just outside it (23:45 on 31 December 2024 and 00:30 on 1 January 2026,
  Amsterdam time), with contact, feedback, closing, connections and outcomes
  as listed in `MIDDELBURG`;
* Vlissingen (GM0718): 5 referrals in June 2025;
* Goes (GM0664): 3 referrals, a number too small to show.

The reference date for the figures is `PEILDATUM` (31 January 2026).
"""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.utils import timezone

import pytest

from dekkend.accounts.roles import role_group
from dekkend.referrals import services, workflow
from dekkend.referrals.models import Verwijzing
from dekkend.referrals.tests.factories import Keten, keten_create, verwijzing_send
from dekkend.regions.constants import INDELING_ZORGKANTOOR
from dekkend.regions.models import Gemeente, Indeling, Regio, RegioLid
from dekkend.register.tests.factories import UserFactory

AMS = ZoneInfo("Europe/Amsterdam")
PEILDATUM = date(2026, 1, 31)
JAAR = 2025
MIDDELBURG, VLISSINGEN, GOES = "GM0687", "GM0718", "GM0664"
INWONERS = {MIDDELBURG: 50_004, VLISSINGEN: 45_389, GOES: 39_682}
ZEELAND_INWONERS = 391_634


def at(y: int, m: int, d: int, hh: int = 9, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=AMS)


@dataclass(frozen=True)
class Stap:
    """One referral's history; times are days after sending (may be
    fractional), kinds are AanbodSoort codes."""

    sent: datetime
    contact: float | None = None
    feedback: float | None = None
    close: float | None = None
    uitkomst: str | None = None
    feedback_at_close: bool = False
    kinds: tuple[str, ...] = ()
    withdraw: bool = False
    accept: bool = True


# Monday 3 March 2025: the 10th working day after it is Monday 17 March.
MAANDAG = at(2025, 3, 3)
MIDDELBURG_STAPPEN = (
    # on time (day 2), closed with feedback, connected to an LSP
    Stap(
        MAANDAG,
        contact=2,
        feedback=2,
        close=29,
        uitkomst="verbonden",
        feedback_at_close=True,
        kinds=("lsp",),
    ),
    # late (day 21), closed without feedback, two kinds
    Stap(
        MAANDAG,
        contact=4,
        feedback=21,
        close=38,
        uitkomst="geholpen",
        kinds=("welzijn", "lsp"),
    ),
    # never any feedback: overdue; closed
    Stap(MAANDAG, contact=6, close=43, uitkomst="afgezien", kinds=("lsp",)),
    # feedback on the last day of the term (17 March), closed with feedback
    Stap(
        MAANDAG,
        contact=8,
        feedback=14,
        close=59,
        uitkomst="zelf_verder",
        feedback_at_close=True,
    ),
    # never reached: closed without contact or feedback
    Stap(MAANDAG, close=17, uitkomst="niet_bereikt"),
    # withdrawn by the referrer: owes no feedback
    Stap(MAANDAG, withdraw=True, accept=False),
    # 00:15 on New Year's Day 2025 in Amsterdam (still 2024 in UTC): counts
    Stap(at(2025, 1, 1, 0, 15)),
    # 23:30 on 31 December 2025: counts; contact 5 days later, in 2026
    Stap(at(2025, 12, 31, 23, 30), contact=5),
)
BUITEN_HET_JAAR = (at(2024, 12, 31, 23, 45), at(2026, 1, 1, 0, 30))
VLISSINGEN_STAPPEN = tuple(
    Stap(
        at(2025, 6, 2),
        contact=c,
        feedback=f,
        close=cl,
        uitkomst=u,
        feedback_at_close=cl is not None,
        kinds=k,
    )
    for c, f, cl, u, k in (
        (1, 1, 20, "verbonden", ("lsp",)),
        (1, 2, 20, "verbonden", ("lsp",)),
        (3, 3, None, None, ("welzijn",)),
        (5, 9, None, None, ()),
        (10, None, None, None, ()),
    )
)
GOES_STAPPEN = tuple(Stap(at(2025, 9, 1), contact=1, feedback=1) for _ in range(3))


def walk(keten: Keten, stap: Stap) -> Verwijzing:
    """One referral through the services, step by step at its own time."""
    brug, verwijzer = keten.brugfunctionaris, keten.verwijzer
    v = verwijzing_send(keten, now=stap.sent)
    later = stap.sent + timedelta(minutes=5)
    if stap.withdraw:
        services.verwijzing_transition(
            user=verwijzer,
            verwijzing=v,
            actie=workflow.Actie.INTREKKEN,
            reden="Inwoner wil toch niet.",
            now=later,
        )
    if stap.accept:
        services.verwijzing_transition(
            user=brug, verwijzing=v, actie=workflow.Actie.ACCEPTEREN, now=later
        )
    if stap.contact is not None:
        moment = stap.sent + timedelta(days=stap.contact)
        services.contact_record(
            user=brug,
            verwijzing=v,
            soort="gesprek",
            datum=timezone.localdate(moment, AMS),
            duur_minuten=45,
            leefgebieden=[],
            now=moment,
        )
        for soort in stap.kinds:
            services.verbinding_record(
                user=brug,
                verwijzing=v,
                datum=timezone.localdate(moment, AMS),
                soort=soort,
                omschrijving="Aanbod in de wijk",
            )
    if stap.feedback is not None:
        services.terugkoppeling_send(
            user=brug,
            verwijzing=v,
            soort="eerste_contact",
            aan_de_slag_met="",
            now=stap.sent + timedelta(days=stap.feedback),
        )
    if stap.close is not None:
        moment = stap.sent + timedelta(days=stap.close)
        assert stap.uitkomst is not None
        services.verwijzing_transition(
            user=brug,
            verwijzing=v,
            actie=workflow.Actie.AFSLUITEN,
            uitkomst=workflow.Uitkomst(stap.uitkomst),
            now=moment,
        )
        if stap.feedback_at_close:
            services.terugkoppeling_send(
                user=brug,
                verwijzing=v,
                soort="afsluiting",
                aan_de_slag_met="",
                now=moment + timedelta(minutes=5),
            )
    return v


@dataclass
class ZeelandData:
    ketens: dict[str, Keten] = field(default_factory=dict)


@pytest.fixture
def indeling() -> Indeling:
    return Indeling.objects.get(naam=INDELING_ZORGKANTOOR)


@pytest.fixture
def zeeland(indeling: Indeling) -> Regio:
    return Regio.objects.get(indeling=indeling, code="ZK27")


@pytest.fixture
def utrecht(indeling: Indeling) -> Regio:
    return Regio.objects.get(indeling=indeling, code="ZK09")


@pytest.fixture
def zeeland_data() -> ZeelandData:
    data = ZeelandData()
    for code, stappen in (
        (MIDDELBURG, MIDDELBURG_STAPPEN),
        (VLISSINGEN, VLISSINGEN_STAPPEN),
        (GOES, GOES_STAPPEN),
    ):
        keten = keten_create(Gemeente.objects.get(code=code))
        data.ketens[code] = keten
        for stap in stappen:
            walk(keten, stap)
    for moment in BUITEN_HET_JAAR:
        walk(data.ketens[MIDDELBURG], Stap(moment))
    return data


def user_with_role(role: str | None, *regios: Regio, **kwargs: Any) -> Any:
    user = UserFactory(**kwargs)
    if role:
        user.groups.add(role_group(role))
    for regio in regios:
        RegioLid.objects.create(user=user, regio=regio)
    return type(user).objects.get(pk=user.pk)


@pytest.fixture
def regio_lid(zeeland: Regio) -> Any:
    """A policy officer of Zeeland."""
    return user_with_role("regio", zeeland)


@pytest.fixture
def ander_regio_lid(utrecht: Regio) -> Any:
    """A policy officer of another region."""
    return user_with_role("regio", utrecht)


@pytest.fixture
def landelijk() -> Any:
    return user_with_role("landelijk_monitor")


@pytest.fixture
def verwijzer(zeeland: Regio) -> Any:
    """A referrer, even one registered with the region, sees no indicators."""
    return user_with_role("verwijzer", zeeland)


@pytest.fixture
def brugfunctionaris(zeeland: Regio) -> Any:
    return user_with_role("brugfunctionaris", zeeland)
