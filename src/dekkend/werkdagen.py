# SPDX-License-Identifier: EUPL-1.2
"""Working days and Dutch public holidays for feedback terms of sociaal verwijzen.

A neutral plain-Python module (no Django, no other part of `dekkend`), so that
`referrals` (reminders, synthetic histories) and `monitoring` (indicators) both
use one calendar without `referrals` depending on `monitoring`.

The bridging professional gives the referrer a first feedback within a number of
working days (003 §4, step 2; the term itself is a regional agreement). This
module says which days are working days and when such a term ends. It computes
the holidays itself instead of depending on a holiday package, so the rules are
visible and testable here:

* Nieuwjaarsdag (1 January);
* 2e Paasdag (Easter Monday; Easter by the anonymous Gregorian algorithm);
* Koningsdag (27 April, or 26 April when the 27th is a Sunday; from 2014).
  Before 2014 Koninginnedag: 30 April, or 29 April when the 30th is a Sunday
  (the rule since 1980); earlier years are refused;
* Bevrijdingsdag (5 May): a national holiday, but most collective agreements
  give the day off only in lustrum years (2025, 2030, ...). The default
  `"lustrum"` follows that; `"jaarlijks"` counts it every year (as some
  regional agreements and legal terms do) and `"nooit"` not at all;
* Hemelvaartsdag (Easter + 39 days);
* 2e Pinksterdag (Easter + 50 days);
* 1e en 2e Kerstdag (25 and 26 December).

Goede Vrijdag is deliberately absent: it is not a general day off. The Sundays
of Easter and Pentecost are not listed because Sundays are never working days.

What does not belong here: which referrals are late (see `referrals`), and
regional holidays or closing days of an organisation (pass them explicitly as
`feestdagen`).
"""

from collections.abc import Collection, Iterable
from datetime import date, timedelta
from typing import Literal

import numpy as np
import numpy.typing as npt

BevrijdingsdagRule = Literal["lustrum", "jaarlijks", "nooit"]
BEVRIJDINGSDAG_RULES: tuple[BevrijdingsdagRule, ...] = ("lustrum", "jaarlijks", "nooit")

FIRST_SUPPORTED_YEAR = 1980
KONINGSDAG_SINCE = 2014

DayArray = npt.NDArray[np.datetime64]


def easter_sunday(year: int) -> date:
    """Easter Sunday of a Gregorian year (anonymous Gregorian algorithm,
    Meeus/Jones/Butcher).

    >>> easter_sunday(2026)
    datetime.date(2026, 4, 5)
    """
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_shift) // 451
    month, day0 = divmod(h + weekday_shift - 7 * m + 114, 31)
    return date(year, month, day0 + 1)


def _kings_day(year: int) -> date:
    day = date(year, 4, 27) if year >= KONINGSDAG_SINCE else date(year, 4, 30)
    # Sunday (weekday 6): celebrated on the Saturday before.
    return day - timedelta(days=1) if day.weekday() == 6 else day


def _liberation_day_off(year: int, rule: BevrijdingsdagRule) -> bool:
    if rule == "jaarlijks":
        return True
    if rule == "lustrum":
        return year % 5 == 0
    if rule == "nooit":
        return False
    raise ValueError(
        f"unknown bevrijdingsdag rule {rule!r}; use {BEVRIJDINGSDAG_RULES}"
    )


def dutch_holidays(
    year: int, *, bevrijdingsdag: BevrijdingsdagRule = "lustrum"
) -> tuple[date, ...]:
    """The general Dutch public holidays of `year` that are days off, sorted.

    Args:
        year: calendar year, 1980 or later.
        bevrijdingsdag: `"lustrum"` (5 May only in years divisible by 5),
            `"jaarlijks"` (every year) or `"nooit"`.

    Raises:
        ValueError: for a year before 1980 or an unknown rule.

    >>> [d.isoformat() for d in dutch_holidays(2025)][:4]
    ['2025-01-01', '2025-04-21', '2025-04-26', '2025-05-05']
    """
    if year < FIRST_SUPPORTED_YEAR:
        raise ValueError(f"holidays before {FIRST_SUPPORTED_YEAR} are not supported")
    easter = easter_sunday(year)
    days = [
        date(year, 1, 1),  # Nieuwjaarsdag
        easter + timedelta(days=1),  # 2e Paasdag
        _kings_day(year),  # Koningsdag / Koninginnedag
        easter + timedelta(days=39),  # Hemelvaartsdag
        easter + timedelta(days=50),  # 2e Pinksterdag
        date(year, 12, 25),  # 1e Kerstdag
        date(year, 12, 26),  # 2e Kerstdag
    ]
    if _liberation_day_off(year, bevrijdingsdag):
        days.append(date(year, 5, 5))
    return tuple(sorted(days))


