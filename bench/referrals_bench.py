# SPDX-License-Identifier: EUPL-1.2
"""Benchmark of sociaal verwijzen at national scale.

On a PostgreSQL database of its own (default `dekkend_referrals_bench`, created,
migrated and loaded with the reference data and the 2025 LSP list when
empty) it:

1. fills `--count` synthetic referrals (default 1,000,000: ten years of all
   342 gemeenten at 45-70 referrals per 10,000 inhabitants, scaled to the
   count) with `dekkend.referrals.synthetic`, and reports the fill time and
   rows per second; then ANALYZE;
2. serves the project with gunicorn on 127.0.0.1 and drives `--concurrency`
   keep-alive clients (threads, one httpx.Client each): first
   `POST /api/v1/verwijzingen/` (create-referral, as a verwijzer), then
   `POST /api/v1/verwijzingen/{uuid}/statussen/` with the accept action on
   the referrals just created (status-change, as a brugfunctionaris); req/s
   and p50/p95/p99 per operation. Each client has sessions that are already
   2FA-verified (made with SessionStore) and sends the CSRF token;
3. times `dekkend.monitoring.selectors.referral_indicators` for one region
   and one year, and for the whole country (median and p95 of `--runs`):
   computed (kept answers forgotten first) and asked again (the answer
   kept per process, `versions/cache.py`).

It prints figures and never fails on a target (p95 < 50 ms; regional
indicators < 300 ms; national < 1 s).

    python bench/referrals_bench.py --count 100000
    python bench/referrals_bench.py                       # 1,000,000
    python bench/referrals_bench.py --fill-only
    python bench/referrals_bench.py --skip-fill           # reuse the filled DB
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import secrets
import shutil
import statistics
import string
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from harness import (  # noqa: E402
    dekkend,
    django_env,
    floor_env,
    free_port,
    gunicorn_command,
    machine_busy_seconds,
    serving,
    tree_cpu_seconds,
)

CREATE_PATH = "/api/v1/verwijzingen/"
STATUS_PATH = "/api/v1/verwijzingen/{uuid}/statussen/"
# The floors (bench/floor_urls.py): same stack and permission classes, a
# prepared answer of the real endpoint, no queries of their own.
FLOOR_CREATE_PATH = "/api/v1/bench-floor/verwijzingen/"
FLOOR_STATUS_PATH = "/api/v1/bench-floor/statussen/{uuid}/"
PROBE_PATH = "/api/v1/steunpunten/zoeken/?postcode=4331"
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/dekkend_referrals_bench"
LOOPBACK = {"127.0.0.1", "::1", "localhost"}
TARGET_P95_MS = 50.0
TARGET_CREATE_CPU_MS = 8.0
TARGET_STATUS_CPU_MS = 5.0
TARGET_RSS_MB = 250.0
TARGET_REGIONAL_MS = 300.0
TARGET_NATIONAL_MS = 1000.0
BENCH_PREFIX = "bench-"


# --------------------------------------------------------------------------
# Options


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=(
            "Fill PostgreSQL with synthetic referrals, then measure create-referral "
            "and status-change latency under concurrent clients and the time of "
            "the regional and national referral indicators."
        ),
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    parser.add_argument(
        "--database-url",
        default=os.environ.get("DATABASE_URL") or DEFAULT_URL,
        help="postgres://user@127.0.0.1:5432/NAME (NAME must contain 'bench'; "
        "default: $DATABASE_URL, else " + DEFAULT_URL + ")",
    )
    parser.add_argument(
        "--count", type=int, default=1_000_000, help="referrals to fill"
    )
    parser.add_argument("--jaren", type=float, default=10.0, help="years of history")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=20_000)
    parser.add_argument(
        "--fill-workers",
        type=int,
        default=2,
        help="batches written at once, each on its own connection",
    )
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--fill-only", action="store_true", help="fill, then stop")
    mode.add_argument(
        "--skip-fill",
        action="store_true",
        help="measure on the referrals already there",
    )
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument(
        "--requests", type=int, default=2000, help="measured requests per operation"
    )
    parser.add_argument(
        "--duration", type=float, default=60.0, help="max s per operation"
    )
    parser.add_argument("--warmup", type=int, default=100)
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 1) + 1)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--runs", type=int, default=7, help="runs per indicator query")
    parser.add_argument("--division", default="zorgkantoorregio-2025")
    parser.add_argument("--regio", default="ZK27", help="region of the regional query")
    parser.add_argument(
        "--jaar",
        type=int,
        default=None,
        help="indicator year (default: last full year)",
    )
    parser.add_argument(
        "--profile",
        type=int,
        default=0,
        metavar="N",
        help="instead of the load run: N creates and N status changes in-process "
        "through Django's test client under cProfile; prints the SQL of one of "
        "each and where the time goes",
    )
    parser.add_argument(
        "--memory",
        type=float,
        default=0.0,
        metavar="MINUTES",
        help="instead of the measured runs: mixed load (create, status step, "
        "detail, list) for MINUTES and the RSS of every gunicorn worker over "
        "time (the issue asks for 10)",
    )
    parser.add_argument(
        "--memory-interval", type=float, default=30.0, help="s between RSS samples"
    )
    parser.add_argument("--helper", help=argparse.SUPPRESS)
    parser.add_argument("--helper-json", default="{}", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    for name in ("count", "concurrency", "requests", "workers", "threads", "runs"):
        if getattr(args, name) < 1:
            parser.error(f"--{name.replace('_', '-')} must be at least 1")
    return args


# --------------------------------------------------------------------------
# The bench database


def bench_database(database_url: str) -> str:
    """Create the database when missing (never drops it); return its URL."""
    import psycopg
    from psycopg import sql

    parts = urlsplit(database_url)
    if parts.scheme not in ("postgres", "postgresql"):
        raise SystemExit("--database-url must be a postgres:// URL")
    if parts.hostname not in LOOPBACK:
        raise SystemExit(
            f"The PostgreSQL server must be on loopback, not {parts.hostname!r}"
        )
    name = parts.path.lstrip("/") or "dekkend_referrals_bench"
    if "bench" not in name:
        raise SystemExit(f"Refusing database {name!r}: its name must contain 'bench'.")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return urlunsplit(parts._replace(path=f"/{name}"))


def helper(env: dict[str, str], name: str, **kwargs: Any) -> Any:
    """Run a Django-side step of this script in a child process; its last
    line of output is JSON."""
    result = subprocess.run(
        [
            sys.executable,
            __file__,
            "--helper",
            name,
            "--helper-json",
            json.dumps(kwargs),
        ],
        env=env,
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


# --------------------------------------------------------------------------
# Django-side helpers


def _helper_main(args: argparse.Namespace) -> None:
    import django

    django.setup()
    kwargs = json.loads(args.helper_json)
    out = {
        "state": _state,
        "fill": _fill,
        "sessions": _sessions,
        "indicators": _indicators,
        "profile": _profile,
    }[args.helper](**kwargs)
    print(json.dumps(out))


def _state() -> dict[str, int]:
    from dekkend.referrals.models import Verwijzing
    from dekkend.regions.models import Gemeente

    return {
        "gemeenten": Gemeente.objects.count(),
        "verwijzingen": Verwijzing.objects.count(),
    }


def _fill(
    count: int, jaren: float, seed: int, batch_size: int, workers: int
) -> dict[str, Any]:
    from django.db import connection

    from dekkend.referrals.synthetic import verwijzingen_synthesize
    from dekkend.regions.selectors import gemeente_list

    gemeenten = list(gemeente_list())
    inwoners = sum(g.inwoners or 0 for g in gemeenten)
    low, high = 45.0, 70.0
    scale = count / ((low + high) / 2 * inwoners / 10_000 * jaren)
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE referrals_verwijzing CASCADE")
    done = [0, time.perf_counter()]

    def progress(n: int) -> None:
        done[0] += n
        if time.perf_counter() - done[1] > 10:
            done[1] = time.perf_counter()
            print(f"   {done[0]:>9,} referrals written", file=sys.stderr, flush=True)

    verslag = verwijzingen_synthesize(
        gemeenten=gemeenten,
        jaren=jaren,
        seed=seed,
        per_10k=(low * scale, high * scale),
        batch_size=batch_size,
        workers=workers,
        progress=progress,
    )
    return {"rows": verslag.rows, "seconds": verslag.seconds, "method": verslag.method}


def _sessions(clients: int) -> list[dict[str, str]]:
    """Per client: a verwijzer and a brugfunctionaris of one big gemeente,
    each with a session that is logged in and 2FA-verified."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from dekkend.accounts.models import User
    from dekkend.accounts.roles import role_group, roles_sync
    from dekkend.referrals.models import Werkgebied
    from dekkend.referrals.synthetic.actors import ketens_prepare
    from dekkend.regions.selectors import gemeente_list
    from dekkend.register.constants import OrganisatieSoort
    from dekkend.register.models import Organisatie, OrganisatieLid

    roles_sync()
    gemeenten = list(gemeente_list().order_by("-inwoners")[:clients])
    ketens_prepare(gemeenten)  # every gemeente has a Werkgebied organisation
    praktijk, _ = Organisatie.objects.get_or_create(
        naam="Huisartsenpraktijk Benchmark (demo)",
        defaults={"soort": OrganisatieSoort.HUISARTSENPRAKTIJK},
    )
    backend = "django.contrib.auth.backends.ModelBackend"

    def user(username: str, role: str, organisatie_id: int) -> str:
        u, _ = User.objects.get_or_create(username=username)
        u.beroep = "huisarts" if role == "verwijzer" else "welzijnscoach"
        u.set_unusable_password()
        u.save()
        u.groups.set([role_group(role)])
        OrganisatieLid.objects.get_or_create(user=u, organisatie_id=organisatie_id)
        device = TOTPDevice.objects.filter(user=u, confirmed=True).first() or (
            TOTPDevice.objects.create(user=u, name="bench", confirmed=True)
        )
        session = SessionStore()
        session[SESSION_KEY] = str(u.pk)
        session[BACKEND_SESSION_KEY] = backend
        session[HASH_SESSION_KEY] = u.get_session_auth_hash()
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.create()
        assert session.session_key is not None
        return session.session_key

    out = []
    for i in range(clients):
        g = gemeenten[i % len(gemeenten)]
        welzijn = Werkgebied.objects.get(gemeente=g).organisatie_id
        out.append(
            {
                "gemeente": g.code,
                "praktijk": str(praktijk.uuid),
                "verwijzer": user(f"{BENCH_PREFIX}vw-{i}", "verwijzer", praktijk.pk),
                "brug": user(f"{BENCH_PREFIX}bf-{i}", "brugfunctionaris", welzijn),
                "session_cookie": settings.SESSION_COOKIE_NAME,
                "csrf_cookie": settings.CSRF_COOKIE_NAME,
            }
        )
    return out


