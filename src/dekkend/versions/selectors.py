# SPDX-License-Identifier: EUPL-1.2
"""Reading version tokens: one plain SQL query for any number of sources."""

from collections.abc import Sequence

from django.db import connection

from dekkend.versions.models import DataVersion


def token_sql(source: str) -> str:
    """A scalar subquery giving the token of an unsharded `source` (NULL
    before its first write), for embedding in a hot path's own query."""
    if "'" in source:
        raise ValueError(source)
    table = DataVersion._meta.db_table
    return f"SELECT token FROM {table} WHERE source = '{source}'"  # noqa: S608


def tokens(sources: Sequence[str], sharded: Sequence[str] = ()) -> tuple[object, ...]:
    """The tokens of `sources`, and of every shard of each `sharded` source,
    as one hashable value (0 for a source never written).

    One query whatever the number of sources: `'#'` sorts just before `'$'`,
    so the shards of `s` are the range `[s#, s$)`, which the primary key's
    index answers.
    """
    table = DataVersion._meta.db_table
    where = ["source IN (" + ", ".join(["%s"] * len(sources)) + ")"] if sources else []
    params: list[str] = list(sources)
    for source in sharded:
        where.append("(source >= %s AND source < %s)")
        params += [f"{source}#", f"{source}$"]
    if not where:
        return ()
    sql = f"SELECT source, token FROM {table} WHERE " + " OR ".join(where)  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        found = dict(cursor.fetchall())
    plain = tuple(found.pop(s, 0) for s in sources)
    return plain + tuple(sorted(found.items()))
