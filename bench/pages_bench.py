# SPDX-License-Identifier: EUPL-1.2
"""Server time of the HTML pages users wait for, warm, beside a floor.

Pages (the public search page is measured by `search_api.py`):

- `dekking`: /dekking/ (all regions of the default division);
- `regio`: /dekking/<division>/<region>/ (`--regio`, default ZK23 Utrecht);
- `regios`: /regios/;
- `monitor`: /monitor/verwijzen/ (the national view of the national
  monitor: every region and the total, for the default year);
- `monitor-regio`: the same page for `--regio`.

Each page is requested through Django's test client in this process (all
middleware, a logged-in national-monitor session), `--warmup` times first,
then `--runs` times; each timed request of a page is followed by one of its
*floor*: `bench/floor_urls.py`, the same middleware and session answering a
prepared copy of that page's HTML (same size) without any query. Printed:
median and p95 of wall time and the CPU time of this process per request
(the database's own CPU is not in it), the ratio to the floor on the median,
and whether the median is under the target of 100 ms (`ja` / `NEE`, never
asserted).

The database is `--database-url` (default `$DATABASE_URL`, else
`postgres://postgres@127.0.0.1:5432/dekkend_referrals_bench`: the one
`referrals_bench.py` fills, for the monitor page's referrals); its name must
contain `bench`, it is created and loaded (reference data, LSP list) when
empty and never dropped.

    python bench/pages_bench.py
    python bench/pages_bench.py --runs 30 --pages dekking,regio
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from harness import dekkend, django_env, floor_env  # noqa: E402
from referrals_bench import DEFAULT_URL, bench_database  # noqa: E402

TARGET_MS = 100.0
PAGES = ("dekking", "regio", "regios", "monitor", "monitor-regio")


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Warm server time of the coverage, region and monitor pages, "
        "each beside a floor of the same stack and size.",
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    parser.add_argument(
        "--database-url", default=os.environ.get("DATABASE_URL") or DEFAULT_URL
    )
    parser.add_argument("--pages", default=",".join(PAGES))
    parser.add_argument("--division", default="zorgkantoorregio-2025")
    parser.add_argument("--regio", default="ZK23")
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    unknown = set(args.pages.split(",")) - set(PAGES)
    if unknown:
        parser.error(f"unknown pages: {', '.join(sorted(unknown))}")
    return args


def _paths(args: argparse.Namespace) -> dict[str, str]:
    d, r = args.division, args.regio
    return {
        "dekking": "/dekking/",
        "regio": f"/dekking/{d}/{r}/",
        "regios": "/regios/",
        "monitor": "/monitor/verwijzen/",
        "monitor-regio": f"/monitor/verwijzen/?indeling={d}&regio={r}",
    }


def _client() -> Any:
    from django.test import Client

    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from dekkend.accounts.models import User
    from dekkend.accounts.permissions import two_factor_required
    from dekkend.accounts.roles import role_group, roles_sync

    roles_sync()
    user, _ = User.objects.get_or_create(username="bench-monitor")
    user.set_unusable_password()
    user.save()
    user.groups.set([role_group("landelijk_monitor")])
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    if two_factor_required(User.objects.get(pk=user.pk)):
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or (
            TOTPDevice.objects.create(user=user, name="bench", confirmed=True)
        )
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


def _timed(client: Any, path: str) -> tuple[float, float, Any]:
    wall, cpu = time.perf_counter(), time.process_time()
    response = client.get(path)
    return time.perf_counter() - wall, time.process_time() - cpu, response


def _stats(values: list[float]) -> tuple[float, float]:
    ms = [v * 1000 for v in values]
    p95 = (
        statistics.quantiles(ms, n=20, method="inclusive")[18] if len(ms) > 1 else ms[0]
    )
    return statistics.median(ms), p95


def _rss_mb() -> float:
    """This process's resident set size (Linux /proc), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def inside(args: argparse.Namespace) -> int:
    import django

    django.setup()
    import floor_urls

    client = _client()
    paths = _paths(args)
    pages = args.pages.split(",")
    client.get("/")  # middleware, templates and translations loaded
    from dekkend.runtime import tune_gc

    tune_gc()  # as dekkend/wsgi.py does in every server process
    rss_before = _rss_mb()
    answers_file = Path(os.environ["DEKKEND_BENCH_FLOOR_ANSWERS"])
    answers: dict[str, Any] = {}
    for name in pages:
        for _ in range(args.warmup):
            _w, _c, response = _timed(client, paths[name])
        if response.status_code != 200:
            raise SystemExit(f"{paths[name]} answered {response.status_code}")
        answers[f"page:{name}"] = {
            "status": 200,
            "content_type": response["Content-Type"],
            "body": response.content.decode("utf-8"),
        }
    rss_kept = _rss_mb()
    answers_file.write_text(json.dumps(answers), encoding="utf-8")
    floor_urls._answers.cache_clear()
    print(
        f"\nPages, warm, in-process (test client, all middleware, logged in) | "
        f"{args.runs} runs | PostgreSQL"
    )
    header = (
        f"{'page':<14} {'kB':>5} {'wall':>7} {'p95':>7} {'CPU':>7} "
        f"{'floor':>7} {'fl.CPU':>7} {'ratio':>6}  <{TARGET_MS:g} ms"
    )
    print(header)
    print(f"{'':<14} {'':>5} {'ms':>7} {'ms':>7} {'ms':>7} {'ms':>7} {'ms':>7}")
    print("-" * len(header))
    for name in pages:
        floor_path = f"/bench-floor/pagina/{name}/"
        _timed(client, floor_path)
        walls, cpus, fwalls, fcpus = [], [], [], []
        for _ in range(args.runs):
            w, c, r = _timed(client, paths[name])
            assert r.status_code == 200, r.status_code
            walls.append(w)
            cpus.append(c)
            w, c, r = _timed(client, floor_path)
            assert r.status_code == 200, r.status_code
            fwalls.append(w)
            fcpus.append(c)
        wall, p95 = _stats(walls)
        cpu, _ = _stats(cpus)
        fwall, _ = _stats(fwalls)
        fcpu, _ = _stats(fcpus)
        size = len(answers[f"page:{name}"]["body"].encode()) / 1024
        print(
            f"{name:<14} {size:>5.0f} {wall:>7.1f} {p95:>7.1f} {cpu:>7.1f} "
            f"{fwall:>7.1f} {fcpu:>7.1f} {wall / fwall:>5.1f}x  "
            f"{'ja' if wall < TARGET_MS else 'NEE'}",
            flush=True,
        )
    print(
        "\nwall/p95: median and p95 wall time; CPU: median CPU of this process "
        "(Django and the database client, not the database server); floor: the "
        "same stack answering a prepared copy of the page; ratio on wall time."
    )
    print(
        f"Memory of this process: {rss_before:.0f} MB before the pages, "
        f"{rss_kept:.0f} MB after their warm-up (answers kept, "
        f"versions/cache.py), {_rss_mb():.0f} MB at the end."
    )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.inside:
        return inside(args)
    database_url = bench_database(args.database_url)
    workdir = Path(tempfile.mkdtemp(prefix="dekkend-pages-bench-"))
    (workdir / "static").mkdir()
    try:
        env = django_env(database_url, workdir)
        dekkend(env, "migrate", "--no-input", "-v", "0")
        import subprocess

        probe = subprocess.run(
            [sys.executable, "-m", "dekkend", "shell", "-c",
             "from dekkend.regions.models import Gemeente; print(Gemeente.objects.count())"],
            env=env, check=True, stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        if probe.stdout.strip().splitlines()[-1] == "0":
            dekkend(env, "load-reference")
            dekkend(env, "load-lsp-2025")
        env = floor_env(env, workdir / "floor-answers.json")
        return subprocess.run(
            [sys.executable, __file__, "--inside", *(argv or sys.argv[1:])], env=env
        ).returncode
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
