# SPDX-License-Identifier: EUPL-1.2
"""The timelines of synthetic referrals, drawn with a seeded NumPy Generator.

Each referral follows one path through the workflow of `referrals.workflow`
(003 §4), with times on working days:

* sent, then returned by the bridging organisation, withdrawn by the
  referrer, or cancelled because consent was withdrawn;
* accepted, then returned; or closed as not reached / declined without any
  contact;
* accepted, first contact after a few working days (how many varies per
  gemeente), more contacts, sometimes a pause, connections to offers, and
  closing with an outcome; feedback to the referrer after the first contact
  (sometimes late or missing) and at closing (sometimes missing); a few
  residents withdraw consent on the way.

Events after `Parameters.peilmoment` have not happened yet, so recent
referrals are open. `tables.plan_tables` turns a `Timeline` into rows.

What does not belong here: Django, and writing rows.
"""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from dekkend.referrals.synthetic import texts
from dekkend.referrals.synthetic.clock import (
    AMS,
    NEVER,
    WORK_FROM,
    WORK_TO,
    Clock,
    IntArray,
    local_minutes,
)
from dekkend.referrals.synthetic.model import Keten, Parameters

# Paths through the workflow and how often they are taken.
NORMAAL = 0  # accepted, contact, closed with an outcome
TERUG_VERSTUURD = 1  # returned before acceptance
INTREKKEN = 2  # withdrawn by the referrer
TOESTEMMING_VROEG = 3  # consent withdrawn before acceptance
TERUG_GEACCEPTEERD = 4  # returned after acceptance
NIET_BEREIKT = 5  # accepted, never reached, closed without contact
TOESTEMMING_LAAT = 6  # consent withdrawn after the first contact
PATH_P = (0.855, 0.03, 0.02, 0.005, 0.02, 0.06, 0.01)
CONTACT_PATHS = (NORMAAL, TOESTEMMING_LAAT)

MAX_CONTACTEN = 4
MAX_VERBINDINGEN = 3
# Feedback slots: after the first contact, in between, at closing.
FB_EERSTE, FB_TUSSENTIJDS, FB_AFSLUITING = range(3)

FloatArray = npt.NDArray[np.float64]


@dataclass
class Timeline:
    """Per referral (index i), every event time in local minutes (`NEVER`:
    does not happen) and the choices made; `peil` is the peilmoment."""

    peil: int
    gemeente: IntArray  # index into the ketens
    path: IntArray
    verwijzer: IntArray  # index into the gemeente's verwijzers
    brug: IntArray  # user id of the bridging professional handling it
    create: IntArray
    decide: IntArray
    terug: IntArray  # returned after acceptance
    contact: IntArray  # (n, MAX_CONTACTEN)
    pause: IntArray
    resume: IntArray
    close: IntArray
    withdraw: IntArray  # consent withdrawn after contact
    feedback: IntArray  # (n, 3)
    gelezen: IntArray  # (n, 3) feedback read by the referrer
    verbinding: IntArray  # (n, MAX_VERBINDINGEN)
    uitkomst: npt.NDArray[np.object_]  # code, "" until closed

    def __len__(self) -> int:
        return len(self.create)


def choice(
    rng: np.random.Generator, options: Sequence[tuple[str, float]], n: int
) -> npt.NDArray[np.object_]:
    codes = np.array([o[0] for o in options], dtype=object)
    weights = np.array([o[1] for o in options])
    return codes[rng.choice(len(codes), size=n, p=weights / weights.sum())]


def pick(rng: np.random.Generator, count: IntArray) -> IntArray:
    """A random index below each `count` (count >= 1)."""
    return (rng.random(len(count)) * count).astype(np.int64)


def _last(times: IntArray) -> IntArray:
    """Per row the latest time that happens (NEVER where none does)."""
    happens = np.where(times < NEVER, times, -1).max(axis=1)
    return np.where(happens >= 0, happens, NEVER)


