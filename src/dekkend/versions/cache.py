# SPDX-License-Identifier: EUPL-1.2
"""Answers computed from the database, kept per process until the data they
were computed from change.

The coverage pages run the same analysis for every visitor, and the
referral monitor aggregates a year of referrals for every view; both change
only when their data do. `cached(key, compute, sources=…)` reads the
sources' version tokens (`versions.selectors.tokens`, one query) and returns
the answer kept for `key` when it was computed under the same tokens, else
computes it and keeps it. Processes share nothing but the tokens: each
computes an answer once per version of its data.

What a caller must keep to:

* `key` holds everything the answer depends on besides the sources'
  data (ids, dates, parameters) — not the user: answers are the same for
  everyone allowed to ask, and permissions are checked before asking.
* the answer is shared: frozen dataclasses, tuples, or values the callers
  never change.
* every write to the sources' data says so (`versions.services.data_changed`,
  from the apps' signal receivers and bulk importers).

At most `MAX_KEYS` keys are kept per process, least recently used first out;
a key keeps only its newest answer.
"""

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from typing import Any, TypeVar

from dekkend.versions.selectors import tokens

T = TypeVar("T")
MAX_KEYS = 128

_lock = threading.Lock()
_answers: OrderedDict[Hashable, tuple[Hashable, Any]] = OrderedDict()


def cached(
    key: Hashable,
    compute: Callable[[], T],
    *,
    sources: Sequence[str] = (),
    sharded: Sequence[str] = (),
) -> T:
    """The answer `compute()` gave for `key` under the current tokens of
    `sources` and of every shard of `sharded` (one query), computing it when
    there is none."""
    version = tokens(sources, sharded)
    with _lock:
        kept = _answers.get(key)
        if kept is not None and kept[0] == version:
            _answers.move_to_end(key)
            return kept[1]
    # Outside the lock: two threads may compute the same answer once each,
    # rather than every other page waiting for one slow computation.
    answer = compute()
    with _lock:
        _answers[key] = (version, answer)
        _answers.move_to_end(key)
        while len(_answers) > MAX_KEYS:
            _answers.popitem(last=False)
    return answer


def clear() -> None:
    """Forget every answer (tests, benchmarks)."""
    with _lock:
        _answers.clear()
