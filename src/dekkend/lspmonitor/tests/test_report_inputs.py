# SPDX-License-Identifier: EUPL-1.2
"""The report read from the database: the 2025 round from the loaded register
and its published figures, a 2026 round from its base list and responses,
and `dekkend monitor-report`."""

import io
from datetime import date, timedelta
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone, translation

import pytest
from openpyxl import load_workbook

from dekkend.lspmonitor.models import (
    BezoekersTelling,
    Kandidaat,
    Respons,
    Ronde,
    Uitnodiging,
)
from dekkend.lspmonitor.report import graphs, tables
from dekkend.lspmonitor.report.document import rapport_document, tekst_van
from dekkend.lspmonitor.report.inputs import RondeOnbekend, rapport_invoer
from dekkend.regions.models import Indeling, Regio
from dekkend.register.models import MonitorTelling, Steunpunt

pytestmark = pytest.mark.django_db

MONITOR = "lsp-monitor-2025"


@pytest.fixture(autouse=True)
def _dutch():
    with translation.override("nl"):
        yield


def test_2025_table4_is_the_published_35_62_221() -> None:
    invoer = rapport_invoer(ronde=2025)
    published = tables.tabel4_gepubliceerd(invoer)
    assert published is not None and published.gepubliceerd
    total = published.totaal
    assert (total.groot, total.middel, total.klein, total.totaal) == (35, 62, 221, 318)
    by_code = {r.regio: r for r in published.rijen}
    for t in MonitorTelling.objects.filter(jaar=2025).select_related("regio"):
        row = by_code[t.regio.code]
        assert (row.groot, row.middel, row.klein) == (t.groot, t.middel, t.klein)
    assert len(published.rijen) == 42


def test_2025_regenerated_table4_has_every_size_unknown_but_region_totals_match() -> (
    None
):
    invoer = rapport_invoer(ronde=2025)
    regenerated = tables.tabel4(invoer)
    total = regenerated.totaal
    # The annex lost its size column: no location has a known size.
    assert (total.groot, total.middel, total.klein) == (0, 0, 0)
    assert total.onbekend == total.totaal == 318
    table = tables.tabel4_gepubliceerd(invoer)
    assert table is not None
    published = {r.regio: r.totaal for r in table.rijen}
    assert {r.regio: r.totaal for r in regenerated.rijen} == published


def test_2025_report_says_in_words_why_sizes_are_unknown() -> None:
    text = tekst_van(rapport_document(rapport_invoer(ronde=2025)).blocks)
    assert (
        "Gepubliceerd (tabel 4): 35 grote, 62 middelgrote en 221 kleine LSP, samen 318."
        in text
    )
    assert "0 groot, 0 middelgroot, 0 klein en 318 onbekend" in text
    assert "in 42 van de 42 regio's overeen" in text
    assert "de verdeling naar grootte in 0 van de 40 regio's met LSP" in text
    assert "Waar het aantal per regio verschilt" not in text
    assert "verloor bij de omzetting de kolom met de grootte" in text
    # Method with the published numbers, Table 2 as published.
    assert (
        "uitgezet bij 86 laagdrempelige steunpunten en 113 regiocoördinatoren" in text
    )
    assert "44 IZA-regiocoördinatoren, 69 VNG-regiocoördinatoren" in text
    assert "In totaal hebben 122 mensen" in text
    assert "Totaal | 63 | 59" in text
    assert (
        "2024 → 2025: 278 → 318 laagdrempelige steunpunten; 93 erbij, 53 van de lijst af."
        in text
    )
    # Graph 2 from the text of the report; the others were not published.
    g2 = graphs.grafiek(rapport_invoer(ronde=2025), 2)
    assert g2.gepubliceerd and [c.waarde for c in g2.reeksen[0].waarden] == [26, 29, 8]
    assert (
        "Grafiek 3. Samenwerking per thema. Vanuit perspectief van laagdrempelige steunpunten.: onbekend"
        in text
    )


def test_2025_table4_per_zorgkantoorregio_counts_every_location() -> None:
    invoer = rapport_invoer(ronde=2025, indeling="zorgkantoorregio-2025")
    assert invoer.tabel4_indeling is not None
    t = tables.tabel4(invoer, invoer.tabel4_indeling)
    assert t.totaal.totaal == 318
    zeeland = next(r for r in t.rijen if r.regio == "ZK27")
    assert zeeland.totaal == 12  # Table 4: Zeeland 0 / 2 / 10