def _profile(n: int) -> dict[str, Any]:
    """`n` creates, then `n` accepts of them, through the test client (all
    middleware, session, 2FA and CSRF checks) under cProfile (CPU time). Prints
    the queries of one request of each and the functions with the most
    cumulative time; returns the CPU ms per request without the profiler."""
    import cProfile
    import pstats

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client_info = _sessions(1)[0]
    csrf = "b" * 32

    def http(role: str) -> Client:
        c = Client(enforce_csrf_checks=True, HTTP_HOST="127.0.0.1")
        c.cookies[client_info["session_cookie"]] = client_info[role]
        c.cookies[client_info["csrf_cookie"]] = csrf
        return c

    verwijzer, brug = http("verwijzer"), http("brug")
    headers = {"HTTP_X_CSRFTOKEN": csrf, "HTTP_REFERER": "http://127.0.0.1/"}
    counter = [0]

    def create() -> str:
        counter[0] += 1
        r = verwijzer.post(
            CREATE_PATH,
            json.dumps(_create_body(client_info, 900_000 + counter[0])),
            content_type="application/json",
            **headers,
        )
        assert r.status_code == 201, r.content[:300]
        return str(r.json()["uuid"])

    def accept(uuid: str) -> None:
        r = brug.post(
            STATUS_PATH.format(uuid=uuid),
            json.dumps({"actie": "accepteren"}),
            content_type="application/json",
            **headers,
        )
        assert r.status_code == 201, r.content[:300]

    for _ in range(20):  # warm imports, caches and the connection
        accept(create())
    out: dict[str, Any] = {}
    for label in ("create", "status"):
        with CaptureQueriesContext(connection) as queries:
            if label == "create":
                uuid = create()
            else:
                accept(uuid)
        print(f"\n{label}: {len(queries)} SQL queries", file=sys.stderr)
        for q in queries.captured_queries:
            print(f"  {q['sql'][:140]}", file=sys.stderr)
        out[f"{label}_queries"] = len(queries)
    # Unprofiled CPU per request first, then the profile.
    started = time.process_time()
    uuids = [create() for _ in range(n)]
    out["create_ms"] = (time.process_time() - started) / n * 1000
    started = time.process_time()
    for uuid in uuids:
        accept(uuid)
    out["status_ms"] = (time.process_time() - started) / n * 1000
    for label in ("create", "status"):
        # CPU time, not wall time: on a shared machine waiting for the
        # database would otherwise hide where this process spends its CPU.
        profiler = cProfile.Profile(time.process_time)
        if label == "create":
            profiler.enable()
            uuids = [create() for _ in range(n)]
        else:
            profiler.enable()
            for uuid in uuids:
                accept(uuid)
        profiler.disable()
        print(f"\n== profile: {n} x {label}", file=sys.stderr)
        stats = pstats.Stats(profiler, stream=sys.stderr).strip_dirs()
        stats.sort_stats("cumulative").print_stats(45)
        stats.sort_stats("tottime").print_stats(25)
        stats.print_callees(
            r"\((create|statussen_create|verwijzing_create|statuswijziging_create|"
            r"dispatch|initial|_verify_user_sync)\)"
        )
    return out


