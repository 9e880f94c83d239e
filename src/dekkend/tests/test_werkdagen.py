# SPDX-License-Identifier: EUPL-1.2
"""Working days and Dutch public holidays (`dekkend.werkdagen`).

Known dates are checked by hand against the calendar; property tests check
that a deadline of n working days is exactly n working days away and is
itself a working day. No database.
"""

from datetime import date, timedelta

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dekkend.werkdagen import (
    deadline,
    deadlines,
    dutch_holidays,
    dutch_holidays_between,
    easter_sunday,
    werkdagen_tussen,
)


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (1981, date(1981, 4, 19)),
        (2000, date(2000, 4, 23)),
        (2019, date(2019, 4, 21)),
        (2024, date(2024, 3, 31)),
        (2025, date(2025, 4, 20)),
        (2026, date(2026, 4, 5)),
        (2027, date(2027, 3, 28)),
        (2038, date(2038, 4, 25)),  # latest possible date
        (2285, date(2285, 3, 22)),  # earliest possible date
    ],
)
def test_easter_sunday(year: int, expected: date) -> None:
    assert easter_sunday(year) == expected


def test_holidays_2026_without_liberation_day() -> None:
    assert dutch_holidays(2026) == (
        date(2026, 1, 1),
        date(2026, 4, 6),  # 2e Paasdag
        date(2026, 4, 27),  # Koningsdag, a Monday
        date(2026, 5, 14),  # Hemelvaartsdag
        date(2026, 5, 25),  # 2e Pinksterdag
        date(2026, 12, 25),
        date(2026, 12, 26),
    )


def test_holidays_2025_lustrum_and_kings_day_on_saturday() -> None:
    assert dutch_holidays(2025) == (
        date(2025, 1, 1),
        date(2025, 4, 21),
        date(2025, 4, 26),  # 27 April 2025 is a Sunday
        date(2025, 5, 5),  # lustrum year
        date(2025, 5, 29),
        date(2025, 6, 9),
        date(2025, 12, 25),
        date(2025, 12, 26),
    )


def test_good_friday_is_not_a_holiday() -> None:
    assert date(2026, 4, 3) not in dutch_holidays(2026)


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (2031, date(2031, 4, 26)),
        (2036, date(2036, 4, 26)),
        (2027, date(2027, 4, 27)),
        (2006, date(2006, 4, 29)),  # Koninginnedag on Sunday 30 April
        (2013, date(2013, 4, 30)),
    ],
)
def test_kings_day(year: int, expected: date) -> None:
    april = [d for d in dutch_holidays(year) if d.month == 4 and d.day >= 26]
    assert april == [expected]


@pytest.mark.parametrize(
    ("rule", "year", "expected"),
    [
        ("lustrum", 2030, True),
        ("lustrum", 2026, False),
        ("jaarlijks", 2026, True),
        ("nooit", 2030, False),
    ],
)
def test_liberation_day_rule(rule: str, year: int, expected: bool) -> None:
    holidays = dutch_holidays(year, bevrijdingsdag=rule)  # type: ignore[arg-type]
    assert (date(year, 5, 5) in holidays) is expected


def test_refusals() -> None:
    with pytest.raises(ValueError):
        dutch_holidays(2026, bevrijdingsdag="soms")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        dutch_holidays(1979)
    with pytest.raises(ValueError):
        deadline(date(2026, 1, 5), -1)
    with pytest.raises(ValueError):
        deadlines(np.array(["2026-01-05"], dtype="datetime64[D]"), -1, [])


def test_holidays_between_spans_years() -> None:
    days = dutch_holidays_between(2025, 2026)
    assert days == dutch_holidays(2025) + dutch_holidays(2026)


def test_werkdagen_tussen_by_hand() -> None:
    monday = date(2026, 3, 2)
    assert werkdagen_tussen(monday, monday) == 0
    assert werkdagen_tussen(monday, monday + timedelta(days=1)) == 1
    assert werkdagen_tussen(date(2026, 3, 6), date(2026, 3, 9)) == 1  # Fri -> Mon
    assert werkdagen_tussen(date(2026, 3, 7), date(2026, 3, 8)) == 0  # weekend
    # Wednesday 13 May to Monday 18 May 2026: Thursday is Hemelvaartsdag.
    assert werkdagen_tussen(date(2026, 5, 13), date(2026, 5, 18)) == 2
    assert werkdagen_tussen(date(2026, 5, 13), date(2026, 5, 18), ()) == 3
    assert werkdagen_tussen(date(2026, 5, 18), date(2026, 5, 13)) == -2
    # Wednesday 24 Dec 2025 into the new year: 29, 30, 31 Dec and 2 Jan.
    assert werkdagen_tussen(date(2025, 12, 24), date(2026, 1, 2)) == 4


def test_deadline_by_hand() -> None:
    # From Wednesday 13 May 2026, 10 working days skip Hemelvaartsdag (14 May)
    # and 2e Pinksterdag (25 May).
    assert deadline(date(2026, 5, 13), 10) == date(2026, 5, 29)
    assert deadline(date(2026, 5, 13), 10, feestdagen=()) == date(2026, 5, 27)
    assert deadline(date(2026, 5, 16), 1) == date(2026, 5, 18)  # from Saturday
    assert deadline(date(2026, 5, 14), 1) == date(2026, 5, 15)  # from a holiday
    assert deadline(date(2026, 5, 16), 0) == date(2026, 5, 16)
    # Lustrum year: Friday 2 May 2025, next working day is Tuesday 6 May.
    assert deadline(date(2025, 5, 2), 1) == date(2025, 5, 6)


def test_deadlines_match_scalar() -> None:
    start = date(2025, 12, 1)
    days = [start + timedelta(days=i) for i in range(0, 70, 3)]
    holidays = dutch_holidays_between(2025, 2026)
    for n in (0, 1, 10):
        vector = deadlines(np.array(days, dtype="datetime64[D]"), n, holidays)
        assert [d.astype(date) for d in vector] == [
            deadline(d, n, holidays) for d in days
        ]
    assert deadlines(np.array([], dtype="datetime64[D]"), 5, holidays).size == 0


days_2024_2030 = st.dates(min_value=date(2024, 1, 1), max_value=date(2030, 12, 31))


@given(start=days_2024_2030, n=st.integers(min_value=0, max_value=40))
def test_deadline_is_n_working_days_away(start: date, n: int) -> None:
    due = deadline(start, n)
    assert werkdagen_tussen(start, due) == n
    if n:
        holidays = set(dutch_holidays_between(start.year, due.year))
        assert due.weekday() < 5 and due not in holidays
        # It is the first such day: the day before is one working day short.
        assert werkdagen_tussen(start, due - timedelta(days=1)) == n - 1


@given(a=days_2024_2030, b=days_2024_2030)
def test_werkdagen_tussen_is_antisymmetric_and_bounded(a: date, b: date) -> None:
    assert werkdagen_tussen(a, b) == -werkdagen_tussen(b, a)
    assert abs(werkdagen_tussen(a, b)) <= abs((b - a).days)
