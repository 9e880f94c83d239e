# SPDX-License-Identifier: EUPL-1.2
"""The adapter from the referral tables (`monitoring.facts`).

`verwijzing_feiten` must give the facts the services recorded, dated in
Amsterdam; `referral_counts`, which counts in SQL, must give exactly the
figures the plain-Python definitions give on those facts, also around
midnight, daylight-saving changes, the turn of the year, a reference date in
the middle of a term and other feedback terms; `regions.selectors.inwoners_per_gemeente` takes
the population of the right year.
"""

import random
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

import pytest

from dekkend.monitoring import facts
from dekkend.monitoring.indicators import (
    IndicatorParameters,
    RawIndicators,
    raw_indicators_from_counts,
    raw_indicators_from_facts,
)
from dekkend.monitoring.tests.conftest import (
    AMS,
    GOES,
    INWONERS,
    JAAR,
    MIDDELBURG,
    PEILDATUM,
    VLISSINGEN,
)
from dekkend.referrals.models import Verbinding
from dekkend.referrals.tests.factories import VerwijzingFactory
from dekkend.regions.models import Gemeente
from dekkend.regions.selectors import inwoners_per_gemeente
from dekkend.regions.tests.factories import BevolkingFactory, GemeenteFactory
from dekkend.register.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _gemeenten(*codes: str) -> list[Gemeente]:
    return list(Gemeente.objects.filter(code__in=codes).order_by("code"))


def _year(**options: Any) -> IndicatorParameters:
    return IndicatorParameters.kalenderjaar(
        "Zeeland", JAAR, peildatum=options.pop("peildatum", PEILDATUM), **options
    )


def _comparable(raw: RawIndicators) -> list[dict[str, Any]]:
    """The figures of every area, with the code lists reduced to non-zero
    counts (the fact path only lists codes it saw)."""
    out = []
    for area in (*raw.gemeenten, raw.totaal):
        values = dict(vars(area))
        for name in ("verbindingen_per_soort", "uitkomsten"):
            values[name] = {code: n for code, n in values[name] if n}
        out.append(values)
    return out


def _both(gemeenten: list[Gemeente], parameters: IndicatorParameters) -> None:
    inwoners = {g.code: INWONERS.get(g.code, 10_000) for g in gemeenten}
    counted = raw_indicators_from_counts(
        facts.referral_counts(gemeenten=gemeenten, parameters=parameters),
        inwoners,
        parameters,
    )
    feiten = facts.verwijzing_feiten(
        gemeenten=gemeenten, start=date(2024, 1, 1), end=date(2027, 12, 31)
    )
    expected = raw_indicators_from_facts(feiten, inwoners, parameters)
    assert _comparable(counted) == _comparable(expected)


def test_facts_are_what_the_services_recorded(zeeland_data):
    feiten = facts.verwijzing_feiten(
        gemeenten=_gemeenten(MIDDELBURG), start=date(2025, 1, 1), end=date(2025, 12, 31)
    )

    assert len(feiten) == 8
    assert {f.gemeentecode for f in feiten} == {MIDDELBURG}
    eerste = next(f for f in feiten if f.uitkomst == "verbonden")
    assert eerste.aangemaakt_op == date(2025, 3, 3)
    assert eerste.eerste_contact_op == date(2025, 3, 5)
    assert eerste.eerste_terugkoppeling_op == date(2025, 3, 5)
    assert eerste.afgesloten_op == date(2025, 4, 1)
    assert eerste.terugkoppeling_bij_afsluiten is True
    assert eerste.verbindingen == ("lsp",)
    assert eerste.status == "afgesloten"
    twee_soorten = next(f for f in feiten if f.uitkomst == "geholpen")
    assert twee_soorten.verbindingen == ("lsp", "welzijn")
    assert twee_soorten.terugkoppeling_bij_afsluiten is False
    assert sorted(f.status for f in feiten).count("ingetrokken") == 1


