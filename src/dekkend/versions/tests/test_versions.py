# SPDX-License-Identifier: EUPL-1.2
"""Version tokens (`versions.services`, `versions.selectors`) and the
per-process cache they guard (`versions.cache`)."""

from django.db import transaction

import pytest

from dekkend.versions import cache
from dekkend.versions.models import DataVersion
from dekkend.versions.selectors import token_sql, tokens
from dekkend.versions.services import SHARDS, data_changed, one_change, shard_source

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def test_a_source_never_written_has_token_zero():
    assert tokens(["test:nooit"]) == (0,)
    assert tokens([], ["test:nooit"]) == ()


def test_every_change_gives_a_new_token_in_one_statement(
    django_assert_num_queries,
):
    data_changed("test:a")
    first = tokens(["test:a"])
    with django_assert_num_queries(1):  # an upsert, also for a new source
        data_changed("test:a")
    assert tokens(["test:a"]) != first
    assert DataVersion.objects.filter(source="test:a").count() == 1


def test_tokens_of_many_sources_and_shards_in_one_query(django_assert_num_queries):
    data_changed("test:a", "test:b")
    data_changed("test:c", part=3)
    data_changed("test:c", part=3 + SHARDS)  # the same shard
    data_changed("test:c", part=5)
    data_changed("test:cc", part=5)  # another source sharing the prefix
    with django_assert_num_queries(1):
        found = tokens(["test:a", "test:b"], ["test:c"])
    a, b, *shards = found
    assert a and b and a != b
    assert [name for name, _t in shards] == ["test:c#3", "test:c#5"]


def test_a_write_to_one_shard_changes_the_sharded_token_only_of_its_source():
    data_changed("test:c", part=1)
    data_changed("test:d", part=1)
    before_c, before_d = tokens([], ["test:c"]), tokens([], ["test:d"])
    data_changed("test:c", part=2)
    assert tokens([], ["test:c"]) != before_c
    assert tokens([], ["test:d"]) == before_d


def test_shard_source():
    assert shard_source("referrals:2025", 17) == f"referrals:2025#{17 % SHARDS}"


def test_token_sql_is_a_scalar_subquery_and_refuses_quotes():
    from django.db import connection

    data_changed("test:e")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT ({token_sql('test:e')})")
        assert cursor.fetchone()[0] == tokens(["test:e"])[0]
    with pytest.raises(ValueError):
        token_sql("x' OR '1")


def test_one_change_stores_one_token_at_the_end(django_assert_num_queries):
    with django_assert_num_queries(1), one_change("test:f"):
        for _ in range(5):
            data_changed("test:f")  # deferred: no query
    assert tokens(["test:f"]) != (0,)


def test_one_change_nested_and_as_decorator():
    @one_change("test:g")
    def load():
        with one_change("test:g", "test:h"):
            data_changed("test:g", "test:h")
        # the inner block stored test:h only; test:g waits for the outer end
        assert tokens(["test:g"]) == (0,)
        assert tokens(["test:h"]) != (0,)

    load()
    assert tokens(["test:g"]) != (0,)


def test_one_change_stores_nothing_when_the_block_raises():
    with pytest.raises(RuntimeError), one_change("test:i"):
        raise RuntimeError("bad row")
    assert tokens(["test:i"]) == (0,)
    data_changed("test:i")  # not deferred any more
    assert tokens(["test:i"]) != (0,)


def test_cached_computes_once_per_version():
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    data_changed("test:j")
    assert cache.cached("k", compute, sources=["test:j"]) == 1
    assert cache.cached("k", compute, sources=["test:j"]) == 1
    data_changed("test:j")
    assert cache.cached("k", compute, sources=["test:j"]) == 2
    assert cache.cached("other key", compute, sources=["test:j"]) == 3
    assert len(calls) == 3


def test_cached_follows_shards_of_a_sharded_source():
    calls = []
    data_changed("test:k", part=1)
    cache.cached("k", lambda: calls.append(1), sharded=["test:k"])
    cache.cached("k", lambda: calls.append(1), sharded=["test:k"])
    assert len(calls) == 1
    data_changed("test:k", part=9)  # a shard never written before
    cache.cached("k", lambda: calls.append(1), sharded=["test:k"])
    assert len(calls) == 2


def test_an_answer_computed_in_a_rolled_back_write_is_never_served():
    data_changed("test:l")
    assert cache.cached("k", lambda: "committed", sources=["test:l"]) == "committed"
    with pytest.raises(RuntimeError), transaction.atomic():
        data_changed("test:l")
        inside = cache.cached("k", lambda: "uncommitted", sources=["test:l"])
        assert inside == "uncommitted"
        raise RuntimeError
    # The rollback took the token back; the uncommitted answer has a token
    # nobody will read again, so the data as committed is computed afresh.
    assert cache.cached("k", lambda: "recomputed", sources=["test:l"]) == "recomputed"


def test_the_cache_keeps_at_most_max_keys(monkeypatch):
    monkeypatch.setattr(cache, "MAX_KEYS", 3)
    for key in range(5):
        cache.cached(key, lambda key=key: key)
    assert list(cache._answers) == [2, 3, 4]
    cache.cached(2, lambda: "not recomputed")  # a hit moves it to the end
    cache.cached(5, lambda: 5)
    assert list(cache._answers) == [4, 2, 5]


def test_one_change_without_a_change_stores_nothing(django_assert_num_queries):
    with django_assert_num_queries(0), one_change("test:m"):
        pass
    assert tokens(["test:m"]) == (0,)


def test_reloading_unchanged_reference_data_keeps_the_token(settings):
    from dekkend.regions.constants import VERSION_SOURCE
    from dekkend.regions.importers.reference import reference_load

    before = tokens([VERSION_SOURCE])
    reference_load(settings.DEKKEND_DATA_DIR)
    assert tokens([VERSION_SOURCE]) == before
