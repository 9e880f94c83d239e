# SPDX-License-Identifier: EUPL-1.2
"""kill -9 during an import leaves the old data or the new, never half.

`dekkend load-reference`, `dekkend load-lsp-2025` and
`dekkend demo-referrals --reset` run as subprocesses against a database of
their own (a SQLite file in `tmp_path`, or `<test database>_kill` on
PostgreSQL, whichever DATABASE_URL the tests run on). The test waits until
the command holds an open write transaction (SQLite: the write lock is taken,
seen by a `BEGIN IMMEDIATE` that fails; PostgreSQL: its backend has a
transaction id), waits a random short time more, checks the transaction is
still open, and sends SIGKILL. The database's fingerprint (row counts and a
hash of every table, `fingerprint.py`) must then equal the one before the
command. A run that finishes instead of being killed moves the baseline to
its result, which a second, complete run must reproduce for the imports.
"""

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from django.conf import settings

import pytest

Fingerprint = dict[str, list[Any]]
KILLS_PER_COMMAND = 3
# More runs, each killed sooner, until one is killed inside its transaction.
MAX_ATTEMPTS = 8
SEED = 20261203


def _env(url: str) -> dict[str, str]:
    env = dict(os.environ)
    env["DATABASE_URL"] = url
    env["DJANGO_SETTINGS_MODULE"] = "dekkend.conf.ci"
    return env