def test_days_are_amsterdam_days_at_the_turn_of_the_year(zeeland_data):
    feiten = facts.verwijzing_feiten(
        gemeenten=_gemeenten(MIDDELBURG), start=date(2025, 1, 1), end=date(2025, 12, 31)
    )
    dagen = sorted(f.aangemaakt_op for f in feiten)

    # 00:15 on 1 January is 2024 in UTC but 2025 here; 23:30 on 31 December
    # is 2025 here; 23:45 on 31 December 2024 and 00:30 on 1 January 2026 stay out.
    assert dagen[0] == date(2025, 1, 1)
    assert dagen[-1] == date(2025, 12, 31)
    laatste = next(f for f in feiten if f.aangemaakt_op == date(2025, 12, 31))
    assert laatste.eerste_contact_op == date(2026, 1, 5)
    buiten = facts.verwijzing_feiten(
        gemeenten=_gemeenten(MIDDELBURG), start=date(2024, 12, 31), end=date(2026, 1, 1)
    )
    assert len(buiten) == 10


def test_counts_by_hand_for_middelburg(zeeland_data):
    counts = facts.referral_counts(gemeenten=_gemeenten(MIDDELBURG), parameters=_year())

    assert counts.gebieden == (MIDDELBURG,)
    assert counts.verwijzingen.tolist() == [8]
    # On time: day 2 and the last day of the term (17 March). Assessed: those,
    # one late answer and four without any (the withdrawn one owes nothing).
    assert counts.n_terugkoppeling_op_tijd.tolist() == [2]
    assert counts.n_terugkoppeling_beoordeeld.tolist() == [7]
    assert counts.te_laat_zonder_terugkoppeling.tolist() == [4]
    assert counts.n_afgesloten.tolist() == [5]
    assert counts.n_afgesloten_met_terugkoppeling.tolist() == [2]
    kinds = dict(zip(counts.soorten, counts.verbonden[0].tolist(), strict=True))
    assert kinds["lsp"] == 3
    assert kinds["welzijn"] == 1
    assert sum(kinds.values()) == 4
    outcomes = dict(
        zip(counts.uitkomsten, counts.per_uitkomst[0].tolist(), strict=True)
    )
    assert {k: v for k, v in outcomes.items() if v} == {
        "verbonden": 1,
        "geholpen": 1,
        "afgezien": 1,
        "zelf_verder": 1,
        "niet_bereikt": 1,
    }
    histogram = sorted(
        zip(counts.contact_dagen.tolist(), counts.contact_aantal.tolist(), strict=True)
    )
    assert histogram == [(2, 1), (4, 1), (5, 1), (6, 1), (8, 1)]


def test_a_connection_counts_once_per_kind(zeeland_data):
    keten = zeeland_data.ketens[VLISSINGEN]
    verwijzing = (
        Verbinding.objects.filter(verwijzing__gemeente=keten.gemeente, soort="lsp")
        .first()
        .verwijzing
    )
    Verbinding.objects.create(
        verwijzing=verwijzing,
        soort="lsp",
        omschrijving="Nog een LSP",
        datum=date(2025, 6, 10),
        door=keten.brugfunctionaris,
    )

    counts = facts.referral_counts(gemeenten=_gemeenten(VLISSINGEN), parameters=_year())

    assert (
        dict(zip(counts.soorten, counts.verbonden[0].tolist(), strict=True))["lsp"] == 2
    )


@pytest.mark.parametrize(
    "parameters",
    [
        _year(),
        _year(peildatum=date(2025, 3, 12)),  # in the middle of the March terms
        _year(peildatum=date(2025, 6, 12)),
        _year(termijn_werkdagen=3),
        _year(termijn_werkdagen=0, bevrijdingsdag="jaarlijks"),
        _year(feestdagen=(date(2025, 3, 4), date(2025, 3, 5))),
        replace(_year(), start=date(2025, 3, 1), end=date(2025, 6, 30)),
    ],
)
def test_sql_counts_equal_the_plain_python_definitions(zeeland_data, parameters):
    _both(_gemeenten(MIDDELBURG, VLISSINGEN, GOES), parameters)


