# SPDX-License-Identifier: EUPL-1.2
"""No published referral figure gives away a small number, however the
published tables are combined (`tests.disclosure`: every table as one linear
system, solved for the least and greatest value of every cell).

* The scenario as a new user meets it: demo referrals for Zeeland, a region
  loads its own division splitting Zeeland's 13 gemeenten in two
  (`dekkend load-division … --onvolledig`) and reads the indicators of
  Zeeland under the zorgkantoor, GGD and provincie divisions, of the two new
  regions and of the national view.
* A property: random referral histories over random divisions, including
  divisions a user could upload (any grouping of gemeenten).
"""

import sys
from datetime import date
from io import StringIO
from pathlib import Path
from typing import Any

from django.core.management import call_command

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dekkend.monitoring.indicators import (
    IndicatorParameters,
    VerwijzingFeit,
    publish,
    raw_indicators_from_facts,
)
from dekkend.monitoring.selectors import referral_indicators, standaard_jaar
from dekkend.monitoring.tests.disclosure import (
    Measure,
    Table,
    audit,
    inconsistent_areas,
)
from dekkend.monitoring.tests.test_indicators import fact
from dekkend.regions.constants import (
    INDELING_GGD,
    INDELING_PROVINCIE,
    INDELING_ZORGKANTOOR,
)
from dekkend.regions.models import Gemeente, Indeling, Regio, RegioGemeente

ZEELAND_DIVISIONS = (
    (INDELING_ZORGKANTOOR, "Zeeland"),
    (INDELING_GGD, "GGD Zeeland"),
    (INDELING_PROVINCIE, "Zeeland"),
)
SPLIT = "iza-zeeland-test"


def _table(naam: str, result) -> Table:  # type: ignore[no-untyped-def]
    data = result.as_dict()
    if result.regio is not None:
        leden = {
            row["gemeentecode"]: frozenset({row["gemeentecode"]})
            for row in data["gemeenten"]
        }
    else:
        leden = {}
        for lid in RegioGemeente.objects.filter(
            indeling=result.indeling
        ).select_related("regio", "gemeente"):
            leden.setdefault(lid.regio.code, set()).add(lid.gemeente.code)
        leden = {k: frozenset(v) for k, v in leden.items()}
    return Table(naam, data, leden)


@pytest.mark.django_db
def test_the_zeeland_scenario_leaks_nothing(tmp_path: Path) -> None:
    call_command("demo_referrals", "--regio", "Zeeland", stdout=StringIO())
    zeeland = sorted(
        Gemeente.objects.filter(
            regiogemeente__regio__code="ZK27",
            regiogemeente__indeling__naam=INDELING_ZORGKANTOOR,
        ).values_list("code", flat=True)
    )
    assert len(zeeland) == 13
    csv = tmp_path / "split.csv"
    csv.write_text(
        "gemeentecode,regio,regiocode\n"
        + "".join(
            f"{code},{'Zeeland Noord' if i < 6 else 'Zeeland Zuid'},"
            f"{'ZN' if i < 6 else 'ZZ'}\n"
            for i, code in enumerate(zeeland)
        )
    )
    call_command("load_division", SPLIT, str(csv), "--onvolledig", stdout=StringIO())

    jaar = standaard_jaar()
    tables = []
    for division, naam in (
        *ZEELAND_DIVISIONS,
        (SPLIT, "Zeeland Noord"),
        (SPLIT, "Zeeland Zuid"),
    ):
        indeling = Indeling.objects.get(naam=division)
        regio = Regio.objects.get(indeling=indeling, naam=naam)
        result = referral_indicators(indeling=indeling, regio=regio, jaar=jaar)
        tables.append(_table(f"{division}/{naam}", result))
    for division in (SPLIT,):
        indeling = Indeling.objects.get(naam=division)
        result = referral_indicators(indeling=indeling, regio=None, jaar=jaar)
        tables.append(_table(f"{division}/landelijk", result))

    found = audit(tables)
    sys.stdout.write(
        f"\nZeeland scenario: {found.published} published and {found.hidden} hidden "
        f"count cells checked; recovered {len(found.recovered)} "
        f"({len(found.distinct_recovered())} distinct, {found.shown_elsewhere} "
        f"printed in another table), narrowed {len(found.narrowed)}\n"
    )
    for cell in found.recovered + found.narrowed:
        sys.stdout.write(f"  {cell}\n")
    assert found.published > 0
    assert inconsistent_areas(tables) == []
    assert found.leaks == 0


