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
from io import StringIO
from pathlib import Path

from django.core.management import call_command

import pytest

from dekkend.monitoring.selectors import referral_indicators, standaard_jaar
from dekkend.monitoring.tests.disclosure import Table, audit
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
    assert found.leaks == 0
