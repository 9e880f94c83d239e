# SPDX-License-Identifier: EUPL-1.2
"""The resident of a synthetic referral: fake name, phone number, e-mail
address, date of birth and postcode (a real PC4 of the gemeente with random
letters), the problems named, and nothing of it after anonymisation.

What does not belong here: the workflow (`generate`, `tables`) and Django.
"""

import json
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from dekkend.referrals.synthetic import texts
from dekkend.referrals.synthetic.clock import IntArray, to_day
from dekkend.referrals.synthetic.generate import Timeline
from dekkend.referrals.synthetic.model import Keten

PROBLEEM_CODES = [p[0] for p in texts.PROBLEMEN]
# JSON of every subset of problems (bit i = PROBLEEM_CODES[i]), codes sorted
# as the service stores them.
JSON_BY_MASK = np.array(
    [
        json.dumps(sorted(c for i, c in enumerate(PROBLEEM_CODES) if mask >> i & 1))
        for mask in range(1 << len(PROBLEEM_CODES))
    ],
    dtype=object,
)
_POSTCODE_LETTERS = np.array(list("ABCDEFGHJKLMNPRTVWXZ"), dtype=object)


def problemen_draw(rng: np.random.Generator, n: int) -> IntArray:
    """1 to 3 problems per referral, drawn without replacement by weight
    (as a bit mask over PROBLEEM_CODES)."""
    weights = np.array([p[1] for p in texts.PROBLEMEN])
    keys = rng.random((n, len(weights))) ** (1 / weights)
    k = rng.choice([1, 2, 3], size=n, p=[0.35, 0.4, 0.25])
    rank = np.argsort(-keys, axis=1).argsort(axis=1)
    chosen = rank < k[:, None]
    return (chosen * (1 << np.arange(len(weights)))).sum(axis=1).astype(np.int64)


def inwoner_columns(
    rng: np.random.Generator,
    tl: Timeline,
    ketens: Sequence[Keten],
    anon: npt.NDArray[np.bool_],
) -> dict[str, np.ndarray]:
    n = len(tl)
    nummer = rng.integers(1, 10_000_000, n)
    naam = np.array([f"{texts.NAAM_PREFIX} {x:07d}" for x in nummer], dtype=object)
    has_tel = rng.random(n) < 0.85
    has_mail = (rng.random(n) < 0.4) | ~has_tel
    tel = np.array(
        [f"{texts.TELEFOON_PREFIX}{x:06d}" for x in rng.integers(0, 1_000_000, n)],
        dtype=object,
    )
    mail = np.array(
        [f"demo.inwoner.{x:07d}@{texts.EMAIL_DOMEIN}" for x in nummer], dtype=object
    )
    age_days = (rng.triangular(18, 45, 95, n) * 365.25).astype(np.int64)
    geboren = to_day(tl.create) - age_days.astype("timedelta64[D]")
    postcode = np.full(n, "", dtype=object)
    for g, keten in enumerate(ketens):
        rows = np.nonzero(tl.gemeente == g)[0]
        if not keten.pc4 or not len(rows):
            continue
        weights = np.array([max(w, 1) for _, w in keten.pc4], dtype=np.float64)
        codes = np.array([c for c, _ in keten.pc4], dtype=object)
        postcode[rows] = codes[
            rng.choice(len(codes), len(rows), p=weights / weights.sum())
        ]
    letters = _POSTCODE_LETTERS[rng.integers(0, len(_POSTCODE_LETTERS), (n, 2))]
    postcode = np.where(postcode != "", postcode + letters[:, 0] + letters[:, 1], "")
    toelichting = np.array(texts.TOELICHTING, dtype=object)[
        rng.integers(0, len(texts.TOELICHTING), n)
    ]
    nat = np.datetime64("NaT", "D")
    return {
        "inwoner_naam": np.where(anon, "", naam).astype(object),
        "inwoner_geboortedatum": np.where(anon, nat, geboren).astype("datetime64[D]"),
        "inwoner_telefoon": np.where(anon | ~has_tel, "", tel).astype(object),
        "inwoner_email": np.where(anon | ~has_mail, "", mail).astype(object),
        "inwoner_postcode": np.where(anon, "", postcode).astype(object),
        "inwoner_bsn": np.full(n, "", dtype=object),  # never a BSN
        "inwoner_toelichting": np.where(anon, "", toelichting).astype(object),
    }
