# SPDX-License-Identifier: EUPL-1.2
"""Writes a synthetic `Plan` to the database, one transaction per batch of
referrals.

On PostgreSQL with psycopg 3 the rows go in with `COPY ... FROM STDIN` (text
format), several times faster than INSERT. On SQLite they go in with one
`executemany` per table, with the values in the form Django's SQLite backend
stores them (UTC datetimes as text, UUIDs as 32 hex digits); Django's
per-value preparation in `bulk_create` would take most of the time. Other
databases get `bulk_create`. Referral ids are reserved up front (from the
sequence on PostgreSQL, after the highest id elsewhere) so that the other
rows can point to them without reading anything back. UUIDs are random, not
seeded.

Contact.vastgelegd_op is `auto_now_add`: bulk_create sets it to the moment of
writing, COPY and executemany to the moment of the contact.

What does not belong here: generating rows (`generate`, `tables`).
"""

import json
import uuid
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import UTC, datetime
from typing import Any

from django.db import connections, models, transaction

import numpy as np

from dekkend.referrals.constants import VERSION_SOURCE
from dekkend.referrals.models import (
    Contact,
    StatusWijziging,
    Terugkoppeling,
    Toestemming,
    Verbinding,
    Verwijzing,
)
from dekkend.referrals.synthetic.model import Plan, Table
from dekkend.versions.services import data_changed

MODELS: dict[str, type[models.Model]] = {
    m.__name__: m
    for m in (
        Verwijzing,
        Toestemming,
        StatusWijziging,
        Contact,
        Verbinding,
        Terugkoppeling,
    )
}
_ESCAPE = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def write_method(using: str = "default") -> str:
    """ "COPY" on PostgreSQL with psycopg 3, "executemany" on SQLite,
    "bulk_create" elsewhere."""
    connection = connections[using]
    if connection.vendor == "postgresql" and _has_copy(connection):
        return "COPY"
    return "executemany" if connection.vendor == "sqlite" else "bulk_create"


def _bounds(plan: Plan, batch_size: int) -> list[tuple[int, int]]:
    n = plan.verwijzingen
    return [(first, min(first + batch_size, n)) for first in range(0, n, batch_size)]


def plan_write(
    plan: Plan,
    *,
    batch_size: int = 20_000,
    progress: Callable[[int], None] | None = None,
    using: str = "default",
) -> str:
    """Write every row of `plan`, one transaction per `batch_size` referrals,
    on this thread's connection; returns the method used (`write_method`).
    `progress` is called with the number of referrals of each batch."""
    method = write_method(using)
    for first, last in _bounds(plan, batch_size):
        _batch_write(plan.slice(first, last), first, last - first, method, using)
        if progress is not None:
            progress(last - first)
    return method


def plan_submit(
    plan: Plan,
    pool: ThreadPoolExecutor,
    *,
    batch_size: int = 20_000,
    using: str = "default",
) -> list[Future[int]]:
    """Like `plan_write`, but each batch is written by a thread of `pool` on
    a connection of its own (closed afterwards), so several batches go in at
    once and PostgreSQL can use more cores. Each future gives the number of
    referrals of its batch. Only for data other connections can see: not
    inside an open transaction (as in tests)."""
    method = write_method(using)

    def write(first: int, last: int) -> int:
        try:
            _batch_write(plan.slice(first, last), first, last - first, method, using)
            return last - first
        finally:
            connections[using].close()

    return [
        pool.submit(write, first, last) for first, last in _bounds(plan, batch_size)
    ]


def _batch_write(part: Plan, first: int, count: int, method: str, using: str) -> None:
    connection = connections[using]
    with transaction.atomic(using=using):
        if method == "COPY":
            # Synthetic rows: losing the last batches in a crash is fine, so
            # no commit waits for the WAL flush.
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL synchronous_commit TO OFF")
        ids = np.array(_reserve_ids(connection, count), dtype=np.int64)
        data_changed(VERSION_SOURCE)  # bulk writes send no signal
        for table in part.tables:
            columns = _with_keys(table, ids, first)
            if method == "COPY":
                _copy(connection, table.model, columns)
            elif method == "executemany":
                _executemany(connection, table.model, columns)
            else:
                _bulk_create(table.model, columns, using)


def _has_copy(connection: Any) -> bool:
    connection.ensure_connection()
    return hasattr(connection.connection.cursor(), "copy")


def _reserve_ids(connection: Any, count: int) -> list[int]:
    table = Verwijzing._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) "
                "FROM generate_series(1, %s)",
                [table, count],
            )
            return [row[0] for row in cursor.fetchall()]
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}")  # noqa: S608
        start = int(cursor.fetchone()[0]) + 1
    return list(range(start, start + count))