def timeline_generate(ketens: Sequence[Keten], params: Parameters) -> Timeline:
    """Draw referral timelines for `ketens` over the period of `params`.

    The number per gemeente is Poisson with mean rate x inhabitants / 10,000
    x years, the rate drawn per gemeente from `params.per_10k`. Referrals are
    sorted by the moment they were sent.
    """
    per_gemeente = np.random.default_rng([params.seed, 0])
    rng = np.random.default_rng([params.seed, 1, params.deel])
    first = params.start.astimezone(AMS).date()
    end = params.end.astimezone(AMS).date()
    peil = local_minutes(params.peilmoment)
    clock = Clock(first, max(end, params.peilmoment.astimezone(AMS).date()))
    days = clock.werkdagen(first, end)
    years = (end - first).days / 365.25
    n_g = len(ketens)
    inwoners = np.array([k.inwoners for k in ketens], dtype=np.float64)
    rate = per_gemeente.uniform(*params.per_10k, size=n_g)
    counts = rng.poisson(rate * inwoners / 10_000 * years) if len(days) else 0
    gemeente = np.repeat(np.arange(n_g, dtype=np.int64), counts)
    n = len(gemeente)
    create = days[rng.integers(0, max(len(days), 1), n)].astype(np.int64) * 1440
    create += rng.integers(WORK_FROM, WORK_TO, n)
    order = np.argsort(create, kind="stable")
    gemeente, create = gemeente[order], create[order]
    sent = create <= peil  # a referral sent after the peilmoment does not exist yet
    gemeente, create = gemeente[sent], create[sent]
    n = len(gemeente)

    # How well each gemeente's bridging organisation keeps its terms.
    contact_mu = per_gemeente.uniform(1.5, 6.0, n_g)[gemeente]
    p_feedback = per_gemeente.uniform(0.65, 0.97, n_g)[gemeente]
    p_late = per_gemeente.uniform(0.05, 0.35, n_g)[gemeente]
    p_feedback_close = per_gemeente.uniform(0.5, 0.9, n_g)[gemeente]

    brug_count = np.array([len(k.brugfunctionarissen) for k in ketens], np.int64)
    vw_count = np.array([len(k.verwijzers) for k in ketens], np.int64)
    brug_flat = np.array([u for k in ketens for u in k.brugfunctionarissen], np.int64)
    brug_start = np.concatenate([[0], np.cumsum(brug_count)[:-1]]).astype(np.int64)
    brug = brug_flat[brug_start[gemeente] + pick(rng, brug_count[gemeente])]
    verwijzer = pick(rng, vw_count[gemeente])

    path = rng.choice(len(PATH_P), size=n, p=PATH_P)
    decide = clock.later(
        create,
        rng.choice([0, 1, 2, 3, 5], size=n, p=[0.4, 0.35, 0.15, 0.07, 0.03]),
        rng,
    )
    never = np.full(n, NEVER, dtype=np.int64)
    terug, pause, resume, close, withdraw = (never.copy() for _ in range(5))
    uitkomst = np.full(n, "", dtype=object)

    m = path == TERUG_GEACCEPTEERD
    terug[m] = clock.later(decide[m], rng.integers(1, 6, int(m.sum())), rng)
    m = path == NIET_BEREIKT
    close[m] = clock.later(decide[m], rng.integers(10, 26, int(m.sum())), rng)
    uitkomst[m] = choice(rng, texts.UITKOMST_ZONDER_CONTACT, int(m.sum()))

    contact = np.full((n, MAX_CONTACTEN), NEVER, dtype=np.int64)
    c = np.isin(path, CONTACT_PATHS)
    contact[c, 0] = clock.later(decide[c], rng.poisson(contact_mu[c]), rng)
    extra = np.where(c, rng.choice(4, size=n, p=[0.3, 0.3, 0.25, 0.15]), 0)
    for k in range(1, MAX_CONTACTEN):
        m = extra >= k
        contact[m, k] = clock.later(
            contact[m, k - 1], rng.integers(3, 16, int(m.sum())), rng
        )
    m = path == TOESTEMMING_LAAT
    withdraw[m] = clock.later(contact[m, 0], rng.integers(1, 11, int(m.sum())), rng)
    contact[contact >= withdraw[:, None]] = NEVER

    normaal = path == NORMAAL
    last = _last(contact)
    m = normaal & (rng.random(n) < 0.08)
    pause[m] = clock.later(last[m], rng.integers(1, 6, int(m.sum())), rng)
    resume[m] = clock.later(pause[m], rng.integers(10, 41, int(m.sum())), rng)
    after = np.where(resume < NEVER, resume, last)
    close[normaal] = clock.later(
        after[normaal], rng.integers(2, 16, int(normaal.sum())), rng
    )
    uitkomst[normaal] = choice(rng, texts.UITKOMST_NA_CONTACT, int(normaal.sum()))

    feedback = np.full((n, 3), NEVER, dtype=np.int64)
    m = c & (rng.random(n) < p_feedback)
    late = rng.random(n) < p_late
    delay = np.where(late, rng.integers(6, 21, n), rng.integers(0, 4, n))
    feedback[m, FB_EERSTE] = clock.later(contact[m, 0], delay[m], rng)
    m = (feedback[:, FB_EERSTE] < NEVER) & (extra >= 1) & (rng.random(n) < 0.2)
    basis = np.maximum(contact[m, 1], feedback[m, FB_EERSTE])
    feedback[m, FB_TUSSENTIJDS] = clock.later(
        basis, rng.integers(0, 3, int(m.sum())), rng
    )
    # No feedback after consent was withdrawn; feedback after closing is
    # the closing feedback only.
    end_of_care = np.minimum(withdraw, np.where(normaal, close, NEVER))
    feedback[feedback >= end_of_care[:, None]] = NEVER
    m = normaal & (rng.random(n) < p_feedback_close)
    feedback[m, FB_AFSLUITING] = clock.later(
        close[m], rng.integers(0, 4, int(m.sum())), rng
    )
    gelezen = np.full((n, 3), NEVER, dtype=np.int64)
    for slot in range(3):
        m = (feedback[:, slot] < NEVER) & (rng.random(n) < 0.85)
        gelezen[m, slot] = clock.later(
            feedback[m, slot], rng.integers(0, 6, int(m.sum())), rng
        )

    verbinding = _verbindingen(rng, path, uitkomst, contact[:, 0], close, withdraw)
    return Timeline(
        peil=peil,
        gemeente=gemeente,
        path=path,
        verwijzer=verwijzer,
        brug=brug,
        create=create,
        decide=decide,
        terug=terug,
        contact=contact,
        pause=pause,
        resume=resume,
        close=close,
        withdraw=withdraw,
        feedback=feedback,
        gelezen=gelezen,
        verbinding=verbinding,
        uitkomst=uitkomst,
    )


