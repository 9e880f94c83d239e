# SPDX-License-Identifier: EUPL-1.2
"""Indicators of sociaal verwijzen (`monitoring.indicators`), without a database.

Hand-computed cases cover the rate per 10,000 against the target, annualising,
the median days to first contact, feedback within the working-day term (with a
holiday in between and referrals still within the term left out), closing
with feedback, and small-number suppression including complementary cells.
Property tests (hypothesis) check that the array core agrees with a plain
Python reading of the definitions, that shares stay in [0, 1], that no
published cell gives away a count below the threshold (not even by
subtracting shown cells from a shown total), and that adding a referral never
lowers `verwijzingen`. A run over 1,000,000 synthetic referrals checks the
array path at scale (results, not time).
"""

import doctest
import json
import statistics
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import numpy as np
import numpy.typing as npt
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dekkend import werkdagen
from dekkend.monitoring.indicators import (
    Cel,
    IndicatorParameters,
    ReferralArrays,
    RegionIndicators,
    VerwijzingFeit,
    facts_to_arrays,
    indicators_from_arrays,
    indicators_from_facts,
    raw_indicators_from_arrays,
    raw_indicators_from_facts,
    referrals,
    suppression,
)
from dekkend.monitoring.indicators.results import RawAreaFigures, RawIndicators
from dekkend.monitoring.indicators.suppression import (
    controlled_round,
    round_count,
    statistic_cell,
)
from dekkend.werkdagen import deadline, dutch_holidays_between

A, B, C, D = "GM0001", "GM0002", "GM0003", "GM0004"
OUTSIDE = "GM9999"


def fact(
    gemeentecode: str = A,
    aangemaakt_op: date = date(2026, 3, 2),
    *,
    contact: int | None = None,
    feedback: int | None = None,
    closed: int | None = None,
    feedback_at_closing: bool = False,
    uitkomst: str | None = None,
    verbindingen: tuple[str, ...] = (),
    status: str = "in_behandeling",
) -> VerwijzingFeit:
    """A referral; contact, feedback and closing are days after sending."""

    def after(days: int | None) -> date | None:
        return None if days is None else aangemaakt_op + timedelta(days=days)

    return VerwijzingFeit(
        gemeentecode=gemeentecode,
        aangemaakt_op=aangemaakt_op,
        eerste_contact_op=after(contact),
        eerste_terugkoppeling_op=after(feedback),
        afgesloten_op=after(closed),
        terugkoppeling_bij_afsluiten=feedback_at_closing,
        uitkomst=uitkomst,
        verbindingen=verbindingen,
        status=status,
    )


def year_2026(**options: Any) -> IndicatorParameters:
    options.setdefault("peildatum", date(2027, 3, 1))
    return IndicatorParameters.kalenderjaar("Testregio", 2026, **options)


def gemeente(raw: RawIndicators, code: str) -> RawAreaFigures:
    return next(g for g in raw.gemeenten if g.gemeentecode == code)


# -- hand-computed cases -----------------------------------------------------


def test_rate_per_10k_against_target_for_a_calendar_year() -> None:
    facts = [fact(A, date(2026, 1, 1) + timedelta(days=30 * i)) for i in range(12)]
    facts += [
        fact(A, date(2025, 12, 31)),  # before the period
        fact(A, date(2027, 1, 1)),  # after it
        fact(OUTSIDE, date(2026, 6, 1)),  # resident outside the region
        fact(B, date(2026, 6, 1)),
    ]
    raw = raw_indicators_from_facts(facts, {A: 20_000, B: 10_000}, year_2026())
    a = gemeente(raw, A)
    assert raw.parameters.periode_jaren == 1.0
    assert a.verwijzingen == 12
    assert a.verwijzingen_per_10k == pytest.approx(6.0)  # 12 / 20,000 x 10,000
    assert a.streefwaarde_verwijzingen == pytest.approx(120.0)  # 60 x 2
    assert a.aandeel_van_streefwaarde == pytest.approx(0.1)
    assert raw.totaal.verwijzingen == 13
    assert raw.totaal.inwoners == 30_000
    assert raw.totaal.verwijzingen_per_10k == pytest.approx(13 / 3)
    assert raw.totaal.streefwaarde_verwijzingen == pytest.approx(180.0)