# -- the attacker itself --------------------------------------------------------


def _row(code: str | None, verwijzingen: int | None) -> dict[str, Any]:
    row: dict[str, Any] = {
        "verwijzingen": verwijzingen,
        "verwijzingen_onderdrukt": verwijzingen is None,
        "te_laat_zonder_terugkoppeling": 0,
        "te_laat_zonder_terugkoppeling_onderdrukt": False,
        "verbindingen_per_soort": {},
        "verbindingen_per_soort_onderdrukt": {},
        "uitkomsten": {},
        "uitkomsten_onderdrukt": {},
    }
    if code is not None:
        row["gemeentecode"] = code
    return row


def test_the_attacker_recovers_a_cell_hidden_in_one_table_only() -> None:
    """Per-table suppression, as before: A 12, B 3 hidden, C 7 hidden beside
    the total 22 protects B within the table; a second region of A and B
    with its total 15 gives B back."""
    leden = {c: frozenset({c}) for c in "ABC"}
    first = Table(
        "abc",
        {
            "gemeenten": [_row("A", 12), _row("B", None), _row("C", None)],
            "totaal": _row(None, 22),
        },
        leden,
    )
    alone = audit([first])
    assert alone.hidden == 2 and alone.leaks == 0
    second = Table(
        "ab",
        {"gemeenten": [_row("A", 12), _row("B", None)], "totaal": _row(None, 15)},
        {c: leden[c] for c in "AB"},
    )
    both = audit([first, second])
    assert {(c.row, c.low) for c in both.recovered} >= {("B", 3), ("C", 7)}


# -- the property ---------------------------------------------------------------

CODES = tuple(f"GM9{i:03d}" for i in range(1, 8))
UITKOMSTEN = ("verbonden", "geholpen", "niet_bereikt", "terug_naar_huisarts")
SOORTEN = ("lsp", "welzijn")
PEILDATUM = date(2027, 2, 1)


@st.composite
def referral(draw: st.DrawFn, codes: tuple[str, ...]) -> VerwijzingFeit:
    offset = st.one_of(st.none(), st.integers(0, 40))
    return fact(
        draw(st.sampled_from(codes)),
        draw(st.dates(date(2026, 1, 1), date(2026, 12, 31))),
        contact=draw(offset),
        feedback=draw(offset),
        closed=draw(offset),
        uitkomst=draw(st.one_of(st.none(), st.sampled_from(UITKOMSTEN))),
        verbindingen=tuple(draw(st.sets(st.sampled_from(SOORTEN)))),
        status=draw(st.sampled_from(("verstuurd", "in_behandeling", "afgesloten"))),
    )


@st.composite
def scenario(draw: st.DrawFn) -> tuple[Any, ...]:
    n = draw(st.integers(3, len(CODES)))
    codes = CODES[:n]
    inwoners = {c: draw(st.integers(500, 60_000)) for c in codes}
    facts = draw(st.lists(referral(codes), max_size=80))
    # Divisions: each gemeente in one region, or (an incomplete upload) none;
    # region labels are arbitrary, so any grouping of gemeenten can occur.
    divisions = draw(
        st.lists(
            st.lists(st.one_of(st.none(), st.integers(0, 3)), min_size=n, max_size=n),
            min_size=1,
            max_size=4,
        )
    )
    return codes, inwoners, facts, divisions