def _verbindingen(
    rng: np.random.Generator,
    path: IntArray,
    uitkomst: npt.NDArray[np.object_],
    first_contact: IntArray,
    close: IntArray,
    withdraw: IntArray,
) -> IntArray:
    """Moments of connections to offers, between the first contact and the
    end of care, in order. How many follows from the outcome."""
    n = len(path)
    count = np.zeros(n, dtype=np.int64)
    count[uitkomst == "verbonden"] = (
        1 + rng.binomial(2, 0.3, n)[uitkomst == "verbonden"]
    )
    m = uitkomst == "geholpen"
    count[m] = rng.binomial(2, 0.35, int(m.sum()))
    m = uitkomst == "zelf_verder"
    count[m] = rng.random(int(m.sum())) < 0.1
    count[path != NORMAAL] = 0
    m = path == TOESTEMMING_LAAT
    count[m] = rng.random(int(m.sum())) < 0.3
    end = np.where(path == NORMAAL, close, withdraw)
    fractions = np.sort(rng.uniform(0.05, 0.95, (n, MAX_VERBINDINGEN)), axis=1)
    span = np.where(end < NEVER, end - first_contact, 0)
    at = first_contact[:, None] + (fractions * span[:, None]).astype(np.int64)
    at = np.maximum(at, first_contact[:, None] + 1)
    at[np.arange(MAX_VERBINDINGEN)[None, :] >= count[:, None]] = NEVER
    return at