def test_annualised_for_half_a_year_and_a_year_in_progress() -> None:
    facts = [fact(A, date(2026, 1, 5) + timedelta(days=i)) for i in range(10)]
    half = IndicatorParameters(
        regio="R",
        start=date(2026, 1, 1),
        end=date(2026, 6, 30),
        peildatum=date(2027, 1, 1),
    )
    raw = raw_indicators_from_facts(facts, {A: 10_000}, half)
    years = 181 / 365.25
    assert half.periode_jaren == pytest.approx(years)
    assert raw.totaal.verwijzingen_per_10k == pytest.approx(10 / years)  # 20.18
    assert raw.totaal.streefwaarde_verwijzingen == pytest.approx(60 * years)  # 29.73
    assert raw.totaal.aandeel_van_streefwaarde == pytest.approx(10 / (60 * years))

    # The calendar year observed up to peildatum 31 March: 90 days.
    in_progress = year_2026(peildatum=date(2026, 3, 31))
    assert in_progress.periode_jaren == pytest.approx(90 / 365.25)
    raw = raw_indicators_from_facts(facts, {A: 10_000}, in_progress)
    assert raw.totaal.verwijzingen_per_10k == pytest.approx(10 / (90 / 365.25))


@pytest.mark.parametrize(
    ("start", "end", "years"),
    [
        (date(2024, 1, 1), date(2024, 12, 31), 1.0),  # leap year
        (date(2025, 7, 1), date(2026, 6, 30), 1.0),
        (date(2024, 1, 1), date(2025, 12, 31), 2.0),
        (date(2024, 2, 29), date(2025, 2, 28), 1.0),
        (date(2026, 1, 1), date(2026, 1, 31), 31 / 365.25),
    ],
)
def test_period_in_years(start: date, end: date, years: float) -> None:
    params = IndicatorParameters("R", start, end, peildatum=date(2030, 1, 1))
    assert params.periode_jaren == pytest.approx(years)


def test_nothing_observed_before_the_period_starts() -> None:
    params = year_2026(peildatum=date(2025, 12, 1))
    result = indicators_from_facts([fact(A)], {A: 10_000}, params)
    assert params.periode_jaren == 0.0
    assert result.totaal.verwijzingen == Cel(0, False)
    assert result.totaal.verwijzingen_per_10k == Cel(None, False)
    assert result.totaal.aandeel_van_streefwaarde == Cel(None, False)


def test_median_days_to_first_contact() -> None:
    facts = [fact(contact=d) for d in (1, 2, 3, 10, 20)]
    facts += [fact(contact=None), fact(B, contact=4)]
    facts += [fact(A, date(2026, 12, 30), contact=400)]  # contact after peildatum
    raw = raw_indicators_from_facts(facts, {A: 1, B: 1}, year_2026())
    assert gemeente(raw, A).mediaan_dagen_tot_eerste_contact == 3.0
    assert gemeente(raw, A).n_eerste_contact == 5
    assert gemeente(raw, B).mediaan_dagen_tot_eerste_contact == 4.0
    # Region: 1, 2, 3, 4, 10, 20 -> (3 + 4) / 2.
    assert raw.totaal.mediaan_dagen_tot_eerste_contact == 3.5
    assert raw.totaal.n_eerste_contact == 6