def _indicators(
    division: str, regio: str, jaar: int | None, runs: int
) -> dict[str, Any]:
    from django.utils import timezone

    from dekkend.monitoring.selectors import referral_indicators
    from dekkend.regions.models import Indeling
    from dekkend.regions.selectors import regio_find
    from dekkend.versions import cache

    jaar = jaar or timezone.localdate().year - 1
    indeling = Indeling.objects.filter(naam=division).first()
    region = regio_find(indeling=division, code_of_naam=regio) if indeling else None
    if indeling is None or region is None:
        # Timing the national view under the regional label would misreport.
        return {"error": f"unknown division or region: {division!r} / {regio!r}"}
    out: dict[str, Any] = {"jaar": jaar, "regio": region.naam}
    for label, target in (("regionaal", region), ("landelijk", None)):
        times: list[float] = []
        kept: list[float] = []
        try:
            referral_indicators(indeling=indeling, regio=target, jaar=jaar)  # warm-up
            for _ in range(runs):
                # Computed: the kept answers (versions/cache.py) forgotten first.
                cache.clear()
                started = time.perf_counter()
                referral_indicators(indeling=indeling, regio=target, jaar=jaar)
                times.append(time.perf_counter() - started)
                # Asked again, as the page is: the kept answer.
                started = time.perf_counter()
                referral_indicators(indeling=indeling, regio=target, jaar=jaar)
                kept.append(time.perf_counter() - started)
        except Exception as exc:  # report, do not stop the bench
            out[label] = {"error": f"{type(exc).__name__}: {exc}"}
            continue
        out[label] = {"times": times}
        out[f"{label}-kept"] = {"times": kept}
    return out


