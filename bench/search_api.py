# SPDX-License-Identifier: EUPL-1.2
"""Load benchmark of the public search API.

Measures `GET /api/v1/steunpunten/zoeken/?postcode=NNNN&limit=10` with a fixed
number of concurrent keep-alive clients on loopback: requests per second and
p50/p95/p99 latency, in two scenarios:

* `landelijk`: the national register, the 318 locations of the 2025 LSP list;
* `synthetisch`: the same plus synthetic support points spread over random PC4
  centres ("Synthetisch …"), `--scale` times as many locations in all.

The script builds its own throwaway database (a temporary SQLite file, or a
database `dekkend_bench` on a local PostgreSQL server with `--database-url`),
migrates it, loads the reference data and the LSP list, serves the project
with gunicorn (or `dekkend runserver --noreload`) on 127.0.0.1 with
DEKKEND_DEBUG=0, warms up, runs the load, and always stops the server and
removes the database. It never touches var/dekkend.sqlite3.

    python bench/search_api.py                      # SQLite
    python bench/search_api.py --database-url postgres://postgres@127.0.0.1:5432
    python bench/search_api.py --profile 300        # where does the time go?
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import itertools
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import httpx
from harness import (
    dekkend,
    django_env,
    free_port,
    gunicorn_command,
    machine_busy_seconds,
    serving,
    tree_cpu_seconds,
)

SEARCH_PATH = "/api/v1/steunpunten/zoeken/"
FLOOR_PATH = "/bench/floor/"
PAGE_PATH = "/steunpunten/"
TARGET_CPU_MS = 3.0
TARGET_FLOOR_RATIO = 2.0
TARGET_PAGE_MS = 100.0
TARGET_P95_MS = 30.0
LOOPBACK = {"127.0.0.1", "::1", "localhost"}
DEFAULT_PG_DB = "dekkend_bench"
SYNTHETIC_PREFIX = "Synthetisch"


# --------------------------------------------------------------------------
# Options


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=(
            "Benchmark GET /api/v1/steunpunten/zoeken/?postcode=NNNN&limit=10: "
            "req/s and p50/p95/p99 latency with concurrent keep-alive clients on "
            "127.0.0.1, against the national register and against --scale times "
            "as many (synthetic) locations. Builds and removes its own database."
        ),
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    parser.add_argument(
        "--requests",
        type=int,
        default=2000,
        help="measured requests per scenario (the run also stops at --duration)",
    )
    parser.add_argument(
        "--duration",
        type=float,
        default=20.0,
        help="at most this many seconds of measured load per scenario",
    )
    parser.add_argument(
        "--concurrency", type=int, default=20, help="concurrent client threads"
    )
    parser.add_argument(
        "--warmup", type=int, default=200, help="unmeasured requests before each run"
    )
    parser.add_argument(
        "--scale",
        type=int,
        default=10,
        help=(
            "the synthetic scenario has this many times the national number of "
            "locations; 1 runs only the national scenario"
        ),
    )
    parser.add_argument(
        "--database-url",
        default=None,
        help=(
            "postgres://user@127.0.0.1:5432[/name]: benchmark on PostgreSQL in a "
            f"throwaway database (default name {DEFAULT_PG_DB}; the name must "
            "contain 'bench'), created and dropped by the script. Default: a "
            "temporary SQLite file"
        ),
    )
    parser.add_argument(
        "--server",
        choices=["gunicorn", "runserver"],
        default="gunicorn",
        help="gunicorn (gthread workers) or Django's development server",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=(os.cpu_count() or 1) + 1,
        help="gunicorn worker processes",
    )
    parser.add_argument(
        "--threads", type=int, default=4, help="threads per gunicorn worker"
    )
    parser.add_argument(
        "--worker-class",
        choices=["gthread", "sync"],
        default="gthread",
        help="gunicorn worker class (sync closes the connection after each request)",
    )
    parser.add_argument(
        "--postcodes",
        type=int,
        default=500,
        help="size of the seeded sample of real PC4 codes the clients cycle through",
    )
    parser.add_argument("--seed", type=int, default=2025, help="random seed")
    parser.add_argument(
        "--profile",
        type=int,
        default=0,
        metavar="N",
        help=(
            "instead of the load run: call the view N times per scenario through "
            "Django's test client under cProfile and print where the time goes"
        ),
    )
    # Internal: the same script run inside Django against the bench database.
    parser.add_argument(
        "--helper", choices=["count", "synthesize", "profile"], help=argparse.SUPPRESS
    )
    parser.add_argument("--helper-arg", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--helper-postcodes", default="", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    for name in ("requests", "concurrency", "scale", "workers", "threads", "postcodes"):
        if getattr(args, name) < 1:
            parser.error(f"--{name} must be at least 1")
    return args


# --------------------------------------------------------------------------
# The bench database


def _require_loopback(host: str | None, what: str) -> None:
    if host not in LOOPBACK:
        raise SystemExit(f"{what} must be on a loopback address, not {host!r}")


@contextlib.contextmanager
def bench_database(database_url: str | None, workdir: Path) -> Iterator[str]:
    """Yield the DATABASE_URL of a fresh, empty bench database; remove it after."""
    if database_url is None:
        path = workdir / "bench.sqlite3"
        try:
            yield f"sqlite:///{path}"
        finally:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        return

    import psycopg
    from psycopg import sql

    parts = urlsplit(database_url)
    if parts.scheme not in ("postgres", "postgresql", "pgsql"):
        raise SystemExit("--database-url must be a postgres:// URL")
    _require_loopback(parts.hostname, "The PostgreSQL server")
    name = parts.path.lstrip("/") or DEFAULT_PG_DB
    if "bench" not in name:
        raise SystemExit(
            f"Refusing to use database {name!r}: its name must contain 'bench' "
            "(the script drops and recreates it)."
        )
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    ident = sql.Identifier(name)
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(ident))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(ident))
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(ident)
            )


def analyze(database_url: str) -> None:
    """Refresh PostgreSQL's planner statistics after a bulk load, as autovacuum
    would on a production server (it may be off on a development cluster: then
    the planner estimates 1 row per table and nests loops over thousands)."""
    if database_url.startswith("sqlite"):
        return
    import psycopg

    with psycopg.connect(database_url, autocommit=True) as conn:
        conn.execute("ANALYZE")


def helper(
    env: dict[str, str], name: str, arg: int = 0, postcodes: str = "", seed: int = 0
) -> str:
    """Run this script's Django-side helper against the bench database."""
    result = subprocess.run(
        [
            sys.executable,
            __file__,
            "--helper",
            name,
            "--helper-arg",
            str(arg),
            "--helper-postcodes",
            postcodes,
            "--seed",
            str(seed),
        ],
        env=env,
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    )
    return result.stdout