def test_feedback_on_time_with_holiday_and_in_term_exclusion() -> None:
    # Term 2 working days, peildatum Friday 15 May 2026; Thursday 14 May is
    # Hemelvaartsdag.
    def on(created: date, feedback: date | None, status: str = "geaccepteerd") -> Any:
        return VerwijzingFeit(A, created, None, feedback, None, False, None, (), status)

    mon, tue, wed = date(2026, 5, 11), date(2026, 5, 12), date(2026, 5, 13)
    facts = [
        on(mon, None),  # due Wed 13: overdue
        on(tue, date(2026, 5, 14)),  # due Fri 15 (skips the holiday): on time
        on(wed, None),  # due Mon 18: still within the term, left out
        on(wed, date(2026, 5, 15)),  # due Mon 18: on time
        on(date(2026, 5, 4), None, "ingetrokken"),  # withdrawn: no duty
        on(date(2026, 5, 6), date(2026, 5, 11)),  # due Fri 8: late
        on(mon, date(2026, 5, 20)),  # answered after peildatum: overdue now
    ]
    params = year_2026(peildatum=date(2026, 5, 15), termijn_werkdagen=2)
    raw = raw_indicators_from_facts(facts, {A: 10_000}, params)
    a = gemeente(raw, A)
    assert a.verwijzingen == 7
    assert a.n_terugkoppeling_beoordeeld == 5
    assert a.n_terugkoppeling_op_tijd == 2
    assert a.aandeel_eerste_terugkoppeling_op_tijd == pytest.approx(0.4)
    assert a.te_laat_zonder_terugkoppeling == 2

    # Without the holiday Tuesday's referral was due Thursday and answered on
    # the Thursday: still on time; Wednesday's is due Friday: now assessed.
    no_holidays = replace(params, feestdagen=())
    raw = raw_indicators_from_facts(facts, {A: 10_000}, no_holidays)
    assert gemeente(raw, A).n_terugkoppeling_beoordeeld == 5
    params_later = replace(params, peildatum=date(2026, 5, 18))
    raw = raw_indicators_from_facts(facts, {A: 10_000}, params_later)
    # On Monday 18 May Wednesday's referral is due today: still in term.
    assert gemeente(raw, A).n_terugkoppeling_beoordeeld == 5
    raw = raw_indicators_from_facts(
        facts, {A: 10_000}, replace(params, peildatum=date(2026, 5, 19))
    )
    assert gemeente(raw, A).n_terugkoppeling_beoordeeld == 6
    assert gemeente(raw, A).te_laat_zonder_terugkoppeling == 3


def test_liberation_day_in_a_lustrum_year_is_a_parameter() -> None:
    # Friday 2 May 2025, term 1 working day, answered Tuesday 6 May.
    facts = [
        VerwijzingFeit(A, date(2025, 5, 2), None, date(2025, 5, 6), None, False, None)
    ]
    base = IndicatorParameters.kalenderjaar(
        "R", 2025, peildatum=date(2026, 1, 1), termijn_werkdagen=1
    )
    lustrum = raw_indicators_from_facts(facts, {A: 1}, base)
    never = raw_indicators_from_facts(
        facts, {A: 1}, replace(base, bevrijdingsdag="nooit")
    )
    assert lustrum.totaal.n_terugkoppeling_op_tijd == 1
    assert never.totaal.n_terugkoppeling_op_tijd == 0
    assert never.totaal.n_terugkoppeling_beoordeeld == 1


def test_closed_with_feedback_share() -> None:
    facts = [
        fact(closed=10, feedback_at_closing=True),
        fact(closed=20, feedback_at_closing=True),
        fact(closed=30, feedback_at_closing=True),
        fact(closed=40, feedback_at_closing=False),
        fact(A, date(2026, 12, 1), closed=200, feedback_at_closing=False),  # later
        fact(closed=None, feedback_at_closing=True),  # open: not counted
    ]
    raw = raw_indicators_from_facts(facts, {A: 1}, year_2026())
    assert raw.totaal.n_afgesloten == 4
    assert raw.totaal.n_afgesloten_met_terugkoppeling == 3
    assert raw.totaal.aandeel_afgesloten_met_terugkoppeling == 0.75


def test_connections_count_residents_per_kind_and_outcomes() -> None:
    facts = [
        fact(verbindingen=("welzijn", "welzijn", "lsp"), uitkomst="verbonden"),
        fact(verbindingen=("lsp",), uitkomst="verbonden"),
        fact(B, verbindingen=("schuldhulp",), uitkomst="geholpen"),
        fact(B),
    ]
    raw = raw_indicators_from_facts(facts, {A: 1, B: 1}, year_2026())
    assert dict(gemeente(raw, A).verbindingen_per_soort) == {
        "lsp": 2,
        "schuldhulp": 0,
        "welzijn": 1,
    }
    assert dict(raw.totaal.verbindingen_per_soort)["schuldhulp"] == 1
    assert dict(raw.totaal.uitkomsten) == {"geholpen": 1, "verbonden": 2}
    assert dict(gemeente(raw, B).uitkomsten) == {"geholpen": 1, "verbonden": 0}


