# SPDX-License-Identifier: EUPL-1.2
"""Time for the synthetic histories: minutes on the wall clock of Amsterdam,
working days without Dutch public holidays, and conversion to UTC.

Times are int64 minutes since 1970-01-01 00:00 *local* time; `NEVER` marks
an event that does not happen. Every generated event falls on a working day
between 08:30 and about 20:00, never in the night of a daylight-saving
switch, so local time converts to UTC with the offset of its day.
"""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import numpy.typing as npt

from dekkend.werkdagen import dutch_holidays_between

AMS = ZoneInfo("Europe/Amsterdam")
MINUTES_PER_DAY = 1440
NEVER = np.int64(2**62)
# A task on a later working day starts between 08:30 and 17:00.
WORK_FROM, WORK_TO = 8 * 60 + 30, 17 * 60
# A task on the same day follows 15 minutes to 3 hours later.
SAME_DAY = (15, 181)

IntArray = npt.NDArray[np.int64]
DayArray = npt.NDArray[np.datetime64]


def local_minutes(moment: datetime) -> int:
    """`moment` (aware) as minutes on the wall clock of Amsterdam."""
    local = moment.astimezone(AMS)
    wall = local.replace(tzinfo=UTC)  # the wall-clock reading, as if UTC
    return int((wall - datetime(1970, 1, 1, tzinfo=UTC)) // timedelta(minutes=1))


def to_day(minutes: IntArray) -> DayArray:
    return (minutes // MINUTES_PER_DAY).astype("datetime64[D]")


class Clock:
    """Working days (Monday to Friday, no Dutch public holidays) in a range
    of years, and steps of a number of working days."""

    def __init__(self, first: date, last: date) -> None:
        self.holidays = np.array(
            dutch_holidays_between(first.year - 1, last.year + 2),
            dtype="datetime64[D]",
        )

    def werkdagen(self, first: date, end: date) -> DayArray:
        """Working days from `first` up to, not including, `end`."""
        days = np.arange(np.datetime64(first, "D"), np.datetime64(end, "D"))
        return days[np.is_busday(days, holidays=self.holidays)]

    def later(
        self, t: IntArray, werkdagen: IntArray, rng: np.random.Generator
    ) -> IntArray:
        """A moment `werkdagen` working days after each `t` at a random time
        of the working day; 0 means later that same day. `NEVER` stays."""
        t = np.asarray(t, dtype=np.int64)
        werkdagen = np.broadcast_to(np.asarray(werkdagen, dtype=np.int64), t.shape)
        out = np.full(t.shape, NEVER, dtype=np.int64)
        present = t < NEVER
        same = present & (werkdagen == 0)
        other = present & ~same
        out[same] = t[same] + rng.integers(*SAME_DAY, size=int(same.sum()))
        if other.any():
            target = np.busday_offset(
                to_day(t[other]),
                werkdagen[other],
                roll="forward",
                holidays=self.holidays,
            )
            out[other] = target.astype(np.int64) * MINUTES_PER_DAY + rng.integers(
                WORK_FROM, WORK_TO, size=int(other.sum())
            )
        return out


def utc_minutes(t: IntArray) -> npt.NDArray[np.datetime64]:
    """Local minutes as `datetime64[m]` in UTC; `NEVER` becomes NaT."""
    t = np.asarray(t, dtype=np.int64)
    out = np.full(t.shape, np.datetime64("NaT"), dtype="datetime64[m]")
    present = t < NEVER
    if not present.any():
        return out
    days = t[present] // MINUTES_PER_DAY
    unique, inverse = np.unique(days, return_inverse=True)
    offsets = np.array(
        [_offset_minutes(date(1970, 1, 1) + timedelta(days=int(d))) for d in unique],
        dtype=np.int64,
    )
    out[present] = (t[present] - offsets[inverse]).astype("datetime64[m]")
    return out


def _offset_minutes(day: date) -> int:
    offset = datetime(day.year, day.month, day.day, 12, tzinfo=AMS).utcoffset()
    assert offset is not None
    return int(offset // timedelta(minutes=1))