def test_unknown_round_and_division() -> None:
    with pytest.raises(RondeOnbekend):
        rapport_invoer(ronde=2031)
    with pytest.raises(Indeling.DoesNotExist):
        rapport_invoer(ronde=2025, indeling="bestaat-niet")


def _ronde_2026() -> Ronde:
    today = timezone.localdate()
    return Ronde.objects.create(
        jaar=2026,
        open_op=today - timedelta(days=10),
        sluit_op=today,
        indeling=Indeling.objects.get(naam=MONITOR),
        peildatum=date(2026, 9, 1),
        vragenlijst_versie="2025",
        status="gesloten",
    )


def _kandidaat(ronde: Ronde, sp: Steunpunt, **kw) -> Kandidaat:
    assert sp.aanbod.locatie is not None
    gemeente = sp.aanbod.locatie.gemeente
    regio = Regio.objects.get(indeling__naam=MONITOR, regiogemeente__gemeente=gemeente)
    kw.setdefault("besluit", "op_lijst")
    return Kandidaat.objects.create(
        ronde=ronde,
        steunpunt=sp,
        naam=sp.aanbod.naam,
        organisatie_naam=sp.aanbod.organisatie.naam,
        gemeente=gemeente,
        regio=regio,
        bron="register",
        **kw,
    )


def _respons(ronde: Ronde, rol: str, regio: Regio, antwoorden: dict, n: int) -> None:
    for i in range(n):
        u = Uitnodiging.objects.create(
            ronde=ronde,
            rol=rol,
            naam=f"Persoon {rol} {regio.code} {i}",
            email=f"p{i}.{rol}.{regio.code}@example.invalid",
            regio=regio,
        )
        Respons.objects.create(
            uitnodiging=u,
            ronde=ronde,
            rol=rol,
            regio=regio,
            vragenlijst_versie="2025",
            antwoorden=antwoorden,
            status="ingediend",
            ingediend_op=timezone.now(),
        )


def test_a_2026_round_from_its_base_list_and_responses() -> None:
    ronde = _ronde_2026()
    zeeland = Regio.objects.get(indeling__naam=MONITOR, code="zeeland")
    points = list(
        Steunpunt.objects.filter(aanbod__locatie__gemeente__regios=zeeland)
        .select_related("aanbod__organisatie", "aanbod__locatie__gemeente")
        .order_by("aanbod__naam")
    )
    assert len(points) == 12
    _kandidaat(ronde, points[0], lsp_type="groot", dagdelen_per_week=9)
    for sp in points[1:10]:
        _kandidaat(ronde, sp, lsp_type="klein", dagdelen_per_week=2)
    _kandidaat(ronde, points[10], besluit="af", reden="gestopt")
    # points[11] is not judged this round.
    lsp = {"rol": {"keuze": "lsp"}, "lsp.5": {"keuze": "vaak"}}
    _respons(ronde, "lsp", zeeland, lsp, 5)
    _respons(ronde, "coordinator", zeeland, {"rol": {"keuze": "vng"}}, 2)
    Uitnodiging.objects.create(
        ronde=ronde, rol="lsp", naam="X", email="x@example.invalid", regio=zeeland
    )
    for day, aantal in ((1, 12), (2, 18)):
        BezoekersTelling.objects.create(
            steunpunt=points[0],
            datum=ronde.sluit_op - timedelta(days=day),
            dagdeel="ochtend",
            aantal=aantal,
        )

    invoer = rapport_invoer(ronde=2026)
    assert len(invoer.basislijst) == 10
    assert (invoer.uitgenodigd_lsp, invoer.uitgenodigd_coordinator) == (6, 2)
    t2 = {r.regio: r for r in tables.tabel2(invoer).rijen}
    assert t2["zeeland"].lsp.waarde == 5
    # 2 coordinators: below 5, hidden.
    assert t2["zeeland"].coordinator.onderdrukt
    t4 = {r.regio: r for r in tables.tabel4(invoer).rijen}
    assert (t4["zeeland"].groot, t4["zeeland"].klein, t4["zeeland"].totaal) == (
        1,
        9,
        10,
    )
    t3 = {r.grootte: r for r in tables.tabel3(invoer).rijen}
    assert t3["groot"].bezoekers_per_dag_telling == 15.0
    g2 = graphs.grafiek(invoer, 2)
    assert [c.waarde for c in g2.reeksen[0].waarden] == [5, 0, 0]
    # Compared with 2025 as loaded (318 locations, no Ronde 2025).
    change = tables.verandering(invoer)
    assert change is not None and change.vorige_jaar == 2025
    assert (change.vorige_totaal, change.totaal) == (318, 10)
    reasons = dict(change.afgevallen_per_reden)
    assert reasons["gestopt"] == 1
    assert reasons["niet_beoordeeld"] == 318 - 10 - 1
    text = tekst_van(rapport_document(invoer).blocks)
    assert "Persoon" not in text and "example.invalid" not in text