def test_invalid_facts_and_parameters_are_refused() -> None:
    with pytest.raises(ValueError, match="eerste_contact_op"):
        fact(contact=-1)
    with pytest.raises(ValueError):
        fact("")
    with pytest.raises(ValueError):
        IndicatorParameters("R", date(2026, 2, 1), date(2026, 1, 1), date(2026, 3, 1))
    with pytest.raises(ValueError):
        year_2026(drempel=0)
    with pytest.raises(ValueError):
        year_2026(bevrijdingsdag="soms")
    with pytest.raises(ValueError):
        raw_indicators_from_facts([], {A: -1}, year_2026())
    arrays = facts_to_arrays([fact(contact=3)])
    with pytest.raises(ValueError, match="before aangemaakt_op"):
        replace(arrays, eerste_contact_op=arrays.aangemaakt_op - 1)
    with pytest.raises(ValueError, match="out of range"):
        replace(arrays, uitkomst_idx=np.array([4]))
    with pytest.raises(ValueError, match="shape"):
        replace(arrays, status_idx=np.array([0, 0]))


# -- small numbers: rounding per gemeente -------------------------------------


def referrals_per_gemeente(counts: dict[str, int]) -> list[VerwijzingFeit]:
    return [fact(code) for code, n in counts.items() for _ in range(n)]


def shown(result: RegionIndicators) -> dict[str, Cel]:
    return {g.gemeentecode or "": g.verwijzingen for g in result.gemeenten}


def test_counts_are_rounded_per_gemeente_and_totals_sum_them() -> None:
    inwoners = {A: 20_000, B: 5_000, C: 8_000}
    result = indicators_from_facts(
        referrals_per_gemeente({A: 12, B: 3, C: 7}), inwoners, year_2026()
    )
    cells = shown(result)
    assert cells == {A: Cel(10, False), B: Cel(5, False), C: Cel(5, False)}
    # 20, not the rounded exact 22: the total never tells what the rows hide.
    assert result.totaal.verwijzingen == Cel(20, False)
    c = next(g for g in result.gemeenten if g.gemeentecode == C)
    years = year_2026().periode_jaren
    assert c.verwijzingen_per_10k.waarde == pytest.approx(5 * 10_000 / 8_000 / years)
    assert c.aandeel_van_streefwaarde.waarde == pytest.approx(5 / 48.0)
    assert c.streefwaarde_verwijzingen == pytest.approx(48.0)  # public


def test_small_counts_become_zero_or_five() -> None:
    counts = {A: 1, B: 2, C: 3, D: 4}
    result = indicators_from_facts(
        referrals_per_gemeente(counts), dict.fromkeys(counts, 1000), year_2026()
    )
    assert {k: c.waarde for k, c in shown(result).items()} == {A: 0, B: 0, C: 5, D: 5}
    assert not any(c.onderdrukt for c in shown(result).values())
    assert result.totaal.verwijzingen == Cel(10, False)


def test_zero_is_shown_and_statistics_of_few_are_suppressed() -> None:
    facts = [fact(A, contact=2, closed=5, feedback_at_closing=True)] * 4
    facts += [fact(B, contact=1)] * 6
    result = indicators_from_facts(facts, {A: 1, B: 1, C: 1}, year_2026())
    by_code = {g.gemeentecode: g for g in result.gemeenten}
    assert by_code[C].verwijzingen == Cel(0, False)
    assert by_code[C].mediaan_dagen_tot_eerste_contact == Cel(None, False)
    assert by_code[A].mediaan_dagen_tot_eerste_contact == Cel(None, True)  # 4 < 5
    assert by_code[A].aandeel_afgesloten_met_terugkoppeling == Cel(None, True)
    assert by_code[B].mediaan_dagen_tot_eerste_contact == Cel(1.0, False)
    assert by_code[B].aandeel_afgesloten_met_terugkoppeling == Cel(None, False)
    assert result.totaal.mediaan_dagen_tot_eerste_contact == Cel(1.0, False)


