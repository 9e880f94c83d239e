# SPDX-License-Identifier: EUPL-1.2
"""What the HTTP benchmarks share: the environment of the Django child
processes, running `dekkend` commands, starting a server and waiting until it
answers, and reading CPU time from /proc. Figures are printed by the scripts
themselves; nothing here measures."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx


def django_env(database_url: str, workdir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="dekkend.conf.dev",
        DATABASE_URL=database_url,
        DEKKEND_DEBUG="0",
        DEKKEND_VAR_DIR=str(workdir),
        DEKKEND_ALLOWED_HOSTS="127.0.0.1",
        PYTHONUNBUFFERED="1",
    )
    return env


def dekkend(env: dict[str, str], *args: str) -> None:
    subprocess.run([sys.executable, "-m", "dekkend", *args], env=env, check=True)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def tree_cpu_seconds(root: int) -> float | None:
    """User+system CPU seconds of process `root` and its children (Linux /proc);
    None where /proc is not available."""
    ticks = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    total, found = 0.0, False
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        fields = text[text.rindex(")") + 2 :].split()
        pid, ppid = int(stat.parent.name), int(fields[1])
        if pid == root or ppid == root:
            found = True
            total += (int(fields[11]) + int(fields[12])) / ticks
    return total if found else None


def machine_busy_seconds() -> float | None:
    """CPU seconds all CPUs spent busy since boot (Linux /proc/stat)."""
    try:
        fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    except OSError:
        return None
    ticks = [int(f) for f in fields[:8]]
    idle = ticks[3] + ticks[4]  # idle + iowait
    return (sum(ticks) - idle) / os.sysconf("SC_CLK_TCK")


def gunicorn_command(
    port: int, worker_class: str, workers: int, threads: int
) -> list[str]:
    return [
        sys.executable, "-m", "gunicorn", "dekkend.wsgi:application",
        "--bind", f"127.0.0.1:{port}", "--worker-class", worker_class,
        "--workers", str(workers), "--threads", str(threads),
        "--keep-alive", "30", "--backlog", "256", "--log-level", "warning",
    ]  # fmt: skip


@contextlib.contextmanager
def serving(
    command: list[str],
    env: dict[str, str],
    base: str,
    probe_path: str,
    *,
    require_ok: bool = True,
) -> Iterator[int]:
    """Start `command` (a server on `base`), wait until `probe_path` answers
    (with 200 when `require_ok`), yield the process id; always stop it."""
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                raise SystemExit(f"The server exited with code {proc.returncode}")
            try:
                r = httpx.get(base + probe_path, timeout=5)
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise SystemExit("The server did not answer within 60 s") from None
                time.sleep(0.2)
                continue
            if require_ok and r.status_code != 200:
                raise SystemExit(f"The server answered {r.status_code}: {r.text[:300]}")
            break
        yield proc.pid
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


BENCH_DIR = Path(__file__).resolve().parent


def floor_env(env: dict[str, str], answers: Path) -> dict[str, str]:
    """`env` for a server that also mounts the floor endpoints of
    `floor_urls` (bench settings, never production); `answers` is the JSON
    file those endpoints answer from."""
    out = dict(env)
    out["DJANGO_SETTINGS_MODULE"] = "floor_settings"
    out["DEKKEND_BENCH_FLOOR_ANSWERS"] = str(answers)
    out["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(BENCH_DIR), env.get("PYTHONPATH", "")) if p
    )
    return out