def test_command_writes_xlsx_pdf_and_docx(tmp_path: Path) -> None:
    out = tmp_path / "rapport.xlsx"
    call_command(
        "monitor_report",
        "--ronde",
        "2025",
        "--format",
        "xlsx",
        "--output",
        str(out),
        stdout=io.StringIO(),
    )
    wb = load_workbook(io.BytesIO(out.read_bytes()))
    rows = list(wb["Tabel 4"].iter_rows(values_only=True))
    assert rows[0] == ("Regio", "Groot", "Middelgroot", "Klein", "Onbekend", "Totaal")
    assert rows[-1] == ("Totaal", 35, 62, 221, 0, 318)
    regenerated = list(wb["Tabel 4 register"].iter_rows(values_only=True))
    assert regenerated[-1] == ("Totaal", 0, 0, 0, 318, 318)
    annex = list(wb["Bijlage A"].iter_rows(values_only=True))
    assert len(annex) == 1 + 318  # header, then every support point of the register
    for fmt in ("pdf", "docx"):
        path = tmp_path / f"rapport.{fmt}"
        call_command(
            "monitor_report",
            "--ronde=2025",
            f"--format={fmt}",
            "--indeling=zorgkantoorregio-2025",
            f"--output={path}",
            stdout=io.StringIO(),
        )
        assert path.stat().st_size > 10_000
    assert (tmp_path / "rapport.pdf").read_bytes().startswith(b"%PDF")


def test_command_refuses_unknown_round_and_division(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="geen monitorronde 2031"):
        call_command(
            "monitor_report", "--ronde=2031", "--format=pdf", f"--output={tmp_path}/x"
        )
    with pytest.raises(CommandError, match="Onbekende indeling 'nergens'"):
        call_command(
            "monitor_report",
            "--ronde=2025",
            "--format=xlsx",
            "--indeling=nergens",
            f"--output={tmp_path}/x",
        )
    assert not (tmp_path / "x").exists()


def test_loaded_2025_round_gives_the_same_report_and_is_2026s_previous() -> None:
    from dekkend.lspmonitor.services.ronde_2025 import ronde_2025_load

    before = rapport_invoer(ronde=2025)
    ronde_2025_load()
    assert Ronde.objects.filter(jaar=2025, gepubliceerde_cijfers=True).exists()
    after = rapport_invoer(ronde=2025)
    for fn in (
        tables.tabel2,
        tables.tabel4,
        tables.tabel4_gepubliceerd,
        tables.methode,
    ):
        assert fn(after) == fn(before)
    change = tables.verandering(after)
    assert change is not None
    assert (change.vorige_totaal, change.totaal, change.aantal_afgevallen) == (
        278,
        318,
        53,
    )
    assert {loc.sleutel for loc in after.basislijst} == {
        loc.sleutel for loc in before.basislijst
    }
    # A 2026 round is compared with the Ronde 2025's list.
    ronde = _ronde_2026()
    sp = Steunpunt.objects.filter(aanbod__bron_sleutel__startswith="lsp-2025:").first()
    assert sp is not None
    _kandidaat(ronde, sp, lsp_type="klein", dagdelen_per_week=2)
    change_2026 = tables.verandering(rapport_invoer(ronde=ronde))
    assert change_2026 is not None and change_2026.vorige_jaar == 2025
    assert (change_2026.vorige_totaal, change_2026.totaal) == (318, 1)
    assert change_2026.aantal_nieuw == 0
    # Size unknown in 2025, klein now: not a change of size.
    assert change_2026.grootte_veranderd == ()
