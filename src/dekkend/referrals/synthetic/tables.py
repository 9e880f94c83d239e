# SPDX-License-Identifier: EUPL-1.2
"""Rows from synthetic timelines: what the referral services would have
written, as NumPy columns per model (see `model.Table`).

Only events on or before the peilmoment are written. The referral's status
is the last status record; its milestone fields (`eerste_contact_op`,
`eerste_terugkoppeling_op`, `afgesloten_op`, `uitkomst`,
`terugkoppeling_bij_afsluiten`) follow from the rows written, as the
services set them. Referrals finished longer ago than the retention term are
anonymised like `services.verwijzing_anonymise` does.

What does not belong here: drawing the timelines (`generate`) and Django.
"""

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from dekkend.referrals import workflow
from dekkend.referrals.synthetic import texts
from dekkend.referrals.synthetic.care import (
    contacts_table,
    rows_by_peil,
    terugkoppelingen_table,
    verbindingen_table,
)
from dekkend.referrals.synthetic.clock import NEVER, IntArray, utc_minutes
from dekkend.referrals.synthetic.generate import (
    INTREKKEN,
    NIET_BEREIKT,
    NORMAAL,
    TERUG_VERSTUURD,
    TOESTEMMING_LAAT,
    TOESTEMMING_VROEG,
    Timeline,
    choice,
)
from dekkend.referrals.synthetic.model import Keten, Parameters, Plan, Table
from dekkend.referrals.synthetic.people import (
    JSON_BY_MASK,
    inwoner_columns,
    problemen_draw,
)

S = workflow.Status
A = workflow.Actie
Obj = npt.NDArray[np.object_]


def _objects(value: str, n: int) -> Obj:
    return np.full(n, value, dtype=object)


def plan_tables(tl: Timeline, ketens: Sequence[Keten], params: Parameters) -> Plan:
    """The rows of `tl` as a `Plan` (Verwijzing, Toestemming,
    StatusWijziging, Contact, Verbinding, Terugkoppeling)."""
    rng = np.random.default_rng([params.seed, 2, params.deel])
    anonimiseren = params.anonimiseren
    n, peil = len(tl), tl.peil
    status_rows, status, status_sinds = _status_history(tl, rng)
    final = np.isin(
        status, [S.TERUGGESTUURD.value, S.AFGESLOTEN.value, S.INGETROKKEN.value]
    )
    maanden = np.array([k.bewaartermijn_maanden for k in ketens], np.int64)[tl.gemeente]
    # The daily retention job (04:00) anonymises the first night after the term.
    anon_at = (
        status_sinds // 1440 + np.round(maanden * 30.44).astype(np.int64) + 1
    ) * 1440
    anon_at += 4 * 60
    anon = final & (anon_at <= peil) if anonimiseren else np.zeros(n, dtype=bool)
    anon_at = np.where(anon, anon_at, NEVER)

    fb = np.where(tl.feedback <= peil, tl.feedback, NEVER)
    contact0 = np.where(tl.contact[:, 0] <= peil, tl.contact[:, 0], NEVER)
    closed = (tl.close <= peil) & np.isin(tl.path, [NORMAAL, NIET_BEREIKT])
    mask = problemen_draw(rng, n)
    verwijzer_org = np.empty(n, np.int64)
    verwijzer_user = np.empty(n, np.int64)
    for g, keten in enumerate(ketens):
        rows = tl.gemeente == g
        pairs = np.array(keten.verwijzers, dtype=np.int64)[tl.verwijzer[rows]]
        verwijzer_org[rows], verwijzer_user[rows] = pairs[:, 0], pairs[:, 1]
    gemeente_ids = np.array([k.gemeente_id for k in ketens], np.int64)[tl.gemeente]
    ontvanger = np.array([k.ontvanger_id for k in ketens], np.int64)[tl.gemeente]

    verwijzing = Table(
        "Verwijzing",
        {
            "verwijzer_id": verwijzer_user,
            "verwijzer_organisatie_id": verwijzer_org,
            "ontvanger_organisatie_id": ontvanger,
            "gemeente_id": gemeente_ids,
            "status": status,
            "status_sinds": utc_minutes(status_sinds),
            "aangemaakt_op": utc_minutes(tl.create),
            **inwoner_columns(rng, tl, ketens, anon),
            "problemen": JSON_BY_MASK[mask],
            "voorwaarde_niet_alleen_medisch": np.ones(n, bool),
            "voorwaarde_geen_ggz": np.ones(n, bool),
            "voorwaarde_vraagverheldering_nodig": np.ones(n, bool),
            "voorwaarde_onvoldoende_eigen_regie": np.ones(n, bool),
            "warme_overdracht": choice(rng, texts.WARME_OVERDRACHT, n),
            "eerste_contact_op": utc_minutes(contact0),
            "eerste_terugkoppeling_op": utc_minutes(fb.min(axis=1)),
            "afgesloten_op": utc_minutes(np.where(closed, tl.close, NEVER)),
            "uitkomst": np.where(closed, tl.uitkomst, ""),
            "terugkoppeling_bij_afsluiten": fb[:, 2] < NEVER,
            "herinnering_verstuurd_op": utc_minutes(np.full(n, NEVER)),
            "geanonimiseerd_op": utc_minutes(anon_at),
        },
    )
    withdrawn = np.where(tl.path == TOESTEMMING_VROEG, tl.decide, tl.withdraw)
    toestemming = Table(
        "Toestemming",
        {
            "gegeven_door": np.where(
                rng.random(n) < 0.04, "vertegenwoordiger", "inwoner"
            ).astype(object),
            "gegeven_op": utc_minutes(tl.create - rng.integers(1, 121, n)),
            "wijze": choice(rng, texts.TOESTEMMING_WIJZE, n),
            "doel": _objects(texts.TOESTEMMING_DOEL, n),
            "vastgelegd_door_id": verwijzer_user,
            "ingetrokken_op": utc_minutes(
                np.where(withdrawn <= peil, withdrawn, NEVER)
            ),
        },
        np.arange(n, dtype=np.int64),
    )
    status_rows.columns["door_id"] = np.where(
        status_rows.columns["door_id"] < 0,
        verwijzer_user[status_rows.verwijzing],
        status_rows.columns["door_id"],
    )
    _clear(status_rows, "reden", anon)
    return Plan(
        [
            verwijzing,
            toestemming,
            status_rows,
            contacts_table(rng, tl, mask),
            verbindingen_table(rng, tl, ketens, anon),
            terugkoppelingen_table(tl, anon),
        ]
    )