def test_outcomes_never_add_up_to_more_than_the_referrals() -> None:
    # Ordinary rounding would show 5 + 5 + 5 + 5 = 20 outcomes beside 10
    # referrals, and so pin every outcome at 3 and the referrals at 12.
    facts = [
        fact(A, uitkomst=u)
        for u in ("geholpen", "niet_bereikt", "verbonden", "zelf_verder")
        for _ in range(3)
    ]
    result = indicators_from_facts(facts, {A: 1}, year_2026())
    a = dict(result.gemeenten[0].uitkomsten)
    assert result.gemeenten[0].verwijzingen == Cel(10, False)
    assert sum(c.waarde or 0 for c in a.values()) == 10
    assert all(c.waarde in (0, 5) for c in a.values())


def test_cell_helpers() -> None:
    assert [round_count(n, 5) for n in (0, 2, 3, 7, 8)] == [0, 0, 5, 5, 10]
    assert controlled_round([4, 4, 4], 12, 5) == [5, 5, 0]
    assert controlled_round([10, 0, 2], 12, 5) == [10, 0, 0]
    with pytest.raises(ValueError):
        controlled_round([1, 2], 4, 5)
    assert statistic_cell(0.5, 4, 5) == Cel(None, True)
    assert statistic_cell(None, 0, 5) == Cel(None, False)
    assert statistic_cell(0.5, 5, 5) == Cel(0.5, False)


@given(
    parts=st.lists(st.integers(0, 40), min_size=1, max_size=8),
    basis=st.integers(1, 7),
)
def test_controlled_rounding_keeps_neighbours_and_the_rounded_total(
    parts: list[int], basis: int
) -> None:
    rounded = controlled_round(parts, sum(parts), basis)
    assert sum(rounded) == round_count(sum(parts), basis)
    for exact, r in zip(parts, rounded, strict=True):
        assert r % basis == 0 and abs(r - exact) < basis


def test_json_shape() -> None:
    facts = referrals_per_gemeente({A: 12, B: 3, C: 7})
    facts += [fact(A, verbindingen=("lsp",), uitkomst="verbonden")] * 5
    result = indicators_from_facts(facts, {A: 20_000, B: 5_000, C: 8_000}, year_2026())
    data = json.loads(json.dumps(result.as_dict()))
    assert list(data) == [
        "regio",
        "periode",
        "drempel",
        "afronding",
        "totaal",
        "gemeenten",
    ]
    assert data["regio"] == "Testregio"
    assert data["periode"] == {"start": "2026-01-01", "eind": "2026-12-31"}
    assert data["drempel"] == 5 and data["afronding"] == 5
    assert [g["gemeentecode"] for g in data["gemeenten"]] == [A, B, C]
    b = data["gemeenten"][1]
    assert b["verwijzingen"] == 5 and b["verwijzingen_onderdrukt"] is False
    assert data["totaal"]["verwijzingen"] == 25  # 15 + 5 + 5 (exact 27)
    assert data["totaal"]["verbindingen_per_soort"] == {"lsp": 5}
    assert data["totaal"]["verbindingen_per_soort_onderdrukt"] == {"lsp": False}
    assert "gemeentecode" not in data["totaal"]
    measures = {
        "inwoners",
        "verwijzingen",
        "verwijzingen_per_10k",
        "streefwaarde_verwijzingen",
        "aandeel_van_streefwaarde",
        "mediaan_dagen_tot_eerste_contact",
        "aandeel_eerste_terugkoppeling_op_tijd",
        "aandeel_afgesloten_met_terugkoppeling",
        "te_laat_zonder_terugkoppeling",
        "verbindingen_per_soort",
        "uitkomsten",
    }
    flags = {
        f"{m}_onderdrukt" for m in measures - {"inwoners", "streefwaarde_verwijzingen"}
    }
    assert set(data["totaal"]) == measures | flags
    assert set(b) == measures | flags | {"gemeentecode"}

    extra = result.as_dict(gemeentenamen={A: "Aa"}, with_parameters=True)
    assert extra["gemeenten"][0]["naam"] == "Aa"
    assert extra["gemeenten"][1]["naam"] is None
    assert extra["parameters"]["peildatum"] == "2027-03-01"
    assert extra["parameters"]["termijn_werkdagen"] == 10