def _with_keys(table: Table, ids: np.ndarray, first: int) -> dict[str, np.ndarray]:
    if table.verwijzing is None:
        uuids = np.array([uuid.uuid4() for _ in range(len(ids))], dtype=object)
        return {"id": ids, "uuid": uuids, **table.columns}
    return {"verwijzing_id": ids[table.verwijzing - first], **table.columns}


def _field(model: type[models.Model], name: str) -> Any:
    return next(f for f in model._meta.concrete_fields if f.attname == name)


# -- COPY (PostgreSQL) --------------------------------------------------------


def _copy_text(values: np.ndarray) -> list[str]:
    kind = values.dtype.kind
    if kind == "M":
        unit = np.datetime_data(values.dtype)[0]
        text = np.datetime_as_string(values, unit="m" if unit == "m" else "D")
        if unit == "m":
            text = np.char.add(text, ":00+00")
        return np.where(np.isnat(values), "\\N", text).tolist()
    if kind == "b":
        return np.where(values, "t", "f").tolist()
    if values.dtype == np.int8:  # nullable boolean
        return np.array(["\\N", "f", "t"])[values.astype(np.int64) + 1].tolist()
    if kind in "iu":
        return np.where(values < 0, "\\N", values.astype(str)).tolist()
    strings = [str(v) for v in values.tolist()]  # str(UUID) has the dashes
    joined = "".join(strings)
    if any(c in joined for c in "\\\t\n\r"):
        strings = [s.translate(_ESCAPE) for s in strings]
    return strings


def _copy(connection: Any, model_name: str, columns: dict[str, np.ndarray]) -> None:
    model = MODELS[model_name]
    names = [_field(model, name).column for name in columns]
    texts = [_copy_text(values) for values in columns.values()]
    data = "".join(f"{line}\n" for line in map("\t".join, zip(*texts, strict=True)))
    sql = f"COPY {model._meta.db_table} ({', '.join(names)}) FROM STDIN"
    with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
        copy.write(data.encode())


# -- executemany (SQLite) -----------------------------------------------------


def _sqlite_values(values: np.ndarray) -> list[Any]:
    kind = values.dtype.kind
    if kind == "M":
        if np.datetime_data(values.dtype)[0] == "D":
            text = np.datetime_as_string(values, unit="D")
        else:  # as Django stores aware datetimes on SQLite: naive UTC text
            text = np.char.replace(np.datetime_as_string(values, unit="s"), "T", " ")
        out: list[Any] = text.tolist()
        return [
            None if nat else v
            for nat, v in zip(np.isnat(values).tolist(), out, strict=True)
        ]
    if kind == "b":
        return values.astype(np.int64).tolist()
    if values.dtype == np.int8:
        return [None if v < 0 else v for v in values.tolist()]
    if kind in "iu":
        return [None if v < 0 else v for v in values.tolist()]
    return [v.hex if isinstance(v, uuid.UUID) else v for v in values.tolist()]


def _executemany(
    connection: Any, model_name: str, columns: dict[str, np.ndarray]
) -> None:
    model = MODELS[model_name]
    names = [connection.ops.quote_name(_field(model, n).column) for n in columns]
    rows = list(zip(*(_sqlite_values(v) for v in columns.values()), strict=True))
    sql = (
        f"INSERT INTO {connection.ops.quote_name(model._meta.db_table)} "  # noqa: S608
        f"({', '.join(names)}) VALUES ({', '.join(['%s'] * len(names))})"
    )
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


# -- bulk_create (any database) ----------------------------------------------


def _python(values: np.ndarray, field: Any) -> list[Any]:
    kind = values.dtype.kind
    if kind == "M":
        if np.datetime_data(values.dtype)[0] == "D":
            return list(values.astype(object))
        out: list[datetime | None] = values.astype("datetime64[us]").tolist()
        return [None if v is None else v.replace(tzinfo=UTC) for v in out]
    if kind == "b":
        return [bool(v) for v in values.tolist()]
    if values.dtype == np.int8:
        return [None if v < 0 else bool(v) for v in values.tolist()]
    if kind in "iu":
        return [None if v < 0 else v for v in values.tolist()]
    if isinstance(field, models.JSONField):
        cache: dict[str, Any] = {}
        for v in set(values.tolist()):
            cache[v] = json.loads(v)
        return [cache[v] for v in values.tolist()]
    return list(values.tolist())


def _bulk_create(model_name: str, columns: dict[str, np.ndarray], using: str) -> None:
    model = MODELS[model_name]
    values = {
        name: _python(column, _field(model, name)) for name, column in columns.items()
    }
    names = list(values)
    objs = [
        model(**dict(zip(names, row, strict=True)))
        for row in zip(*values.values(), strict=True)
    ]
    model._default_manager.using(using).bulk_create(objs, batch_size=2000)