def _dekkend(url: str, *args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(  # noqa: S603 - our own interpreter and command
        [sys.executable, "-m", "dekkend", *args],
        env=_env(url),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _run(url: str, *args: str) -> None:
    completed = subprocess.run(  # noqa: S603 - our own interpreter and command
        [sys.executable, "-m", "dekkend", *args],
        env=_env(url),
        capture_output=True,
        timeout=900,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr.decode()[-2000:]


def _fingerprint(url: str) -> Fingerprint:
    completed = subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "dekkend.tests.fingerprint"],
        env=_env(url),
        capture_output=True,
        timeout=300,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr.decode()[-2000:]
    result: Fingerprint = json.loads(completed.stdout)
    return result


class SqliteTarget:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.url = f"sqlite:///{path}"

    def writing(self) -> bool:
        """True while another connection holds the write lock."""
        if not self.path.exists():
            return False
        connection = sqlite3.connect(self.path, timeout=0, isolation_level=None)
        try:
            connection.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                return True
            raise
        else:
            connection.execute("ROLLBACK")
            return False
        finally:
            connection.close()

    def settled(self) -> None:
        """Nothing to wait for: SQLite recovers from the WAL on next open."""

    def recreate(self) -> None:
        """An empty, migrated database again."""
        for suffix in ("", "-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        _run(self.url, "migrate", "--no-input")


class PostgresTarget:
    def __init__(self, base: dict[str, Any]) -> None:
        import psycopg

        self.name = f"{base['NAME']}_kill"
        self.conninfo = psycopg.conninfo.make_conninfo(
            dbname="postgres",
            user=base.get("USER") or None,
            password=base.get("PASSWORD") or None,
            host=base.get("HOST") or None,
            port=str(base.get("PORT") or "") or None,
        )
        self.admin = psycopg.connect(self.conninfo, autocommit=True)
        self.admin.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
        self.admin.execute(f'CREATE DATABASE "{self.name}"')
        user = base.get("USER") or ""
        auth = f"{user}:{base['PASSWORD']}@" if base.get("PASSWORD") else f"{user}@"
        host = base.get("HOST") or "127.0.0.1"
        port = base.get("PORT") or 5432
        self.url = f"postgres://{auth if user else ''}{host}:{port}/{self.name}"

    def _others(self, condition: str) -> bool:
        row = self.admin.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = %s "  # noqa: S608
            f"AND pid <> pg_backend_pid() AND {condition}",
            [self.name],
        ).fetchone()
        return bool(row and row[0])

    def writing(self) -> bool:
        return self._others("backend_xid IS NOT NULL")

    def settled(self) -> None:
        """Wait until the killed client's backend has rolled back and gone."""
        deadline = time.monotonic() + 60
        while self._others("TRUE"):
            assert time.monotonic() < deadline, "backend of the killed client stays"
            time.sleep(0.1)

    def recreate(self) -> None:
        """An empty, migrated database again."""
        self.admin.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
        self.admin.execute(f'CREATE DATABASE "{self.name}"')
        _run(self.url, "migrate", "--no-input")

    def drop(self) -> None:
        self.admin.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
        self.admin.close()


@pytest.fixture
def target(tmp_path: Path) -> Iterator[Any]:
    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        yield SqliteTarget(tmp_path / "kill.sqlite3")
        return
    postgres = PostgresTarget(database)
    try:
        yield postgres
    finally:
        postgres.drop()


def _kill_inside_transaction(
    target: Any, args: tuple[str, ...], delay_s: float
) -> bool:
    """Start `dekkend *args`, SIGKILL it `delay_s` after it opened its write
    transaction. Returns True when it was killed inside that transaction,
    False when it finished first (exit status 0 required)."""
    process = _dekkend(target.url, *args)
    try:
        deadline = time.monotonic() + 300
        while not target.writing():
            if process.poll() is not None:
                break
            assert time.monotonic() < deadline, "the command never started writing"
            time.sleep(0.02)
        time.sleep(delay_s)
        if process.poll() is None and target.writing():
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=60)
            assert process.returncode == -signal.SIGKILL
            target.settled()
            return True
        process.wait(timeout=900)
        assert process.returncode == 0, process.stderr.read().decode()[-2000:]
        return False
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        if process.stderr is not None:
            process.stderr.close()


def _kill_and_compare(
    target: Any,
    args: tuple[str, ...],
    rng: random.Random,
    *,
    max_delay_s: float,
    complete: Callable[[], None] | None = None,
    reset: Callable[[], None] | None = None,
) -> tuple[int, Fingerprint]:
    """Kill `args` several times; each kill must leave the baseline. Then run
    it to completion (`complete`, default `args` again) and return the number
    of kills inside a transaction and the final fingerprint. A run that
    finishes before its kill halves the longest delay for the next, and up
    to `MAX_ATTEMPTS` runs are made until one is killed inside."""
    baseline = _fingerprint(target.url)
    inside = attempts = 0
    finished: list[Fingerprint] = []
    while attempts < KILLS_PER_COMMAND or (inside == 0 and attempts < MAX_ATTEMPTS):
        attempts += 1
        killed = _kill_inside_transaction(target, args, rng.uniform(0, max_delay_s))
        now = _fingerprint(target.url)
        if killed:
            inside += 1
            assert now == baseline, f"{args[0]}: killed, but the data changed"
        else:
            finished.append(now)
            # It finished first: how long its transaction lasts depends on
            # the machine's load, so the next kill comes sooner.
            max_delay_s /= 2
            if reset is None:
                baseline = now
            else:
                # A second run would write nothing (the import is
                # idempotent), so there would be no transaction to kill.
                reset()
                assert _fingerprint(target.url) == baseline
    if complete is None:
        _run(target.url, *args)
    else:
        complete()
    final = _fingerprint(target.url)
    return inside, final


def test_kill_9_leaves_old_or_new_data(target: Any) -> None:
    rng = random.Random(SEED)
    _run(target.url, "migrate", "--no-input")
    empty = _fingerprint(target.url)

    # load-reference on an empty database: killed → still empty.
    inside, loaded = _kill_and_compare(
        target, ("load-reference",), rng, max_delay_s=1.5, reset=target.recreate
    )
    assert inside >= 1
    assert loaded != empty
    assert loaded["regions_gemeente"][0] == 342
    # A second complete run is the same "new" state (the import is idempotent).
    _run(target.url, "load-reference")
    assert _fingerprint(target.url) == loaded

    # load-lsp-2025 on the reference data.
    inside, lsp = _kill_and_compare(target, ("load-lsp-2025",), rng, max_delay_s=1.0)
    assert inside >= 1
    assert lsp != loaded
    _run(target.url, "load-lsp-2025")
    assert _fingerprint(target.url) == lsp

    # demo-referrals --reset over an existing synthetic history.
    demo = ("demo-referrals", "--regio", "ZK27", "--jaren", "0.5")
    _run(target.url, *demo)
    history = _fingerprint(target.url)
    assert history["referrals_verwijzing"][0] > 0
    inside, replaced = _kill_and_compare(
        target, (*demo, "--reset", "--seed", "2"), rng, max_delay_s=1.0
    )
    assert inside >= 1
    assert replaced["referrals_verwijzing"][0] > 0
    assert replaced != history
