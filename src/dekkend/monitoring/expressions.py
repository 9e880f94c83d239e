# SPDX-License-Identifier: EUPL-1.2
"""Two small query expressions for counting referrals per local calendar day
in the database (see `facts`), written out for SQLite and PostgreSQL.

* `DayIndex(field, start=, days=)`: the calendar day of a timestamp in the
  project's time zone (Europe/Amsterdam), as a number of days since `start`.
  PostgreSQL looks the timestamp up in the list of local midnights with
  `width_bucket` (a binary search, no time-zone arithmetic per row); SQLite
  converts with Django's own date cast and `julianday`.
* `ArrayItem(index, values)`: `values[index]` for a list of integers passed
  as one parameter (a PostgreSQL array, a JSON array in SQLite).

Both return NULL for NULL input. Other databases are refused
(`NotSupportedError`): the ORM code elsewhere stays portable, these two are
the only vendor-specific SQL of the monitoring app.
"""

import json
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db import NotSupportedError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Func, IntegerField
from django.db.models.sql.compiler import SQLCompiler
from django.utils import timezone

SqlAndParams = tuple[str, tuple[Any, ...]]


def local_midnight(day: date) -> datetime:
    """The start of `day` in the project's time zone, as an aware datetime."""
    return datetime.combine(day, time.min, tzinfo=timezone.get_default_timezone())


class DayIndex(Func):
    """Days from `start` to the local calendar day of a timestamp.

    Exact for timestamps from `start` up to `start + days` (exclusive); it
    counts in the project's time zone, so 00:30 on 2 March in Amsterdam is
    day 2 March even though it is 1 March in UTC.
    """

    output_field = IntegerField()

    def __init__(self, expression: Any, *, start: date, days: int) -> None:
        super().__init__(expression)
        if days < 1:
            raise ValueError("days must be 1 or more")
        self.start = start
        self.days = days

    def _operand(self, compiler: SQLCompiler) -> SqlAndParams:
        sql, params = compiler.compile(self.source_expressions[0])
        return sql, tuple(params)

    def as_postgresql(
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra: Any
    ) -> SqlAndParams:
        sql, params = self._operand(compiler)
        grid = [
            local_midnight(self.start + timedelta(days=i)) for i in range(self.days + 1)
        ]
        return f"(width_bucket({sql}, %s::timestamptz[]) - 1)", (*params, grid)

    def as_sqlite(
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra: Any
    ) -> SqlAndParams:
        sql, params = self._operand(compiler)
        day_sql, day_params = connection.ops.datetime_cast_date_sql(
            sql, params, timezone.get_default_timezone_name()
        )
        return (
            f"CAST(julianday({day_sql}) - julianday(%s) AS INTEGER)",
            (*day_params, self.start.isoformat()),
        )

    def as_sql(self, *args: Any, **kwargs: Any) -> SqlAndParams:
        raise NotSupportedError("DayIndex supports SQLite and PostgreSQL only")


class ArrayItem(Func):
    """`values[index]` (0-based) for a list of integers; NULL out of range."""

    output_field = IntegerField()

    def __init__(self, index: Any, values: Sequence[int]) -> None:
        super().__init__(index)
        self.values = [int(v) for v in values]

    def as_postgresql(
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra: Any
    ) -> SqlAndParams:
        sql, params = compiler.compile(self.source_expressions[0])
        return f"(%s::int[])[({sql}) + 1]", (self.values, *params)

    def as_sqlite(
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra: Any
    ) -> SqlAndParams:
        sql, params = compiler.compile(self.source_expressions[0])
        return (
            f"json_extract(%s, '$[' || ({sql}) || ']')",
            (json.dumps(self.values), *params),
        )

    def as_sql(self, *args: Any, **kwargs: Any) -> SqlAndParams:
        raise NotSupportedError("ArrayItem supports SQLite and PostgreSQL only")
