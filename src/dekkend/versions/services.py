# SPDX-License-Identifier: EUPL-1.2
"""Saying that data changed: a new random token for its source.

Call `data_changed` inside the transaction that writes (the apps' signal
receivers and bulk importers do), so a reader sees the new data and the new
token together, or neither. What the tokens guard is in `versions/cache.py`.

A source with many concurrent writers (the referrals of a year) is split in
`SHARDS` rows by `part` (e.g. the referral's id): an UPDATE locks its row
until the writing transaction commits, and one row for every writer would
queue them all behind each other.
"""

import secrets
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from dekkend.versions.models import DataVersion

SHARDS = 16


def shard_source(source: str, part: int) -> str:
    """The row of `source` that writer `part` updates.

    >>> shard_source("referrals:2025", 35)
    'referrals:2025#3'
    """
    return f"{source}#{part % SHARDS}"


_deferred = threading.local()


def data_changed(*sources: str, part: int | None = None) -> None:
    """Store a new token for every source (or for its shard of `part`);
    a source deferred by `one_change` gets it when that block ends."""
    deferred: set[str] = getattr(_deferred, "sources", set())
    for source in sources:
        if source in deferred:
            _deferred.dirty.add(source)
            continue
        name = source if part is None else shard_source(source, part)
        # One statement, also for the first write of a source, and no race
        # between writers: INSERT … ON CONFLICT DO UPDATE (both databases).
        DataVersion.objects.bulk_create(
            [DataVersion(source=name, token=secrets.randbits(62))],
            update_conflicts=True,
            unique_fields=["source"],
            update_fields=["token"],
        )


@contextmanager
def one_change(*sources: str) -> Iterator[None]:
    """One new token per source for everything written in the block, at its
    end, instead of one per row (bulk importers; use inside their
    transaction). Only a source that `data_changed` was called for inside
    the block gets one: an import that changed nothing leaves the tokens
    as they were. When the block raises, its transaction is to roll back,
    and no token is stored."""
    outer: set[str] = getattr(_deferred, "sources", set())
    if not outer:
        _deferred.dirty = set()
    mine = set(sources) - outer
    _deferred.sources = outer | mine
    try:
        yield
    finally:
        _deferred.sources = outer
    changed = mine & _deferred.dirty
    _deferred.dirty -= mine
    data_changed(*sorted(changed))