def locations(env: dict[str, str]) -> int:
    return int(helper(env, "count").strip())


# --------------------------------------------------------------------------
# Django-side helpers (run in a child process with the bench DATABASE_URL)


def _helper_main(args: argparse.Namespace) -> None:
    import django

    django.setup()
    if args.helper == "count":
        print(_count())
    elif args.helper == "synthesize":
        _synthesize(args.helper_arg, args.seed)
        print(_count())
    elif args.helper == "profile":
        _profile(args.helper_arg, args.helper_postcodes.split(","))


def _count() -> int:
    from django.utils import timezone

    from dekkend.register.selectors import steunpunt_queryset

    return steunpunt_queryset(peildatum=timezone.localdate()).count()


def _synthesize(count: int, seed: int) -> None:
    """Add `count` synthetic support points at random PC4 centres (jittered),
    with a random schedule and elements, so they look like filled-in LSPs."""
    from django.db import transaction

    from dekkend.regions.models import Postcodegebied
    from dekkend.register import lsp_type
    from dekkend.register.constants import (
        AanbodSoort,
        Dagdeel,
        OrganisatieSoort,
        Weekdag,
    )
    from dekkend.register.models import (
        Aanbod,
        Locatie,
        Openingsdagdeel,
        Organisatie,
        Steunpunt,
    )

    rng = random.Random(seed)
    gebieden = list(
        Postcodegebied.objects.values_list("pc4", "plaats", "gemeente_id", "lat", "lon")
    )
    slots = [(d, p) for d in Weekdag.values for p in Dagdeel.values]
    bron = "benchmark: synthetische gegevens"
    with transaction.atomic():
        organisaties = [
            Organisatie.objects.get_or_create(
                naam=f"{SYNTHETIC_PREFIX}e organisatie {n:02d}",
                defaults={"soort": OrganisatieSoort.LSP, "bron": bron},
            )[0]
            for n in range(1, 41)
        ]
        rows = []
        for i in range(1, count + 1):
            pc4, plaats, gemeente_id, lat, lon = rng.choice(gebieden)
            naam = f"{SYNTHETIC_PREFIX} steunpunt {i:04d} ({plaats or pc4})"
            lat += rng.uniform(-0.005, 0.005)
            lon += rng.uniform(-0.008, 0.008)
            rows.append((rng.choice(organisaties), naam, gemeente_id, lat, lon, pc4))
        locaties = Locatie.objects.bulk_create(
            Locatie(
                organisatie=org,
                naam=naam,
                gemeente_id=gemeente_id,
                lat=lat,
                lon=lon,
                postcode=f"{pc4} AA",
                plaats=naam.rsplit("(", 1)[1].rstrip(")"),
                straat="Synthetische straat",
                huisnummer=str(i),
                coordinaat_benaderd=True,
                bron=bron,
            )
            for i, (org, naam, gemeente_id, lat, lon, pc4) in enumerate(rows, 1)
        )
        aanbod = Aanbod.objects.bulk_create(
            Aanbod(
                organisatie=locatie.organisatie,
                locatie=locatie,
                soort=AanbodSoort.LSP,
                naam=locatie.naam,
                bron=bron,
                bron_sleutel=f"bench:{i}",
            )
            for i, locatie in enumerate(locaties, 1)
        )
        steunpunten, dagdelen = [], []
        for a in aanbod:
            open_ = rng.sample(slots, rng.randint(0, 14))
            dagdelen += [
                Openingsdagdeel(aanbod=a, weekdag=d, dagdeel=p) for d, p in open_
            ]
            soort = lsp_type.classify_dagdelen(len(open_))
            steunpunten.append(
                Steunpunt(
                    aanbod=a,
                    dagdelen_per_week=len(open_),
                    type_afgeleid=soort,
                    lsp_type=soort,
                    element_inloop=True,
                    element_door_en_voor=rng.random() < 0.8,
                    element_herstelaanbod=rng.random() < 0.6,
                    element_groeivijver=rng.random() < 0.4,
                )
            )
        Steunpunt.objects.bulk_create(steunpunten, batch_size=500)
        Openingsdagdeel.objects.bulk_create(dagdelen, batch_size=2000)
        # bulk_create sends no signals: tell running searches explicitly.
        from dekkend.register.search import register_changed

        register_changed()