def _clear(table: Table, column: str, anon: npt.NDArray[np.bool_]) -> None:
    assert table.verwijzing is not None
    table.columns[column][anon[table.verwijzing]] = ""


def _status_history(
    tl: Timeline, rng: np.random.Generator
) -> tuple[Table, Obj, IntArray]:
    """StatusWijziging rows and, per referral, the current status and since
    when. `door_id` -1 means the referrer (filled in by the caller)."""
    n, path = len(tl), tl.path
    contact_path = np.isin(path, [NORMAAL, TOESTEMMING_LAAT])
    # One column per step, in the order the steps happen on every path.
    steps: dict[str, list[np.ndarray]] = {
        k: [] for k in ("t", "van", "naar", "actie", "door", "reden")
    }

    def add(*values: object) -> None:
        for key, value in zip(steps, values, strict=True):
            dtype = np.int64 if key in ("t", "door") else object
            steps[key].append(np.broadcast_to(np.asarray(value, dtype=dtype), (n,)))

    referrer = np.full(n, -1, np.int64)
    add(tl.create, "", S.VERSTUURD.value, "aanmaken", referrer, "")
    decide_naar = np.full(n, S.GEACCEPTEERD.value, dtype=object)
    decide_actie = np.full(n, A.ACCEPTEREN.value, dtype=object)
    decide_reden = np.full(n, "", dtype=object)
    decide_door = tl.brug.copy()
    for p, naar, actie, redenen in (
        (TERUG_VERSTUURD, S.TERUGGESTUURD, A.TERUGSTUREN, texts.REDEN_TERUGSTUREN),
        (INTREKKEN, S.INGETROKKEN, A.INTREKKEN, texts.REDEN_INTREKKEN),
        (TOESTEMMING_VROEG, S.INGETROKKEN, A.TOESTEMMING_INGETROKKEN, ("",)),
    ):
        m = path == p
        decide_naar[m], decide_actie[m] = naar.value, actie.value
        decide_reden[m] = np.array(redenen, dtype=object)[
            rng.integers(0, len(redenen), int(m.sum()))
        ]
        if p != TERUG_VERSTUURD:
            decide_door[m] = -1
    add(
        tl.decide,
        S.VERSTUURD.value,
        decide_naar,
        decide_actie,
        decide_door,
        decide_reden,
    )
    add(
        tl.terug,
        S.GEACCEPTEERD.value,
        S.TERUGGESTUURD.value,
        A.TERUGSTUREN.value,
        tl.brug,
        np.array(texts.REDEN_TERUGSTUREN, dtype=object)[
            rng.integers(0, len(texts.REDEN_TERUGSTUREN), n)
        ],
    )
    add(
        np.where(contact_path, tl.contact[:, 0], NEVER),
        S.GEACCEPTEERD.value,
        S.IN_BEHANDELING.value,
        A.EERSTE_CONTACT.value,
        tl.brug,
        "",
    )
    add(
        tl.pause,
        S.IN_BEHANDELING.value,
        S.GEPAUZEERD.value,
        A.PAUZEREN.value,
        tl.brug,
        np.array(texts.REDEN_PAUZEREN, dtype=object)[
            rng.integers(0, len(texts.REDEN_PAUZEREN), n)
        ],
    )
    add(
        tl.resume,
        S.GEPAUZEERD.value,
        S.IN_BEHANDELING.value,
        A.HERVATTEN.value,
        tl.brug,
        "",
    )
    add(
        tl.close,
        np.where(
            path == NIET_BEREIKT, S.GEACCEPTEERD.value, S.IN_BEHANDELING.value
        ).astype(object),
        S.AFGESLOTEN.value,
        A.AFSLUITEN.value,
        tl.brug,
        "",
    )
    add(
        tl.withdraw,
        S.IN_BEHANDELING.value,
        S.INGETROKKEN.value,
        A.TOESTEMMING_INGETROKKEN.value,
        tl.brug,
        "",
    )
    row, slot, t = rows_by_peil(np.stack(steps["t"], axis=1), tl.peil)
    cols = [
        np.stack(steps[k], axis=1)[row, slot]
        for k in ("van", "naar", "actie", "door", "reden")
    ]
    table = Table(
        "StatusWijziging",
        {
            "van": cols[0],
            "naar": cols[1],
            "actie": cols[2],
            "door_id": cols[3].astype(np.int64),
            "reden": cols[4].copy(),
            "op": utc_minutes(t),
        },
        row,
    )
    # Current status: the last record of each referral (every referral has one).
    last = np.r_[np.nonzero(np.diff(row))[0], len(row) - 1]
    assert np.array_equal(row[last], np.arange(n))
    return table, cols[1][last].astype(object), t[last]