def _published_tables(
    codes: tuple[str, ...],
    inwoners: dict[str, int],
    facts: list[VerwijzingFeit],
    divisions: list[list[int | None]],
    params: IndicatorParameters,
) -> list[Table]:
    """Every table the monitor would publish: each region of each division
    per gemeente, and each division's national view per region."""
    atoms = {
        a.gemeentecode: a
        for a in raw_indicators_from_facts(facts, inwoners, params).gemeenten
    }
    tables = []
    for d, labels in enumerate(divisions):
        regions: dict[str, list[str]] = {}
        for code, label in zip(codes, labels, strict=True):
            if label is not None:
                regions.setdefault(f"R{d}.{label}", []).append(code)
        for name, members in regions.items():
            raw = raw_indicators_from_facts(
                facts, {c: inwoners[c] for c in members}, params
            )
            tables.append(
                Table(
                    name,
                    publish(raw).as_dict(with_parameters=True),
                    {c: frozenset({c}) for c in members},
                )
            )
        if not regions:
            continue
        region_of = {c: r for r, ms in regions.items() for c in ms}
        relabelled = [
            # Outside the division: a code without inhabitants, not counted
            # (kept so the codes of outcomes and kinds stay the same).
            VerwijzingFeit(
                region_of.get(f.gemeentecode, "GM9999"),
                *(getattr(f, k) for k in FEIT_FIELDS[1:]),
            )
            for f in facts
        ]
        region_inwoners = {r: sum(inwoners[c] for c in ms) for r, ms in regions.items()}
        raw = raw_indicators_from_facts(relabelled, region_inwoners, params)
        national = publish(
            raw, leden={r: [atoms[c] for c in ms] for r, ms in regions.items()}
        )
        tables.append(
            Table(
                f"D{d}",
                national.as_dict(with_parameters=True),
                {r: frozenset(ms) for r, ms in regions.items()},
            )
        )
    return tables


FEIT_FIELDS = tuple(VerwijzingFeit.__dataclass_fields__)
TOTALS = {"published": 0, "hidden": 0, "recovered": 0, "examples": 0}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=scenario(), peil=st.sampled_from((date(2026, 9, 30), PEILDATUM)))
def _no_published_combination_recovers_a_count(
    data: tuple[Any, ...], peil: date
) -> None:
    codes, inwoners, facts, divisions = data
    params = IndicatorParameters.kalenderjaar("Test", 2026, peildatum=peil)
    tables = _published_tables(codes, inwoners, facts, divisions, params)
    exact = raw_indicators_from_facts(facts, inwoners, params)
    truth: dict[tuple[str, Measure], int] = {}
    for a in exact.gemeenten:
        code = a.gemeentecode or ""
        truth[code, ("verwijzingen", "")] = a.verwijzingen
        truth[code, ("te_laat_zonder_terugkoppeling", "")] = (
            a.te_laat_zonder_terugkoppeling
        )
        for k, v in a.verbindingen_per_soort:
            truth[code, ("verbindingen_per_soort", k)] = v
        for k, v in a.uitkomsten:
            truth[code, ("uitkomsten", k)] = v
    found = audit(tables, truth=truth)
    TOTALS["published"] += found.published
    TOTALS["hidden"] += found.hidden
    TOTALS["recovered"] += found.leaks
    TOTALS["examples"] += 1
    assert found.hidden == 0  # counts are rounded, never hidden
    assert inconsistent_areas(tables) == []
    assert found.leaks == 0, found.recovered + found.narrowed


def test_no_published_combination_recovers_a_count() -> None:
    """The property, and what it checked (printed with -s)."""
    _no_published_combination_recovers_a_count()
    sys.stdout.write(
        f"\nproperty: {TOTALS['examples']} examples, {TOTALS['published']} published "
        f"and {TOTALS['hidden']} hidden count cells checked, "
        f"{TOTALS['recovered']} recoverable\n"
    )
    assert TOTALS["examples"] > 0 and TOTALS["recovered"] == 0
