# SPDX-License-Identifier: EUPL-1.2
"""Synthetic referral histories for the demo and the benchmarks.

`verwijzingen_synthesize` fills the database with fake but workflow-
consistent referrals for a set of gemeenten and a period: volume about a
rate per 10,000 inhabitants a year (drawn per gemeente, by default 45–70
against the target of 60), sent on working days in working hours, each with
consent, status history, contacts, connections to offers of the register and
feedback, exactly the rows the services of `referrals.services` would have
written. Names, phone numbers and e-mail addresses are obviously fake, and
no BSN is made (see `texts`).

Modules: `model` (inputs and the plan), `clock` (working days, time zones),
`generate` (timelines, seeded NumPy), `tables`, `people` and `care` (rows),
`actors` (fake organisations and users, Django), `write` (COPY or
bulk_create). Only this module and `actors`/`write` touch Django.

Not for production data: the demo command refuses to run with production
settings. Synthetic referrals are those sent by a "(demo)" practice
(`synthetic_verwijzingen`).
"""

from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.utils import timezone

from dekkend.referrals.synthetic.actors import ketens_prepare, synthetic_verwijzingen
from dekkend.referrals.synthetic.generate import timeline_generate
from dekkend.referrals.synthetic.model import Keten, Parameters, Plan
from dekkend.referrals.synthetic.tables import plan_tables
from dekkend.referrals.synthetic.write import plan_submit, plan_write, write_method
from dekkend.regions.models import Gemeente

__all__ = [
    "Keten",
    "Parameters",
    "Plan",
    "SyntheseVerslag",
    "ketens_prepare",
    "plan_generate",
    "plan_write",
    "synthetic_verwijzingen",
    "verwijzingen_synthesize",
]


def plan_generate(ketens: list[Keten], params: Parameters) -> Plan:
    """The rows of a synthetic history (no database access)."""
    return plan_tables(timeline_generate(ketens, params), ketens, params)


def _years(start: datetime, end: datetime) -> list[tuple[datetime, datetime]]:
    parts, part_start = [], start
    while part_start < end:
        parts.append((part_start, min(part_start + timedelta(days=366), end)))
        part_start = parts[-1][1]
    return parts


@dataclass
class SyntheseVerslag:
    """What `verwijzingen_synthesize` wrote."""

    rows: dict[str, int] = field(default_factory=dict)
    gemeenten: int = 0
    seconds: float = 0.0
    method: str = ""

    @property
    def verwijzingen(self) -> int:
        return self.rows.get("Verwijzing", 0)


def verwijzingen_synthesize(
    *,
    gemeenten: Iterable[Gemeente],
    jaren: float = 2.0,
    end: datetime | None = None,
    peilmoment: datetime | None = None,
    seed: int = 1,
    per_10k: tuple[float, float] = (45.0, 70.0),
    demo_gemeente: Gemeente | None = None,
    batch_size: int = 20_000,
    workers: int = 1,
    progress: Callable[[int], None] | None = None,
    on_total: Callable[[int], None] | None = None,
) -> SyntheseVerslag:
    """Fill the database with a synthetic history of `jaren` years up to
    `end` (default: the start of today) for `gemeenten`.

    The period is drawn and written one year at a time (memory stays small
    at national scale), one transaction per `batch_size` referrals.
    `on_total` receives the number of referrals of each year before it is
    written, `progress` the number of each batch written. With `workers` > 1
    that many batches are written at once on connections of their own
    (`write.plan_submit`; not inside an open transaction, so not in tests).
    Returns counts per model. Events after `peilmoment` (default now) have
    not happened.
    """
    started = timezone.now()
    now = peilmoment or started
    end = end or timezone.localtime(now).replace(
        hour=0, minute=0, second=0, microsecond=0
    )
    start = end - timedelta(days=round(jaren * 365.25))
    ketens = ketens_prepare(gemeenten, demo_gemeente=demo_gemeente)
    verslag = SyntheseVerslag(gemeenten=len(ketens), method=write_method())
    pool = ThreadPoolExecutor(max_workers=workers) if workers > 1 else None
    pending: list[list[Future[int]]] = []

    def drain(keep: int) -> None:
        # At most `keep` years in memory waiting for their batches.
        while len(pending) > keep:
            for future in pending.pop(0):
                count = future.result()
                if progress is not None:
                    progress(count)

    try:
        for deel, (part_start, part_end) in enumerate(_years(start, end)):
            params = Parameters(
                start=part_start,
                end=part_end,
                peilmoment=now,
                per_10k=per_10k,
                seed=seed,
                deel=deel,
            )
            plan = plan_generate(ketens, params)
            if on_total is not None:
                on_total(plan.verwijzingen)
            if pool is None:
                plan_write(plan, batch_size=batch_size, progress=progress)
            else:
                pending.append(plan_submit(plan, pool, batch_size=batch_size))
                drain(keep=1)
            for model, count in plan.rows().items():
                verslag.rows[model] = verslag.rows.get(model, 0) + count
        drain(keep=0)
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
    verslag.seconds = (timezone.now() - started).total_seconds()
    return verslag