@pytest.mark.parametrize("module", [referrals, suppression, werkdagen])
def test_docstring_examples(module: Any) -> None:
    assert doctest.testmod(module).failed == 0


# -- properties ---------------------------------------------------------------

UITKOMSTEN = ("verbonden", "geholpen", "zelf_verder", "niet_bereikt")
SOORTEN = ("lsp", "welzijn", "schuldhulp")
STATUSSEN = ("verstuurd", "in_behandeling", "afgesloten", "ingetrokken")
PEILDATUM = date(2026, 12, 1)


@st.composite
def facts_strategy(draw: st.DrawFn) -> VerwijzingFeit:
    created = draw(st.dates(date(2025, 12, 1), date(2027, 1, 31)))
    offset = st.one_of(st.none(), st.integers(0, 60))
    return fact(
        draw(st.sampled_from((A, A, B, B, C, D, OUTSIDE))),
        created,
        contact=draw(offset),
        feedback=draw(offset),
        closed=draw(offset),
        feedback_at_closing=draw(st.booleans()),
        uitkomst=draw(st.one_of(st.none(), st.sampled_from(UITKOMSTEN))),
        verbindingen=tuple(draw(st.lists(st.sampled_from(SOORTEN), max_size=3))),
        status=draw(st.sampled_from(STATUSSEN)),
    )


fact_lists = st.lists(facts_strategy(), max_size=60)
INWONERS = {A: 40_000, B: 12_000, C: 3_000, D: 800}
property_settings = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def _reference(
    facts: Sequence[VerwijzingFeit], params: IndicatorParameters
) -> dict[str, dict[str, Any]]:
    """The definitions read literally, one referral at a time."""
    holidays = dutch_holidays_between(2024, 2028)
    peil = params.peildatum
    rows = [
        f
        for f in facts
        if f.gemeentecode in INWONERS
        and params.start <= f.aangemaakt_op <= min(params.end, peil)
    ]

    def known(day: date | None) -> bool:
        return day is not None and day <= peil

    out: dict[str, dict[str, Any]] = {}
    for code in (*sorted(INWONERS), None):
        mine = [f for f in rows if code is None or f.gemeentecode == code]
        owing = [f for f in mine if f.status not in params.zonder_terugkoppelplicht]
        due = {
            id(f): deadline(f.aangemaakt_op, params.termijn_werkdagen, holidays)
            for f in owing
        }
        on_time = [
            f
            for f in owing
            if known(f.eerste_terugkoppeling_op)
            and f.eerste_terugkoppeling_op is not None
            and f.eerste_terugkoppeling_op <= due[id(f)]
        ]
        overdue = [
            f
            for f in owing
            if not known(f.eerste_terugkoppeling_op) and peil > due[id(f)]
        ]
        answered = [f for f in owing if known(f.eerste_terugkoppeling_op)]
        contact_days = [
            (f.eerste_contact_op - f.aangemaakt_op).days
            for f in mine
            if known(f.eerste_contact_op) and f.eerste_contact_op is not None
        ]
        closed = [f for f in mine if known(f.afgesloten_op)]
        out[code or "totaal"] = {
            "verwijzingen": len(mine),
            "median": statistics.median(contact_days) if contact_days else None,
            "on_time": len(on_time),
            "assessed": len(answered) + len(overdue),
            "overdue": len(overdue),
            "closed": len(closed),
            "closed_fb": sum(f.terugkoppeling_bij_afsluiten for f in closed),
        }
    return out


@property_settings
@given(facts=fact_lists, peil=st.dates(date(2026, 1, 1), date(2027, 2, 1)))
def test_array_core_matches_the_definitions(
    facts: list[VerwijzingFeit], peil: date
) -> None:
    params = year_2026(peildatum=peil, termijn_werkdagen=3)
    raw = raw_indicators_from_facts(facts, INWONERS, params)
    expected = _reference(facts, params)
    for area in (*raw.gemeenten, raw.totaal):
        e = expected[area.gemeentecode or "totaal"]
        assert area.verwijzingen == e["verwijzingen"]
        assert area.mediaan_dagen_tot_eerste_contact == e["median"]
        assert area.n_terugkoppeling_op_tijd == e["on_time"]
        assert area.n_terugkoppeling_beoordeeld == e["assessed"]
        assert area.te_laat_zonder_terugkoppeling == e["overdue"]
        assert area.n_afgesloten == e["closed"]
        assert area.n_afgesloten_met_terugkoppeling == e["closed_fb"]


