# SPDX-License-Identifier: EUPL-1.2
"""Management commands: the LSP summary, loading reference data and the LSP
list, roles, and the demo accounts."""

import json
import re
import shutil
from io import StringIO

from django.conf import settings
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command

import pytest

from dekkend.accounts.models import User
from dekkend.accounts.roles import ROLES
from dekkend.regions.models import Bevolking
from dekkend.register.models import OrganisatieLid

pytestmark = pytest.mark.django_db


def _run(*args: str) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


# --- lsp_summary -------------------------------------------------------------


def test_lsp_summary_json_has_division_regions_totals_and_organisations():
    result = json.loads(_run("lsp_summary", "--json"))
    assert set(result) >= {"division", "regios", "totaal", "organisaties"}
    assert result["division"] == "lsp-monitor-2025"
    assert result["totaal"]["totaal"] == 318
    assert result["organisaties"] == 90
    assert len(result["regios"]) == 42


def test_lsp_summary_on_the_zorgkantoor_division():
    result = json.loads(
        _run("lsp_summary", "--division", "zorgkantoorregio-2025", "--json")
    )
    assert result["division"] == "zorgkantoorregio-2025"
    assert len(result["regios"]) == 31
    assert result["totaal"]["totaal"] == 318
    assert "buiten_indeling" not in result


def test_lsp_summary_on_a_given_date():
    result = json.loads(_run("lsp_summary", "--date", "2025-11-01", "--json"))
    assert result["peildatum"] == "2025-11-01"


def test_lsp_summary_prints_a_table_with_the_total():
    out = _run("lsp_summary", "--division", "provincie-2025")
    assert "Provincies" in out
    assert re.search(r"Totaal\s*│\s*0\s*│\s*0\s*│\s*0\s*│\s*318\s*│\s*318", out)
    assert out.rstrip().endswith("90 organisaties")


def test_lsp_summary_of_an_unknown_division_lists_the_known_ones():
    with pytest.raises(CommandError) as info:
        call_command("lsp_summary", "--division", "iza-2026")
    message = str(info.value)
    assert "Onbekende indeling 'iza-2026'" in message
    for naam in (
        "zorgkantoorregio-2025",
        "ggd-regio-2022",
        "provincie-2025",
        "lsp-monitor-2025",
    ):
        assert naam in message


# --- load_reference / load_lsp_2025 ------------------------------------------


def test_load_reference_without_data_says_where_to_get_it(tmp_path):
    with pytest.raises(CommandError) as info:
        call_command("load_reference", "--data-dir", str(tmp_path))
    message = str(info.value)
    assert f"Geen referentiedata gevonden in {tmp_path}" in message
    assert "--data-dir" in message
    assert "DEKKEND_DATA_DIR" in message
    assert "gemeenten_2025.csv" in message
    assert "cbs.nl" in message


def test_load_reference_also_loads_cbs_files_with_a_year_in_the_name(tmp_path):
    for path in settings.DEKKEND_DATA_DIR.iterdir():
        if path.is_file():
            (tmp_path / path.name).symlink_to(path)
    (tmp_path / "cbs").mkdir()
    (tmp_path / "cbs" / "kwb-2025.csv").write_text(
        '"ID";"WijkenEnBuurten";"SoortRegio_2";"AantalInwoners_5"\n'
        '1;"GM0363    ";"Gemeente  ";940000\n'
        '2;"GM0014    ";"Gemeente  ";245000\n',
        encoding="utf-8",
    )
    out = _run("load_reference", "--data-dir", str(tmp_path))
    assert "CBS kwb-2025.csv: 2 gemeenten" in out
    assert (
        "342 gemeenten (17,942,942 inwoners op 1-1-2024), 4067 postcodegebieden" in out
    )
    assert "zorgkantoorregio-2025 (31 regio's)" in out
    assert out.rstrip().endswith("; 2 rijen gewijzigd.")  # only the two CBS rows
    assert (
        Bevolking.objects.get(gemeente__code="GM0363", peiljaar=2025).inwoners
        == 940_000
    )


def test_load_reference_refuses_a_cbs_file_without_a_year(tmp_path):
    for name in ("gemeenten_2025.csv", "pc4_2021.csv"):
        shutil.copy(settings.DEKKEND_DATA_DIR / name, tmp_path / name)
    (tmp_path / "cbs").mkdir()
    (tmp_path / "cbs" / "kerncijfers.csv").write_text("x\n", encoding="utf-8")
    with pytest.raises(CommandError) as info:
        call_command("load_reference", "--data-dir", str(tmp_path))
    assert "kerncijfers.csv: geen jaartal in de bestandsnaam" in str(info.value)


def test_load_lsp_2025_again_creates_nothing():
    out = _run("load_lsp_2025")
    assert out.strip() == (
        "318 LSP-locaties van 90 organisaties in 42 regio's; 0 nieuw aangemaakt."
    )


# --- roles and demo accounts -------------------------------------------------


def test_setup_roles_names_every_role():
    out = _run("setup_roles")
    assert out.startswith(f"{len(ROLES)} rollen bijgewerkt: ")
    for role in ROLES:
        assert role.name in out


def _passwords(out: str) -> dict[str, tuple[str, str]]:
    """username -> (role, password) from the demo_setup output."""
    found = re.findall(
        r"^\s+(\S+)\s+gebruikersnaam (\S+)\s+wachtwoord (\S+)$", out, re.M
    )
    return {username: (role, password) for role, username, password in found}


def test_demo_setup_prints_one_working_account_per_role():
    out = _run("demo_setup")
    accounts = _passwords(out)
    assert {role for role, _ in accounts.values()} == {r.code for r in ROLES} | {
        "beheerder"
    }
    assert len(accounts) == len(ROLES) + 1
    for username, (_, password) in accounts.items():
        assert authenticate(username=username, password=password) is not None
    assert "demo-lsp beheert de steunpunten van 'Stjoer'." in out
    lsp = User.objects.get(username="demo-lsp")
    assert OrganisatieLid.objects.filter(user=lsp, organisatie__naam="Stjoer").exists()
    assert lsp.has_perm("register.change_steunpunt")
    assert User.objects.get(username="demo-beheerder").is_superuser


def test_demo_setup_again_gives_new_passwords_and_no_new_users():
    first = _passwords(_run("demo_setup"))
    users = User.objects.count()
    second = _passwords(_run("demo_setup"))
    assert User.objects.count() == users
    for username in first:
        assert first[username][1] != second[username][1]
        assert authenticate(username=username, password=first[username][1]) is None
        assert authenticate(username=username, password=second[username][1]) is not None


def test_demo_setup_is_refused_when_demo_accounts_are_not_allowed(settings):
    settings.DEKKEND_DEMO_ALLOWED = False
    with pytest.raises(CommandError) as info:
        call_command("demo_setup")
    assert "niet toegestaan" in str(info.value)
    assert not User.objects.filter(username__startswith="demo-").exists()
