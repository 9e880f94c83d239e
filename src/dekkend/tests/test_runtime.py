# SPDX-License-Identifier: EUPL-1.2
"""The garbage collector's settings for server processes (dekkend/runtime.py)."""

import gc
from collections.abc import Iterator

import pytest

from dekkend.runtime import GC_THRESHOLDS, tune_gc


@pytest.fixture
def _restore_gc() -> Iterator[None]:
    thresholds = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*thresholds)


@pytest.mark.usefixtures("_restore_gc")
def test_tune_gc_freezes_what_is_loaded_and_raises_the_young_threshold() -> None:
    before = gc.get_freeze_count()
    tune_gc()
    assert gc.get_threshold() == GC_THRESHOLDS
    assert GC_THRESHOLDS[0] > 700  # CPython's default young threshold
    # Everything tracked at that moment moved to the permanent generation.
    assert gc.get_freeze_count() > before
    assert gc.get_count()[2] == 0


def test_the_wsgi_entry_point_tunes_the_collector(monkeypatch) -> None:
    import importlib
    import sys

    import dekkend.runtime

    calls: list[bool] = []
    monkeypatch.setattr(dekkend.runtime, "tune_gc", lambda: calls.append(True))
    if "dekkend.wsgi" in sys.modules:
        importlib.reload(sys.modules["dekkend.wsgi"])  # as a new worker runs it
    else:
        importlib.import_module("dekkend.wsgi")
    assert calls == [True]
