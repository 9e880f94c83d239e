# SPDX-License-Identifier: EUPL-1.2
"""A fingerprint of the whole database: per table its row count and a hash of
its rows, so a test can say "nothing changed" by comparing before and after.

Every concrete model Django knows is included (also auth, sessions, the audit
log and the automatic many-to-many tables), each read in primary-key order
with all its columns. Used by the bad-input corpus and the kill -9 tests; the
latter call `main()` in a subprocess against the database under test.

What does not belong here: anything that writes.
"""

import hashlib
import json
import sys
from typing import Any

from django.apps import apps
from django.db import connections

Fingerprint = dict[str, tuple[int, str]]


def _value(value: Any) -> str:
    if isinstance(value, dict | list):
        return json.dumps(value, sort_keys=True, default=str)
    if isinstance(value, memoryview):
        return value.tobytes().hex()
    return repr(value)


def database_fingerprint(
    using: str = "default", *, tables: set[str] | None = None
) -> Fingerprint:
    """`{table: (row count, sha256 of the rows)}` for every model table (or
    only those in `tables`)."""
    result: Fingerprint = {}
    existing = set(connections[using].introspection.table_names())
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.proxy or not meta.managed or meta.db_table not in existing:
            continue
        if tables is not None and meta.db_table not in tables:
            continue
        columns = [f.attname for f in meta.concrete_fields]
        digest = hashlib.sha256()
        count = 0
        rows = (
            model._base_manager.using(using)
            .order_by("pk")
            .values_list(*columns)
            .iterator(chunk_size=2000)
        )
        for row in rows:
            digest.update("\x1f".join(_value(v) for v in row).encode())
            digest.update(b"\x1e")
            count += 1
        result[meta.db_table] = (count, digest.hexdigest())
    return result


def changed_tables(before: Fingerprint, after: Fingerprint) -> list[str]:
    """Tables whose count or content differs (or that appeared/disappeared)."""
    return sorted(
        t for t in before.keys() | after.keys() if before.get(t) != after.get(t)
    )


def main() -> None:
    """Print the fingerprint of DATABASE_URL's database as JSON (for a
    subprocess: `python -m dekkend.tests.fingerprint`)."""
    import django

    django.setup()
    json.dump(database_fingerprint(), sys.stdout)


if __name__ == "__main__":
    main()
