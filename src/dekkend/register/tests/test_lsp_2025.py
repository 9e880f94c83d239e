# SPDX-License-Identifier: EUPL-1.2
"""The 2025 national list as loaded in the register (001 annex A, Table 4)."""

import csv
from datetime import date

import pytest

from dekkend.regions.constants import INDELING_LSP_MONITOR
from dekkend.regions.models import Indeling
from dekkend.register.importers.lsp_2025 import DATA_DIR, lsp_2025_load
from dekkend.register.models import Aanbod, MonitorTelling, Steunpunt
from dekkend.register.selectors import lsp_summary

pytestmark = pytest.mark.django_db


def test_register_holds_the_reports_318_locations_in_90_organisations():
    summary = lsp_summary(
        indeling=Indeling.objects.get(naam=INDELING_LSP_MONITOR),
        peildatum=date(2026, 1, 1),
    )
    assert summary["totaal"]["totaal"] == 318
    # The report says 91; the transcription finds 90 (see data/lsp_2025/README.md).
    assert summary["organisaties"] == 90
    assert len(summary["regios"]) == 42


def test_every_region_count_equals_table_4():
    summary = lsp_summary(
        indeling=Indeling.objects.get(naam=INDELING_LSP_MONITOR),
        peildatum=date(2026, 1, 1),
    )
    table4 = {t.regio.naam: t.totaal for t in MonitorTelling.objects.filter(jaar=2025)}
    assert sum(table4.values()) == 318
    assert {r["regio"]: r["totaal"] for r in summary["regios"]} == table4


def test_table_4_columns_add_up_to_the_report_totals():
    rows = MonitorTelling.objects.filter(jaar=2025)
    assert (
        sum(r.groot for r in rows),
        sum(r.middel for r in rows),
        sum(r.klein for r in rows),
    ) == (35, 62, 221)


def test_unnamed_extra_locations_are_marked():
    extra = Aanbod.objects.filter(naam__contains="(locatie 2 van")
    assert extra.count() == 5  # Doetinchem (2 of 3), Bruis, Sedna, Gouda, Wijchen
    assert Aanbod.objects.filter(
        naam="Stadskamer Doetinchem (locatie 3 van 3)"
    ).exists()


def test_locations_sit_at_the_gemeente_population_centre_flagged_approximate():
    steunpunt = Steunpunt.objects.select_related("aanbod__locatie__gemeente").get(
        aanbod__naam="Stadskamer Doetinchem"
    )
    locatie = steunpunt.aanbod.locatie
    assert locatie is not None
    assert locatie.coordinaat_benaderd
    assert (locatie.lat, locatie.lon) == (
        locatie.gemeente.popw_lat,
        locatie.gemeente.popw_lon,
    )
    assert steunpunt.lsp_type == "onbekend"


def test_second_load_changes_nothing():
    before = Aanbod.objects.count()
    report = lsp_2025_load()
    assert report.aangemaakt == 0
    assert Aanbod.objects.count() == before


def test_monitor_division_is_incomplete_and_holds_only_annex_gemeenten():
    indeling = Indeling.objects.get(naam=INDELING_LSP_MONITOR)
    assert not indeling.volledig
    with (DATA_DIR / "locaties.csv").open(encoding="utf-8") as handle:
        codes = {row["gemeentecode"] for row in csv.DictReader(handle)}
    members = set(indeling.regios.values_list("gemeenten__code", flat=True)) - {None}
    assert members == codes