def dutch_holidays_between(
    first_year: int, last_year: int, *, bevrijdingsdag: BevrijdingsdagRule = "lustrum"
) -> tuple[date, ...]:
    """`dutch_holidays` for every year from `first_year` to `last_year`
    inclusive, sorted."""
    return tuple(
        day
        for year in range(first_year, last_year + 1)
        for day in dutch_holidays(year, bevrijdingsdag=bevrijdingsdag)
    )


def _holidays_for(
    feestdagen: Iterable[date] | None, first: date, last: date
) -> list[date]:
    if feestdagen is not None:
        return list(feestdagen)
    # A term of a few weeks may cross into the next year; one spare year on
    # either side keeps every reachable day covered.
    return list(dutch_holidays_between(first.year - 1, last.year + 1))


def werkdagen_tussen(
    start: date, eind: date, feestdagen: Collection[date] | None = None
) -> int:
    """Working days after `start` up to and including `eind`: the count of
    Monday-to-Friday days in (start, eind] that are not holidays.

    A referral sent on Monday and answered on Tuesday took 1 working day;
    answered on Monday itself, 0. The count is negative when `eind` lies
    before `start` (`werkdagen_tussen(a, b) == -werkdagen_tussen(b, a)`).

    Args:
        start: day of the referral.
        eind: day of the answer.
        feestdagen: days that are not working days; None means
            `dutch_holidays` (lustrum rule) of the years involved.

    >>> werkdagen_tussen(date(2026, 5, 13), date(2026, 5, 18))  # Hemelvaart
    2
    """
    if eind < start:
        # numpy counts a reversed range with other bounds; mirror it ourselves.
        return -werkdagen_tussen(eind, start, feestdagen)
    holidays = _holidays_for(feestdagen, start, eind)
    one = np.timedelta64(1, "D")
    return int(
        np.busday_count(
            np.datetime64(start, "D") + one,
            np.datetime64(eind, "D") + one,
            holidays=holidays,
        )
    )


def deadline(
    start: date, n_werkdagen: int, feestdagen: Iterable[date] | None = None
) -> date:
    """The last day of a term of `n_werkdagen` working days after `start`:
    the n-th working day after `start` (`start` itself for n = 0).

    Something done on or before this day is within the term. It always holds
    that `werkdagen_tussen(start, deadline(start, n)) == n`.

    Args:
        start: day the term starts (not counted itself).
        n_werkdagen: length of the term in working days, 0 or more.
        feestdagen: as for `werkdagen_tussen`.

    Raises:
        ValueError: when `n_werkdagen` is negative.

    >>> deadline(date(2026, 5, 13), 1)  # Wednesday; Thursday is Hemelvaart
    datetime.date(2026, 5, 15)
    """
    if n_werkdagen < 0:
        raise ValueError("n_werkdagen must be 0 or more")
    if n_werkdagen == 0:
        return start
    horizon = start + timedelta(days=3 * n_werkdagen + 30)
    day = np.datetime64(start, "D")
    holidays = _holidays_for(feestdagen, start, horizon)
    result = np.busday_offset(day, n_werkdagen, roll="backward", holidays=holidays)
    out = result.astype(date)
    assert isinstance(out, date)
    return out


def deadlines(days: DayArray, n_werkdagen: int, feestdagen: Iterable[date]) -> DayArray:
    """`deadline` for an array of `datetime64[D]` days (no NaT).

    Computed once per distinct day in the range [min, max] and looked up, so
    a million referrals over a year cost one small table plus one indexing.
    """
    if n_werkdagen < 0:
        raise ValueError("n_werkdagen must be 0 or more")
    days = np.asarray(days, dtype="datetime64[D]")
    if days.size == 0 or n_werkdagen == 0:
        return days.copy()
    first, last = days.min(), days.max()
    table_days = np.arange(first, last + np.timedelta64(1, "D"), dtype="datetime64[D]")
    table = np.busday_offset(
        table_days, n_werkdagen, roll="backward", holidays=list(feestdagen)
    )
    index = (days - first).astype(np.int64)
    result: DayArray = table[index]
    return result