SHARES = (
    "aandeel_eerste_terugkoppeling_op_tijd",
    "aandeel_afgesloten_met_terugkoppeling",
)


@property_settings
@given(facts=fact_lists, drempel=st.integers(1, 7))
def test_shares_stay_between_zero_and_one(
    facts: list[VerwijzingFeit], drempel: int
) -> None:
    result = indicators_from_facts(
        facts, INWONERS, year_2026(peildatum=PEILDATUM, drempel=drempel)
    )
    for area in (*result.gemeenten, result.totaal):
        for name in SHARES:
            value = getattr(area, name).waarde
            assert value is None or 0.0 <= value <= 1.0


@property_settings
@given(facts=fact_lists, drempel=st.integers(2, 7))
def test_every_count_is_a_rounded_gemeente_count_or_their_sum(
    facts: list[VerwijzingFeit], drempel: int
) -> None:
    params = year_2026(peildatum=PEILDATUM, drempel=drempel)
    data = indicators_from_facts(facts, INWONERS, params).as_dict()
    raw = raw_indicators_from_facts(facts, INWONERS, params)
    exact = {a.gemeentecode: a for a in raw.gemeenten}

    def counts(row: dict[str, Any]) -> list[int]:
        out = [row["verwijzingen"], row["te_laat_zonder_terugkoppeling"]]
        return out + [
            *row["verbindingen_per_soort"].values(),
            *row["uitkomsten"].values(),
        ]

    for row in data["gemeenten"]:
        e = exact[row["gemeentecode"]]
        assert row["verwijzingen"] == round_count(e.verwijzingen, drempel)
        for value, true in zip(
            counts(row),
            [
                e.verwijzingen,
                e.te_laat_zonder_terugkoppeling,
                *(n for _, n in e.verbindingen_per_soort),
                *(n for _, n in e.uitkomsten),
            ],
            strict=True,
        ):
            assert value % drempel == 0 and abs(value - true) < drempel
        assert sum(row["uitkomsten"].values()) <= row["verwijzingen"]
    totals = [
        sum(col) for col in zip(*(counts(r) for r in data["gemeenten"]), strict=True)
    ]
    assert counts(data["totaal"]) == totals


@property_settings
@given(facts=fact_lists, extra=facts_strategy(), drempel=st.integers(1, 6))
def test_adding_a_referral_never_lowers_verwijzingen(
    facts: list[VerwijzingFeit], extra: VerwijzingFeit, drempel: int
) -> None:
    params = year_2026(peildatum=PEILDATUM, drempel=drempel)
    before = raw_indicators_from_facts(facts, INWONERS, params)
    after = raw_indicators_from_facts([*facts, extra], INWONERS, params)
    counted = extra.gemeentecode in INWONERS and (
        params.start <= extra.aangemaakt_op <= params.observed_end
    )
    assert after.totaal.verwijzingen == before.totaal.verwijzingen + counted
    for old, new in zip(before.gemeenten, after.gemeenten, strict=True):
        assert new.verwijzingen >= old.verwijzingen
    published_before = publish_cells(facts, params)
    published_after = publish_cells([*facts, extra], params)
    for code, old_cell in published_before.items():
        new_cell = published_after[code]
        if old_cell.waarde is not None and new_cell.waarde is not None:
            assert new_cell.waarde >= old_cell.waarde


def publish_cells(
    facts: list[VerwijzingFeit], params: IndicatorParameters
) -> dict[str, Cel]:
    result = indicators_from_facts(facts, INWONERS, params)
    return {**shown(result), "totaal": result.totaal.verwijzingen}