# --------------------------------------------------------------------------
# Server and load


@contextlib.contextmanager
def gunicorn(
    args: argparse.Namespace, env: dict[str, str]
) -> Iterator[tuple[str, int]]:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    command = gunicorn_command(port, "gthread", args.workers, args.threads)
    with serving(command, env, base, PROBE_PATH, require_ok=False) as pid:
        yield base, pid


@dataclass
class Result:
    operation: str
    latencies: list[float] = field(default_factory=list)
    errors: Counter[str] = field(default_factory=Counter)
    wall: float = 0.0
    server_cpu: float | None = None
    client_cpu: float = 0.0
    other_cpu: float | None = None
    # status, content type and body of one successful answer (for the floor)
    sample: dict[str, Any] | None = None

    @property
    def requests(self) -> int:
        return len(self.latencies) + sum(self.errors.values())

    def percentile_ms(self, p: int) -> float:
        if len(self.latencies) < 2:
            return float("nan")
        return (
            statistics.quantiles(self.latencies, n=100, method="inclusive")[p - 1]
            * 1000
        )


def _headers(client: dict[str, str], role: str, csrf: str) -> dict[str, str]:
    cookie = (
        f"{client['session_cookie']}={client[role]}; {client['csrf_cookie']}={csrf}"
    )
    return {"Cookie": cookie, "X-CSRFToken": csrf, "Referer": "http://127.0.0.1/"}


def _create_body(client: dict[str, str], i: int) -> dict[str, Any]:
    return {
        "inwoner": {
            "naam": f"Demo Inwoner B{i:06d}",
            "geboortedatum": "1970-01-01",
            "telefoon": f"0000-{i % 1_000_000:06d}",
            "email": "",
            "postcode": "",
            "bsn": "",
        },
        "gemeente": client["gemeente"],
        "verwijzerOrganisatie": client["praktijk"],
        "problemen": ["eenzaamheid", "wonen"],
        "voorwaarden": {
            "nietAlleenMedisch": True,
            "geenGgz": True,
            "vraagverhelderingNodig": True,
            "onvoldoendeEigenRegie": True,
        },
        "warmeOverdracht": "graag_contact_opnemen",
        "toestemming": {
            "gegevenDoor": "inwoner",
            "gegevenOp": datetime.now(UTC).isoformat(),
            "wijze": "mondeling",
            "doel": "Benchmark",
        },
        "toelichting": "",
    }


