# SPDX-License-Identifier: EUPL-1.2
"""`dekkend referral-indicators`: a table by default, the API's JSON with
--json (suppressed cells null with a flag), clear errors for an unknown
division, region or year."""

import json
import sys
from io import StringIO

from django.core.management import call_command
from django.core.management.base import CommandError

import pytest

from dekkend.manage import main
from dekkend.monitoring.tests.conftest import GOES, JAAR, MIDDELBURG

pytestmark = pytest.mark.django_db

ZEELAND = ("--division", "zorgkantoorregio-2025", "--regio", "ZK27")


def _run(*args: str) -> str:
    out = StringIO()
    call_command("referral_indicators", *args, stdout=out)
    return out.getvalue()


def test_json(zeeland_data):
    data = json.loads(_run(*ZEELAND, "--year", str(JAAR), "--json"))

    assert data["regio"] == "Zeeland"
    assert data["jaar"] == JAAR
    assert data["periode"] == {"start": "2025-01-01", "eind": "2025-12-31"}
    assert data["drempel"] == 5
    assert data["parameters"]["streefwaarde_per_10k"] == 60
    assert data["afronding"] == 5
    # 8 + 5 + 3 referrals, each gemeente rounded to a multiple of 5: 10 + 5 + 5
    assert data["totaal"]["verwijzingen"] == 20
    assert data["totaal"]["verwijzingen_onderdrukt"] is False
    rows = {g["gemeentecode"]: g for g in data["gemeenten"]}
    assert len(rows) == 13
    assert rows[MIDDELBURG]["verwijzingen"] == 10
    assert rows[MIDDELBURG]["verwijzingen_per_10k"] == 2.0
    assert rows[GOES]["verwijzingen"] == 5  # 3, rounded
    assert rows[GOES]["verwijzingen_onderdrukt"] is False
    assert rows[GOES]["mediaan_dagen_tot_eerste_contact_onderdrukt"] is True
    assert rows[GOES]["naam"] == "Goes"


def test_table(zeeland_data):
    text = _run(*ZEELAND, "--year", str(JAAR))

    assert "Zeeland (zorgkantoorregio-2025), 2025" in text
    middelburg = next(line for line in text.splitlines() if "Middelburg" in line)
    assert " 10 " in middelburg
    goes = next(line for line in text.splitlines() if "Goes" in line)
    assert " 5 " in goes and "–" in goes  # a median of 3 referrals is not shown
    assert " 3 " not in goes
    assert "Totaal" in text
    assert "binnen 10 werkdagen" in text


def test_unknown_division():
    with pytest.raises(
        CommandError, match="Onbekende indeling 'nergens'.*zorgkantoorregio-2025"
    ):
        _run("--division", "nergens", "--regio", "ZK27")


def test_unknown_region():
    with pytest.raises(CommandError, match="Onbekende regio 'Atlantis'.*Zeeland"):
        _run("--division", "zorgkantoorregio-2025", "--regio", "Atlantis")


def test_year_out_of_range():
    with pytest.raises(CommandError, match="Jaar 1999"):
        _run(*ZEELAND, "--year", "1999")


def test_the_hyphenated_command_line(zeeland_data, monkeypatch, capsys):
    monkeypatch.setattr(
        sys,
        "argv",
        ["dekkend", "referral-indicators", *ZEELAND, "--year", "2025", "--json"],
    )
    main()

    assert json.loads(capsys.readouterr().out)["totaal"]["verwijzingen"] == 20