def _profile(n: int, postcodes: list[str]) -> None:
    """Call the search view `n` times through the test client under cProfile."""
    import cProfile
    import pstats

    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")  # DEKKEND_ALLOWED_HOSTS
    for pc in postcodes[:20]:  # warm caches, imports and the connection
        client.get(SEARCH_PATH, {"postcode": pc, "limit": 10})
    with CaptureQueriesContext(connection) as queries:
        client.get(SEARCH_PATH, {"postcode": postcodes[0], "limit": 10})
    print(f"SQL queries per request: {len(queries)}")
    for q in queries.captured_queries:
        print(f"  {float(q['time']) * 1000:6.2f} ms  {q['sql'][:150]}")
    reset_queries()
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    for i in range(n):
        params = {"postcode": postcodes[i % len(postcodes)], "limit": 10}
        response = client.get(SEARCH_PATH, params)
        assert response.status_code in (200, 404), response.status_code
    profiler.disable()
    elapsed = time.perf_counter() - started
    print(
        f"{n} requests in-process: {elapsed / n * 1000:.2f} ms per request (profiled)"
    )
    stats = pstats.Stats(profiler).strip_dirs().sort_stats("cumulative")
    stats.print_stats(35)

    # The HTML page of the same search.
    pages = max(n // 10, 10)
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    for i in range(pages):
        response = client.get(PAGE_PATH, {"postcode": postcodes[i % len(postcodes)]})
        assert response.status_code == 200, response.status_code
    profiler.disable()
    elapsed = time.perf_counter() - started
    print(
        f"{pages} pages in-process: {elapsed / pages * 1000:.2f} ms per page (profiled)"
    )
    stats = pstats.Stats(profiler).strip_dirs().sort_stats("cumulative")
    stats.print_stats(30)


# --------------------------------------------------------------------------
# Server


def server_command(args: argparse.Namespace, port: int) -> list[str]:
    if args.server == "runserver":
        return [
            sys.executable,
            "-m",
            "dekkend",
            "runserver",
            f"127.0.0.1:{port}",
            "--noreload",
        ]
    return gunicorn_command(port, args.worker_class, args.workers, args.threads)


@contextlib.contextmanager
def running_server(
    args: argparse.Namespace, env: dict[str, str], probe: str
) -> Iterator[tuple[str, int]]:
    """Start the server on 127.0.0.1, wait until it answers; always stop it.
    Yields its base URL and process id."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    probe_path = f"{SEARCH_PATH}?postcode={probe}"
    env = {
        **env,
        "DJANGO_SETTINGS_MODULE": "bench_settings",
        "PYTHONPATH": os.pathsep.join(
            p
            for p in (str(Path(__file__).resolve().parent), env.get("PYTHONPATH"))
            if p
        ),
    }
    with serving(server_command(args, port), env, base, probe_path) as pid:
        yield base, pid


# --------------------------------------------------------------------------
# Load


@dataclass
class Result:
    scenario: str
    locations: int
    latencies: list[float] = field(default_factory=list)  # seconds, successes
    errors: int = 0
    statuses: Counter[str] = field(default_factory=Counter)
    wall: float = 0.0
    client_cpu: float = 0.0  # seconds of this process during the run
    server_cpu: float | None = None  # seconds of the server's processes
    other_cpu: float | None = None  # seconds used by other processes meanwhile

    @property
    def requests(self) -> int:
        return len(self.latencies) + self.errors

    @property
    def rps(self) -> float:
        return self.requests / self.wall if self.wall else 0.0

    def cpu_ms(self, seconds: float | None) -> float:
        if seconds is None or not self.requests:
            return float("nan")
        return seconds / self.requests * 1000

    def others(self) -> float:
        """CPUs' worth of other work on the machine during the run."""
        if self.other_cpu is None or not self.wall:
            return float("nan")
        return self.other_cpu / self.wall

    def percentile_ms(self, p: int) -> float:
        if len(self.latencies) < 2:
            return float("nan")
        cuts = statistics.quantiles(self.latencies, n=100, method="inclusive")
        return cuts[p - 1] * 1000


def run_load(
    base: str,
    server_pid: int,
    postcodes: Sequence[str],
    *,
    requests: int,
    duration: float,
    concurrency: int,
    result: Result,
    path: str = SEARCH_PATH,
) -> Result:
    """`concurrency` threads, one keep-alive httpx.Client each, share a counter
    of `requests`; each stops at the count or after `duration` seconds."""
    counter = itertools.count()
    barrier = threading.Barrier(concurrency + 1)
    lock = threading.Lock()
    deadline = [0.0]

    def client_thread() -> None:
        latencies: list[float] = []
        errors: Counter[str] = Counter()
        limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
        with httpx.Client(base_url=base, timeout=30, limits=limits) as client:
            client.get(path, params={"postcode": postcodes[0], "limit": 10})
            barrier.wait()
            while True:
                i = next(counter)
                if i >= requests or time.perf_counter() >= deadline[0]:
                    break
                params = {"postcode": postcodes[i % len(postcodes)], "limit": 10}
                started = time.perf_counter()
                try:
                    response = client.get(path, params=params)
                except httpx.HTTPError as exc:
                    errors[type(exc).__name__] += 1
                    continue
                elapsed = time.perf_counter() - started
                if response.status_code == 200:
                    latencies.append(elapsed)
                else:
                    errors[str(response.status_code)] += 1
        with lock:
            result.latencies += latencies
            result.errors += sum(errors.values())
            result.statuses.update(errors)

    threads = [
        threading.Thread(target=client_thread, daemon=True) for _ in range(concurrency)
    ]
    for t in threads:
        t.start()
    deadline[0] = time.perf_counter() + 3600  # until the barrier opens
    busy = machine_busy_seconds()
    server_cpu = tree_cpu_seconds(server_pid)
    client_cpu = time.process_time()
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
    return result


def page_times(
    base: str, postcodes: Sequence[str], scenario: str, count: int, n: int = 60
) -> tuple[str, int, float, float]:
    """Median and p95 (ms) of the HTML search page, one request at a time
    after a warm-up, so the latency on loopback is the server's time."""
    times = []
    with httpx.Client(base_url=base, timeout=30) as client:
        for i in range(n + 10):
            started = time.perf_counter()
            r = client.get(
                PAGE_PATH, params={"postcode": postcodes[i % len(postcodes)]}
            )
            elapsed = time.perf_counter() - started
            if r.status_code != 200:
                raise SystemExit(f"{PAGE_PATH} answered {r.status_code}")
            if i >= 10:
                times.append(elapsed * 1000)
    cuts = statistics.quantiles(times, n=100, method="inclusive")
    return scenario, count, statistics.median(times), cuts[94]


def print_pages(pages: list[tuple[str, int, float, float]]) -> None:
    print(f"\nGET {PAGE_PATH}?postcode=NNNN (HTML, warm, one request at a time)")
    print(
        f"{'scenario':<12} {'locations':>9} {'p50 ms':>7} {'p95 ms':>7}  p50<{TARGET_PAGE_MS:g}"
    )
    for scenario, count, p50, p95 in pages:
        print(
            f"{scenario:<12} {count:>9} {p50:>7.1f} {p95:>7.1f}  "
            f"{'ja' if p50 < TARGET_PAGE_MS else 'NEE'}"
        )


def sample_postcodes(n: int, seed: int) -> list[str]:
    from dekkend.conf.includes.paths import DEKKEND_DATA_DIR

    with (DEKKEND_DATA_DIR / "pc4_2021.csv").open(encoding="utf-8") as f:
        codes = sorted({row["pc4"].zfill(4) for row in csv.DictReader(f)})
    return random.Random(seed).sample(codes, min(n, len(codes)))


# --------------------------------------------------------------------------
# Report


def print_table(results: list[Result], args: argparse.Namespace, engine: str) -> None:
    if args.server == "runserver":
        server = "dekkend runserver --noreload"
    elif args.worker_class == "gthread":
        server = f"gunicorn gthread {args.workers}x{args.threads}"
    else:
        server = f"gunicorn sync x{args.workers}"
    print()
    print(
        f"GET {SEARCH_PATH}?postcode=NNNN&limit=10 | {engine} | {server} | "
        f"{args.concurrency} clients on 127.0.0.1 | {os.cpu_count()} CPUs"
    )
    columns = (
        f"{'scenario':<12} {'locations':>9} {'requests':>8} {'errors':>6} "
        f"{'req/s':>7} {'p50':>6} {'p95':>6} {'p99':>6}  "
        f"{'srv CPU':>7} {'xfloor':>6} {'cli CPU':>7} {'other':>5}  p95<{TARGET_P95_MS:g}"
        f" cpu<={TARGET_CPU_MS:g}&<={TARGET_FLOOR_RATIO:g}x"
    )
    units = (
        f"{'':<12} {'':>9} {'':>8} {'':>6} {'':>7} {'ms':>6} {'ms':>6} {'ms':>6}  "
        f"{'ms/req':>7} {'':>6} {'ms/req':>7} {'CPUs':>5}"
    )
    print(columns)
    print(units)
    print("-" * len(columns))
    floors = {r.locations: r for r in results if r.scenario == "floor"}
    for r in results:
        p95 = r.percentile_ms(95)
        cpu = r.cpu_ms(r.server_cpu)
        floor = floors.get(r.locations)
        ratio = cpu / floor.cpu_ms(floor.server_cpu) if floor else float("nan")
        verdict = (
            ""
            if r.scenario == "floor"
            else "ja"
            if cpu <= TARGET_CPU_MS and ratio <= TARGET_FLOOR_RATIO
            else "NEE"
        )
        print(
            f"{r.scenario:<12} {r.locations:>9} {r.requests:>8} {r.errors:>6} "
            f"{r.rps:>7.1f} {r.percentile_ms(50):>6.1f} {p95:>6.1f} "
            f"{r.percentile_ms(99):>6.1f}  {cpu:>7.2f} {ratio:>6.2f} "
            f"{r.cpu_ms(r.client_cpu):>7.2f} {r.others():>5.2f}  "
            f"{'ja' if p95 < TARGET_P95_MS else 'NEE':<8} {verdict}"
        )
        if r.statuses:
            print(f"{'':<12} errors: {dict(r.statuses)}")
    print(
        "\nLatency: successful requests only. srv/cli CPU: CPU time per request of "
        "the\nserver's processes and of this load generator; they share the same "
        "CPUs. other:\nCPUs' worth of everything else busy during the run, "
        "PostgreSQL's own processes\nincluded (on SQLite, above ~0.1 means other "
        f"work skewed the figures).\nTarget: p95 < {TARGET_P95_MS:g} ms "
        "(reported, not asserted).\nfloor: "
        f"{FLOOR_PATH} on the same server (bench_settings.py), a DRF view returning a "
        "prepared\nanswer of the same size; xfloor: server CPU per request over the "
        "floor's, same run."
    )


# --------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.helper:
        _helper_main(args)
        return 0
    if args.server == "gunicorn":
        try:
            import gunicorn  # noqa: F401
        except ImportError:
            raise SystemExit(
                "gunicorn is not installed: pip install gunicorn, or --server runserver"
            ) from None

    postcodes = sample_postcodes(args.postcodes, args.seed)
    engine = "PostgreSQL" if args.database_url else "SQLite"
    workdir = Path(tempfile.mkdtemp(prefix="dekkend-bench-"))
    (workdir / "static").mkdir()  # STATIC_ROOT under DEKKEND_VAR_DIR (WhiteNoise)
    results: list[Result] = []
    pages: list[tuple[str, int, float, float]] = []
    try:
        with bench_database(args.database_url, workdir) as database_url:
            env = django_env(database_url, workdir)
            print(f"== database: {engine} (throwaway), work dir {workdir}", flush=True)
            dekkend(env, "migrate", "--no-input", "-v", "0")
            dekkend(env, "load-reference")
            dekkend(env, "load-lsp-2025")
            national = locations(env)
            scenarios = [("landelijk", 0)]
            if args.scale > 1:
                scenarios.append(("synthetisch", national * (args.scale - 1)))
            for name, extra in scenarios:
                if extra:
                    print(f"== adding {extra} synthetic locations", flush=True)
                    helper(env, "synthesize", extra, seed=args.seed)
                analyze(database_url)
                count = locations(env)
                if args.profile:
                    print(f"\n== profile: {name}, {count} locations", flush=True)
                    print(helper(env, "profile", args.profile, ",".join(postcodes)))
                    continue
                print(f"== {name}: {count} locations, starting the server", flush=True)
                floor_json = workdir / "floor.json"
                env["DEKKEND_BENCH_FLOOR_JSON"] = str(floor_json)
                with running_server(args, env, postcodes[0]) as (base, pid):
                    # The floor answers with a real answer of this register.
                    answer = httpx.get(
                        base + SEARCH_PATH,
                        params={"postcode": postcodes[0], "limit": 10},
                        timeout=30,
                    )
                    answer.raise_for_status()
                    floor_json.write_bytes(answer.content)
                    run_load(
                        base,
                        pid,
                        postcodes,
                        requests=args.warmup,
                        duration=args.duration,
                        concurrency=args.concurrency,
                        result=Result("warm-up", count),
                    )
                    results.append(
                        run_load(
                            base,
                            pid,
                            postcodes,
                            requests=args.requests,
                            duration=args.duration,
                            concurrency=args.concurrency,
                            result=Result(name, count),
                        )
                    )
                    for requests in (args.warmup, args.requests):
                        floor = run_load(
                            base,
                            pid,
                            postcodes,
                            requests=requests,
                            duration=args.duration,
                            concurrency=args.concurrency,
                            result=Result("floor", count),
                            path=FLOOR_PATH,
                        )
                    results.append(floor)
                    pages.append(page_times(base, postcodes, name, count))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    if results:
        print_table(results, args, engine)
        print_pages(pages)
    return 0


if __name__ == "__main__":
    sys.exit(main())