def run_load(
    base: str,
    server_pid: int,
    clients: list[dict[str, str]],
    operation: str,
    *,
    requests: int,
    duration: float,
    work: list[list[str]] | None = None,
) -> tuple[Result, list[list[str]]]:
    """One thread per client, each with a keep-alive httpx.Client. "create"
    posts referrals and returns their uuids per client; "status" accepts the
    uuids in `work` (the ones its own client created)."""
    from dekkend.referrals.workflow import Actie

    result = Result(operation)
    created: list[list[str]] = [[] for _ in clients]
    per_client = -(-requests // len(clients))
    barrier = threading.Barrier(len(clients) + 1)
    lock = threading.Lock()
    deadline = [time.perf_counter() + 3600]

    def thread(k: int) -> None:
        client = clients[k]
        csrf = "".join(
            secrets.choice(string.ascii_letters + string.digits) for _ in range(32)
        )
        role = "verwijzer" if operation.startswith("create") else "brug"
        latencies: list[float] = []
        errors: Counter[str] = Counter()
        limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
        with httpx.Client(
            base_url=base,
            timeout=30,
            limits=limits,
            headers=_headers(client, role, csrf),
        ) as http:
            http.get(PROBE_PATH)
            barrier.wait()
            for i in range(per_client):
                if time.perf_counter() >= deadline[0]:
                    break
                started = time.perf_counter()
                try:
                    if operation.startswith("create"):
                        r = http.post(
                            FLOOR_CREATE_PATH
                            if operation == "create-floor"
                            else CREATE_PATH,
                            json=_create_body(client, k * per_client + i),
                        )
                        ok = r.status_code == 201
                    else:
                        if work is None or i >= len(work[k]):
                            break
                        path = (
                            FLOOR_STATUS_PATH
                            if operation == "status-floor"
                            else STATUS_PATH
                        )
                        r = http.post(
                            path.format(uuid=work[k][i]),
                            json={"actie": Actie.ACCEPTEREN.value},
                        )
                        ok = r.status_code in (200, 201)
                except httpx.HTTPError as exc:
                    errors[type(exc).__name__] += 1
                    continue
                elapsed = time.perf_counter() - started
                if ok:
                    latencies.append(elapsed)
                    if operation == "create":
                        created[k].append(r.json()["uuid"])
                    if result.sample is None:
                        result.sample = {
                            "status": r.status_code,
                            "content_type": r.headers.get("content-type", ""),
                            "body": r.text,
                        }
                else:
                    errors[f"{r.status_code} {r.text[:120]}"] += 1
        with lock:
            result.latencies += latencies
            result.errors.update(errors)

    threads = [
        threading.Thread(target=thread, args=(k,), daemon=True)
        for k in range(len(clients))
    ]
    for t in threads:
        t.start()
    busy, server_cpu, client_cpu = (
        machine_busy_seconds(),
        tree_cpu_seconds(server_pid),
        time.process_time(),
    )
    barrier.wait()
    started = time.perf_counter()
    deadline[0] = started + duration
    for t in threads:
        t.join()
    result.wall = time.perf_counter() - started
    result.client_cpu = time.process_time() - client_cpu
    after = tree_cpu_seconds(server_pid)
    if server_cpu is not None and after is not None:
        result.server_cpu = after - server_cpu
    busy_after = machine_busy_seconds()
    if busy is not None and busy_after is not None and result.server_cpu is not None:
        result.other_cpu = max(
            0.0, busy_after - busy - result.server_cpu - result.client_cpu
        )
    return result, created


def worker_rss_mb(master: int) -> dict[int, float]:
    """Resident set size (MB) of each child of the gunicorn master."""
    out: dict[int, float] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
            if int(text[text.rindex(")") + 2 :].split()[1]) != master:
                continue
            status = (stat.parent / "status").read_text()
        except (OSError, ValueError):
            continue
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                out[int(stat.parent.name)] = int(line.split()[1]) / 1024
    return out


# Reference dates the memory run asks the coverage pages for: with every
# region of the division that is more analyses and maps than a process keeps
# (versions.cache.MAX_KEYS), so the bound on kept answers is exercised too.
MEMORY_PEILDATA = ("2025-01-01", "2025-07-01", "2026-01-01")


def _coverage_pages(base: str) -> list[str]:
    """/dekking/ and every region page it links to, at each of
    `MEMORY_PEILDATA` (public pages: no session needed)."""
    import re

    html = httpx.get(f"{base}/dekking/", timeout=60).text
    regions = sorted(set(re.findall(r'href="(/dekking/[\w-]+/[\w-]+/)"', html)))
    return ["/dekking/"] + [
        f"{path}?peildatum={day}" for day in MEMORY_PEILDATA for path in regions
    ]


def memory_run(
    base: str, master: int, clients: list[dict[str, str]], args: argparse.Namespace
) -> None:
    """Every client loops over create → accept → detail (brugfunctionaris)
    → list (verwijzer) → one coverage page (anonymous, the next of
    `_coverage_pages`) for `args.memory` minutes; the RSS of every worker is
    sampled every `args.memory_interval` seconds and printed as it goes."""
    from dekkend.referrals.workflow import Actie

    pages = _coverage_pages(base)
    print(f"coverage pages in the mix: {len(pages)}", flush=True)
    stop = threading.Event()
    done: Counter[str] = Counter()
    lock = threading.Lock()

    def thread(k: int) -> None:
        client = clients[k]
        csrf = "".join(
            secrets.choice(string.ascii_letters + string.digits) for _ in range(32)
        )
        limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
        with (
            httpx.Client(
                base_url=base,
                timeout=30,
                limits=limits,
                headers=_headers(client, "verwijzer", csrf),
            ) as vw,
            httpx.Client(
                base_url=base,
                timeout=30,
                limits=limits,
                headers=_headers(client, "brug", csrf),
            ) as bf,
        ):
            i = 0
            while not stop.is_set():
                i += 1
                try:
                    r = vw.post(CREATE_PATH, json=_create_body(client, 500_000 + i))
                    ok = [r.status_code == 201]
                    if ok[0]:
                        uuid = r.json()["uuid"]
                        ok.append(
                            bf.post(
                                STATUS_PATH.format(uuid=uuid),
                                json={"actie": Actie.ACCEPTEREN.value},
                            ).status_code
                            == 201
                        )
                        ok.append(bf.get(f"{CREATE_PATH}{uuid}/").status_code == 200)
                    ok.append(vw.get(CREATE_PATH).status_code == 200)
                    page = pages[(k * 7 + i) % len(pages)]
                    ok.append(httpx.get(f"{base}{page}", timeout=60).status_code == 200)
                except httpx.HTTPError:
                    ok = [False]
                with lock:
                    done["ok"] += sum(ok)
                    done["errors"] += len(ok) - sum(ok)

    threads = [
        threading.Thread(target=thread, args=(k,), daemon=True)
        for k in range(len(clients))
    ]
    started = time.perf_counter()
    for t in threads:
        t.start()
    seconds = args.memory * 60
    samples: list[tuple[float, dict[int, float]]] = [(0.0, worker_rss_mb(master))]
    print(
        f"\nMemory: {len(clients)} clients, mixed load for {args.memory:g} min; "
        f"RSS per gunicorn worker (MB)",
        flush=True,
    )
    pids = sorted(samples[0][1])
    print(
        f"{'s':>6} {'requests':>9} {'errors':>6}  " + " ".join(f"{p:>8}" for p in pids)
    )

    def show(at: float, rss: dict[int, float]) -> None:
        cells = " ".join(f"{rss[p]:>8.1f}" if p in rss else f"{'-':>8}" for p in pids)
        print(f"{at:>6.0f} {done['ok']:>9} {done['errors']:>6}  {cells}", flush=True)

    show(0.0, samples[0][1])
    while True:
        left = seconds - (time.perf_counter() - started)
        if left <= 0:
            break
        time.sleep(min(args.memory_interval, left))
        at = time.perf_counter() - started
        samples.append((at, worker_rss_mb(master)))
        show(at, samples[-1][1])
    stop.set()
    for t in threads:
        t.join()
    # Flat: the growth over the second half of the run.
    half = [s for s in samples if s[0] >= seconds / 2]
    print(
        f"\n{'worker':>8} {'start':>7} {'half':>7} {'end':>7} {'max':>7} "
        f"{'2nd half':>8}  < {TARGET_RSS_MB:g} MB"
    )
    for p in pids:
        series = [rss[p] for _, rss in samples if p in rss]
        second = [rss[p] for _, rss in half if p in rss] or series
        print(
            f"{p:>8} {series[0]:>7.1f} {second[0]:>7.1f} {series[-1]:>7.1f} "
            f"{max(series):>7.1f} {second[-1] - second[0]:>+8.1f}  "
            f"{'ja' if max(series) < TARGET_RSS_MB else 'NEE'}"
        )
    print(
        f"{done['ok']:,} requests ({done['errors']} errors) in "
        f"{time.perf_counter() - started:.0f} s; a worker restarted by gunicorn "
        "would show as '-' (none expected)."
    )


# --------------------------------------------------------------------------
# Report


def _per_request(r: Result, seconds: float | None) -> float:
    if seconds is None or not r.requests:
        return float("nan")
    return seconds / r.requests * 1000


def print_load(results: list[Result], args: argparse.Namespace) -> None:
    print(
        f"\nAPI | PostgreSQL | gunicorn gthread {args.workers}x{args.threads} | "
        f"{args.concurrency} clients on 127.0.0.1 | {os.cpu_count()} CPUs"
    )
    header = (
        f"{'operation':<14} {'requests':>8} {'errors':>6} {'req/s':>7} {'p50':>6} "
        f"{'p95':>6} {'p99':>6}  {'srv CPU':>7} {'cli CPU':>7} {'other':>5}  "
        f"p95<{TARGET_P95_MS:g}"
    )
    print(header)
    print(
        f"{'':<14} {'':>8} {'':>6} {'':>7} {'ms':>6} {'ms':>6} {'ms':>6}  "
        f"{'ms/req':>7} {'ms/req':>7} {'CPUs':>5}"
    )
    print("-" * len(header))
    for r in results:
        p95 = r.percentile_ms(95)
        print(
            f"{r.operation:<14} {r.requests:>8} {sum(r.errors.values()):>6} "
            f"{r.requests / r.wall if r.wall else 0:>7.1f} {r.percentile_ms(50):>6.1f} "
            f"{p95:>6.1f} {r.percentile_ms(99):>6.1f}  {_per_request(r, r.server_cpu):>7.2f} "
            f"{_per_request(r, r.client_cpu):>7.2f} "
            f"{(r.other_cpu or float('nan')) / r.wall if r.wall else float('nan'):>5.2f}  "
            f"{'ja' if p95 < TARGET_P95_MS else 'NEE'}"
        )
        for error, n in r.errors.most_common(3):
            print(f"{'':<14} {n} x {error}")
    by_name = {r.operation: r for r in results}
    print(
        f"\n{'vs floor':<14} {'p95':>7} {'floor':>7} {'ratio':>6}  {'srv CPU':>8} "
        f"{'floor':>7} {'above':>7} {'ratio':>6}  target srv CPU"
    )
    print(
        f"{'':<14} {'ms':>7} {'ms':>7} {'':>6}  {'ms/req':>8} {'ms/req':>7} "
        f"{'ms/req':>7}"
    )
    for op, target in (
        ("create", TARGET_CREATE_CPU_MS),
        ("status", TARGET_STATUS_CPU_MS),
    ):
        r, f = by_name.get(op), by_name.get(f"{op}-floor")
        if r is None or f is None:
            continue
        cpu, floor_cpu = _per_request(r, r.server_cpu), _per_request(f, f.server_cpu)
        p95, floor_p95 = r.percentile_ms(95), f.percentile_ms(95)
        print(
            f"{op:<14} {p95:>7.1f} {floor_p95:>7.1f} {p95 / floor_p95:>5.1f}x  "
            f"{cpu:>8.2f} {floor_cpu:>7.2f} {cpu - floor_cpu:>7.2f} "
            f"{cpu / floor_cpu:>5.1f}x  <= {target:g} ms: "
            f"{'ja' if cpu <= target else 'NEE'}"
        )


def print_indicators(out: dict[str, Any]) -> None:
    if "error" in out:
        print(f"\nIndicators: not measured ({out['error']})")
        return
    print(f"\nreferral_indicators, jaar {out['jaar']}")
    print(f"{'query':<28} {'runs':>4} {'median':>8} {'p95':>8} {'target':>8}  ok")
    print(f"{'':<28} {'':>4} {'ms':>8} {'ms':>8} {'ms':>8}")
    for label, target, name in (
        ("regionaal", TARGET_REGIONAL_MS, f"regionaal ({out['regio']})"),
        ("landelijk", TARGET_NATIONAL_MS, "landelijk"),
        ("regionaal-kept", TARGET_REGIONAL_MS, "regionaal, kept answer"),
        ("landelijk-kept", TARGET_NATIONAL_MS, "landelijk, kept answer"),
    ):
        if label not in out:
            continue
        item = out[label]
        if "error" in item:
            print(f"{name:<28} error: {item['error']}")
            continue
        times = [t * 1000 for t in item["times"]]
        p95 = (
            statistics.quantiles(times, n=20, method="inclusive")[18]
            if len(times) > 1
            else times[0]
        )
        median = statistics.median(times)
        print(
            f"{name:<28} {len(times):>4} {median:>8.1f} {p95:>8.1f} {target:>8g}  "
            f"{'ja' if p95 < target else 'NEE'}"
        )


# --------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.helper:
        _helper_main(args)
        return 0
    database_url = bench_database(args.database_url)
    workdir = Path(tempfile.mkdtemp(prefix="dekkend-referrals-bench-"))
    (workdir / "static").mkdir()  # STATIC_ROOT under DEKKEND_VAR_DIR (WhiteNoise)
    try:
        return _run(args, database_url, django_env(database_url, workdir))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def _run(args: argparse.Namespace, database_url: str, env: dict[str, str]) -> int:
    print(f"== database {urlsplit(database_url).path.lstrip('/')}", flush=True)
    dekkend(env, "migrate", "--no-input", "-v", "0")
    state = helper(env, "state")
    if not state["gemeenten"]:
        dekkend(env, "load-reference")
        dekkend(env, "load-lsp-2025")
    if not args.skip_fill:
        print(
            f"== filling {args.count:,} synthetic referrals over {args.jaren:g} years",
            flush=True,
        )
        fill = helper(
            env,
            "fill",
            count=args.count,
            jaren=args.jaren,
            seed=args.seed,
            batch_size=args.batch_size,
            workers=args.fill_workers,
        )
        rows = sum(fill["rows"].values())
        n = fill["rows"]["Verwijzing"]
        print(
            f"\nFill ({fill['method']}, {args.fill_workers} connections): "
            f"{fill['seconds']:.1f} s"
        )
        print(f"{'model':<16} {'rows':>10}")
        for model, count in fill["rows"].items():
            print(f"{model:<16} {count:>10,}")
        print(
            f"{'total':<16} {rows:>10,}   {n / fill['seconds']:,.0f} referrals/s, "
            f"{rows / fill['seconds']:,.0f} rows/s"
        )
    started = time.perf_counter()
    import psycopg

    with psycopg.connect(database_url, autocommit=True) as conn:
        conn.execute("ANALYZE")
    print(f"ANALYZE: {time.perf_counter() - started:.1f} s", flush=True)
    if args.fill_only:
        return 0
    if args.profile:
        out = helper(env, "profile", n=args.profile)
        print(
            f"\nIn-process, CPU per request (no profiler, PostgreSQL client side "
            f"included): create {out['create_ms']:.2f} ms "
            f"({out['create_queries']} queries), status change "
            f"{out['status_ms']:.2f} ms ({out['status_queries']} queries)"
        )
        return 0
    clients = helper(env, "sessions", clients=args.concurrency)
    answers = Path(env["DEKKEND_VAR_DIR"]) / "floor-answers.json"
    with gunicorn(args, floor_env(env, answers)) as (base, pid):
        warm, created = run_load(
            base, pid, clients, "create", requests=args.warmup, duration=args.duration
        )
        warm_status, _ = run_load(
            base,
            pid,
            clients,
            "status",
            requests=args.warmup,
            duration=args.duration,
            work=created,
        )
        if warm.errors:
            print(f"warm-up errors: {dict(warm.errors.most_common(3))}")
        if warm.sample is None or warm_status.sample is None:
            raise SystemExit(
                "No successful request in the warm-up: nothing to measure."
            )
        answers.write_text(
            json.dumps({"create": warm.sample, "status": warm_status.sample}),
            encoding="utf-8",
        )
        if args.memory:
            memory_run(base, pid, clients, args)
            return 0
        for op in ("create-floor", "status-floor"):
            run_load(
                base,
                pid,
                clients,
                op,
                requests=args.warmup,
                duration=args.duration,
                work=created,
            )
        # Each operation right before its floor, so both see the same load.
        create, created = run_load(
            base, pid, clients, "create", requests=args.requests, duration=args.duration
        )
        create_floor, _ = run_load(
            base,
            pid,
            clients,
            "create-floor",
            requests=args.requests,
            duration=args.duration,
        )
        status, _ = run_load(
            base,
            pid,
            clients,
            "status",
            requests=args.requests,
            duration=args.duration,
            work=created,
        )
        status_floor, _ = run_load(
            base,
            pid,
            clients,
            "status-floor",
            requests=args.requests,
            duration=args.duration,
            work=created,
        )
        results = [create, create_floor, status, status_floor]
    print_load(results, args)
    print_indicators(
        helper(
            env,
            "indicators",
            division=args.division,
            regio=args.regio,
            jaar=args.jaar,
            runs=args.runs,
        )
    )
    print(
        f"\nTargets (reported, not asserted): p95 < {TARGET_P95_MS:g} ms per operation; "
        f"regional indicators < {TARGET_REGIONAL_MS:g} ms; national < {TARGET_NATIONAL_MS:g} ms."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
