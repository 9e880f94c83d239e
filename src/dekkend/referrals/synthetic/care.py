# SPDX-License-Identifier: EUPL-1.2
"""Rows of the care after acceptance: contacts with the resident,
connections to offers (on the register when the gemeente has one of that
kind, else described in words) and feedback to the referrer, each only when
it happened by the peilmoment.

What does not belong here: drawing the moments (`generate`) and Django.
"""

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from dekkend.referrals.synthetic import texts
from dekkend.referrals.synthetic.clock import NEVER, IntArray, to_day, utc_minutes
from dekkend.referrals.synthetic.generate import Timeline, choice, pick
from dekkend.referrals.synthetic.model import Keten, Table
from dekkend.referrals.synthetic.people import JSON_BY_MASK, PROBLEEM_CODES


def rows_by_peil(times: IntArray, peil: int) -> tuple[IntArray, IntArray, IntArray]:
    """(referral, slot, time) of the events in a (n, slots) matrix that
    happened by `peil`, sorted by referral and time."""
    row, slot = np.nonzero(times <= peil)
    t = times[row, slot]
    order = np.lexsort((t, row))
    return row[order], slot[order], t[order]


def contacts_table(rng: np.random.Generator, tl: Timeline, mask: IntArray) -> Table:
    row, _, t = rows_by_peil(tl.contact, tl.peil)
    m = len(row)
    own = mask[row]
    subset = own & rng.integers(1, 1 << len(PROBLEEM_CODES), m)
    subset = np.where(subset == 0, own & -own, subset)  # at least one domain
    return Table(
        "Contact",
        {
            "soort": choice(rng, texts.CONTACT_SOORT, m),
            "datum": to_day(t),
            "duur_minuten": rng.integers(3, 19, m) * 5,
            "leefgebieden": JSON_BY_MASK[subset],
            "door_id": tl.brug[row],
            "vastgelegd_op": utc_minutes(t),
        },
        row,
    )


def verbindingen_table(
    rng: np.random.Generator,
    tl: Timeline,
    ketens: Sequence[Keten],
    anon: npt.NDArray[np.bool_],
) -> Table:
    row, _, t = rows_by_peil(tl.verbinding, tl.peil)
    m = len(row)
    soorten = texts.VERBINDING_SOORT
    # Kinds drawn by weight without replacement within a referral: the j-th
    # connection of a referral gets its j-th best key.
    keys = rng.random((len(tl), len(soorten))) ** (
        1 / _weights([s[1] for s in soorten])
    )
    ranked = np.argsort(-keys, axis=1)
    first = np.searchsorted(row, row)  # index of the referral's first connection
    soort_idx = ranked[row, np.arange(m) - first]
    soort = np.array([s[0] for s in soorten], dtype=object)[soort_idx]
    omschrijving = np.array([s[2] for s in soorten], dtype=object)[soort_idx]
    aanbod = np.full(m, -1, np.int64)
    gemeente = tl.gemeente[row]
    linked = rng.random(m) < 0.85
    for g, keten in enumerate(ketens):
        by_soort: dict[str, list[int]] = {}
        for aanbod_id, code in keten.aanbod:
            by_soort.setdefault(code, []).append(aanbod_id)
        for code, ids in by_soort.items():
            sel = np.nonzero((gemeente == g) & (soort == code) & linked)[0]
            if len(sel):
                aanbod[sel] = np.array(ids, np.int64)[
                    pick(rng, np.full(len(sel), len(ids)))
                ]
    omschrijving = np.where((aanbod >= 0) | anon[row], "", omschrijving).astype(object)
    return Table(
        "Verbinding",
        {
            "aanbod_id": aanbod,
            "soort": soort,
            "omschrijving": omschrijving,
            "datum": to_day(t),
            "door_id": tl.brug[row],
        },
        row,
    )


def _weights(values: Sequence[float]) -> npt.NDArray[np.float64]:
    w = np.array(values, dtype=np.float64)
    return w / w.sum()


def terugkoppelingen_table(tl: Timeline, anon: npt.NDArray[np.bool_]) -> Table:
    row, slot, t = rows_by_peil(tl.feedback, tl.peil)
    soort = np.array(["eerste_contact", "tussentijds", "afsluiting"], dtype=object)[
        slot
    ]
    text = np.array([texts.AAN_DE_SLAG_MET[s] for s in soort], dtype=object)
    helped = np.isin(tl.uitkomst[row], ["verbonden", "geholpen", "zelf_verder"])
    geholpen = np.where(slot == 2, np.where(helped, 1, 0), -1).astype(np.int8)
    gelezen = tl.gelezen[row, slot]
    return Table(
        "Terugkoppeling",
        {
            "soort": soort,
            "aan_de_slag_met": np.where(anon[row], "", text).astype(object),
            "geholpen": geholpen,
            "verstuurd_op": utc_minutes(t),
            "door_id": tl.brug[row],
            "gelezen_op": utc_minutes(np.where(gelezen <= tl.peil, gelezen, NEVER)),
        },
        row,
    )