@property_settings
@given(facts=fact_lists)
def test_threshold_one_publishes_the_exact_figures(facts: list[VerwijzingFeit]) -> None:
    params = year_2026(peildatum=PEILDATUM, drempel=1)
    raw = raw_indicators_from_facts(facts, INWONERS, params)
    result = indicators_from_facts(facts, INWONERS, params)
    for exact, cells in zip(
        (*raw.gemeenten, raw.totaal), (*result.gemeenten, result.totaal), strict=True
    ):
        assert cells.verwijzingen == Cel(exact.verwijzingen, False)
        assert (
            cells.te_laat_zonder_terugkoppeling.waarde
            == exact.te_laat_zonder_terugkoppeling
        )
        assert dict(cells.uitkomsten) == {k: Cel(v, False) for k, v in exact.uitkomsten}


# -- scale --------------------------------------------------------------------


def test_a_million_referrals_through_the_array_path() -> None:
    rng = np.random.default_rng(20260101)
    n, n_gemeenten = 1_000_000, 25
    codes = tuple(f"GM{i:04d}" for i in range(n_gemeenten))
    created = np.datetime64("2026-01-01") + rng.integers(-20, 385, n).astype(
        "timedelta64[D]"
    )

    def later(share: float, max_days: int) -> npt.NDArray[np.datetime64]:
        days: npt.NDArray[np.datetime64] = created + rng.integers(
            0, max_days, n
        ).astype("timedelta64[D]")
        days[rng.random(n) > share] = np.datetime64("NaT")
        return days

    gemeente_idx = rng.integers(0, n_gemeenten, n)
    contact = later(0.9, 30)
    arrays = ReferralArrays(
        gemeentecodes=codes,
        gemeente_idx=gemeente_idx,
        aangemaakt_op=created,
        eerste_contact_op=contact,
        eerste_terugkoppeling_op=later(0.8, 30),
        afgesloten_op=later(0.6, 120),
        terugkoppeling_bij_afsluiten=rng.random(n) < 0.7,
        uitkomsten=UITKOMSTEN,
        uitkomst_idx=rng.integers(-1, len(UITKOMSTEN), n),
        soorten=SOORTEN,
        verbonden=rng.random((n, len(SOORTEN))) < 0.3,
        statussen=STATUSSEN,
        status_idx=rng.integers(0, len(STATUSSEN), n),
    )
    # The last gemeente is outside the region.
    inwoners = {code: 50_000 + 1_000 * i for i, code in enumerate(codes[:-1])}
    params = year_2026(peildatum=date(2027, 2, 1))
    raw = raw_indicators_from_arrays(arrays, inwoners, params)

    in_period = (created >= np.datetime64("2026-01-01")) & (
        created <= np.datetime64("2026-12-31")
    )
    in_region = gemeente_idx < n_gemeenten - 1
    keep = in_period & in_region
    per_gemeente = np.bincount(gemeente_idx[keep], minlength=n_gemeenten)
    assert raw.totaal.verwijzingen == int(keep.sum())
    assert [g.verwijzingen for g in raw.gemeenten] == per_gemeente[:-1].tolist()
    days = (contact[keep] - created[keep]).astype(np.int64)[~np.isnat(contact[keep])]
    assert raw.totaal.mediaan_dagen_tot_eerste_contact == float(np.median(days))
    first = gemeente_idx[keep] == 0
    days_first = (contact[keep][first] - created[keep][first])[
        ~np.isnat(contact[keep][first])
    ]
    assert raw.gemeenten[0].mediaan_dagen_tot_eerste_contact == float(
        np.median(days_first.astype(np.int64))
    )
    assert sum(dict(raw.totaal.uitkomsten).values()) == int(
        (arrays.uitkomst_idx[keep] >= 0).sum()
    )
    for area in (*raw.gemeenten, raw.totaal):
        for name in SHARES:
            value = getattr(area, name)
            assert value is not None and 0.0 < value < 1.0
        assert 0 < area.n_terugkoppeling_op_tijd < area.n_terugkoppeling_beoordeeld

    published = indicators_from_arrays(arrays, inwoners, params)
    rounded = sum(round_count(a.verwijzingen, params.drempel) for a in raw.gemeenten)
    assert published.totaal.verwijzingen == Cel(rounded, False)
    assert abs(rounded - raw.totaal.verwijzingen) <= 2 * n_gemeenten
    assert len(published.as_dict()["gemeenten"]) == n_gemeenten - 1