def test_different_terms_per_gemeente(zeeland_data):
    gemeenten = _gemeenten(MIDDELBURG, VLISSINGEN)
    parameters = _year()
    counts = facts.referral_counts(
        gemeenten=gemeenten, parameters=parameters, termijnen={MIDDELBURG: 5}
    )
    strict = facts.referral_counts(
        gemeenten=_gemeenten(MIDDELBURG),
        parameters=replace(parameters, termijn_werkdagen=5),
    )
    normal = facts.referral_counts(
        gemeenten=_gemeenten(VLISSINGEN), parameters=parameters
    )

    assert counts.gebieden == (MIDDELBURG, VLISSINGEN)
    # With 5 working days (until 10 March) the answer on 17 March is late.
    assert strict.n_terugkoppeling_op_tijd.tolist() == [1]
    assert counts.n_terugkoppeling_op_tijd.tolist() == [
        strict.n_terugkoppeling_op_tijd[0],
        normal.n_terugkoppeling_op_tijd[0],
    ]


def test_random_times_around_midnight_and_daylight_saving():
    """Bare rows at awkward moments: the SQL day arithmetic must agree with
    Python's Amsterdam dates."""
    rng = random.Random(20251026)
    gemeente = GemeenteFactory()
    user = UserFactory()
    moments = [
        datetime(2025, 3, 30, 0, 30, tzinfo=AMS),
        datetime(2025, 3, 30, 3, 30, tzinfo=AMS),
        datetime(2025, 10, 26, 1, 30, tzinfo=AMS),
        datetime(2025, 10, 26, 23, 59, tzinfo=AMS),
        datetime(2025, 12, 31, 23, 59, tzinfo=AMS),
        datetime(2025, 1, 1, 0, 0, tzinfo=AMS),
    ]
    for _ in range(60):
        base = rng.choice(moments) + timedelta(minutes=rng.randint(-90, 90))

        def later(chance: float, base: datetime = base) -> datetime | None:
            if rng.random() > chance:
                return None
            return base + timedelta(minutes=rng.randint(0, 60 * 24 * 25))

        closed = later(0.5)
        referral = VerwijzingFactory(
            gemeente=gemeente,
            aangemaakt_op=base,
            status_sinds=base,
            status=rng.choice(["afgesloten", "in_behandeling", "ingetrokken"]),
            eerste_contact_op=later(0.8),
            eerste_terugkoppeling_op=later(0.7),
            afgesloten_op=closed,
            uitkomst=rng.choice(["verbonden", "geholpen"]) if closed else "",
            terugkoppeling_bij_afsluiten=bool(closed) and rng.random() < 0.5,
            met_toestemming=False,
        )
        for soort in rng.sample(["lsp", "welzijn", "overig"], rng.randint(0, 2)):
            Verbinding.objects.create(
                verwijzing=referral, soort=soort, datum=date(2025, 1, 1), door=user
            )
    for parameters in (_year(), _year(peildatum=date(2025, 10, 27))):
        _both([gemeente], parameters)


def test_nothing_to_count():
    gemeente = GemeenteFactory()
    empty = facts.referral_counts(gemeenten=[gemeente], parameters=_year())
    before = facts.referral_counts(
        gemeenten=[gemeente], parameters=_year(peildatum=date(2024, 6, 1))
    )

    for counts in (empty, before):
        assert counts.gebieden == (gemeente.code,)
        assert counts.verwijzingen.tolist() == [0]
        assert len(counts.contact_dagen) == 0
    assert facts.referral_counts(gemeenten=[], parameters=_year()).gebieden == ()


def test_population_of_the_latest_year_up_to_the_referral_year():
    gemeente = GemeenteFactory()
    BevolkingFactory(gemeente=gemeente, peiljaar=2024, inwoners=10_000)
    BevolkingFactory(gemeente=gemeente, peiljaar=2025, inwoners=11_000)
    zonder = GemeenteFactory()

    def inwoners(jaar: int) -> dict[str, int]:
        return inwoners_per_gemeente(gemeenten=[gemeente, zonder], jaar=jaar)

    assert inwoners(2026) == {gemeente.code: 11_000, zonder.code: 0}
    assert inwoners(2025)[gemeente.code] == 11_000
    assert inwoners(2024)[gemeente.code] == 10_000
    assert inwoners(2020)[gemeente.code] == 10_000  # before any: the oldest
    assert inwoners_per_gemeente(gemeenten=_gemeenten(GOES), jaar=2025) == {
        GOES: INWONERS[GOES]
    }
