# SPDX-License-Identifier: EUPL-1.2
"""The command line: export (a DOCX python-docx opens, a PDF), import of that
file into the same structure, the distribution key and the demo."""

import io
import re
import subprocess
from pathlib import Path

from django.core.management import CommandError, call_command

import pytest

from dekkend.regions.selectors import regio_gemeenten
from dekkend.werkagenda.exports import export_bijlagen
from dekkend.werkagenda.models import Verdeelsleutel
from dekkend.werkagenda.selectors import werkagenda_current, werkagenda_inhoud
from dekkend.werkagenda.tests.factories import zeeland

pytestmark = pytest.mark.django_db


def _run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_demo_export_and_reimport_round_trip(tmp_path: Path) -> None:
    call_command("demo_setup", stdout=io.StringIO())
    assert "aangemaakt" in _run("demo_werkagenda", "--regio", "ZK27")
    assert "niets gewijzigd" in _run("demo_werkagenda", "--regio", "ZK27")
    wa = werkagenda_current(zeeland())
    assert wa is not None and wa.status == "ter_vaststelling"
    assert wa.collegebesluiten.filter(uitkomst="vastgesteld").count() == 10
    assert wa.doelstellingen.filter(maatstaf="lsp.gemeenten_met_lsp").exists()
    assert wa.regio.leden.filter(user__username="demo-regio").exists()

    docx_path = tmp_path / "wa.docx"
    _run(
        "werkagenda_export",
        "--regio",
        "ZK27",
        "--format",
        "docx",
        "--output",
        str(docx_path),
    )
    import docx

    document = docx.Document(str(docx_path))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "2a. Laagdrempelige steunpunten" in text
    pdf_path = tmp_path / "wa.pdf"
    _run(
        "werkagenda_export",
        "--regio",
        "Zeeland",
        "--format",
        "pdf",
        "--output",
        str(pdf_path),
    )
    assert pdf_path.read_bytes()[:4] == b"%PDF"
    # The coverage map in the PDF is the page's map: names of the gemeenten
    # without an LSP, a scale in km and the legend are on the printed page.
    kaart = export_bijlagen(wa).figuren["2a"][0]
    zonder = kaart.alt.split("zonder LSP: ", 1)[1].split(".")[0]
    namen = zonder.replace(" en ", ", ").split(", ")
    pdf_text = subprocess.run(  # noqa: S603, S607 - fixed tool, our own file
        ["pdftotext", str(pdf_path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert namen and all(naam in pdf_text for naam in namen)
    assert re.search(r"\n\d+(,\d)? km\n", pdf_text)
    assert "gemeente zonder LSP" in pdf_text

    voor = werkagenda_inhoud(wa)
    wa.secties.all().delete()
    wa.doelstellingen.all().delete()
    wa.mijlpalen.all().delete()
    wa.partijen.all().delete()
    out = _run("werkagenda_import", "--regio", "ZK27", str(docx_path))
    assert "velden" in out
    na = werkagenda_inhoud(wa)
    assert na.onderdelen == voor.onderdelen


def test_export_refusals(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="geen werkagenda"):
        _run(
            "werkagenda_export",
            "--regio",
            "ZK27",
            "--format",
            "docx",
            "--output",
            str(tmp_path / "x"),
        )
    with pytest.raises(CommandError, match="Geen regio"):
        _run(
            "werkagenda_export",
            "--regio",
            "Atlantis",
            "--format",
            "docx",
            "--output",
            "x",
        )


def test_import_refuses_a_file_that_is_no_docx(tmp_path: Path) -> None:
    bad = tmp_path / "plan.docx"
    bad.write_bytes(b"geen docx")
    with pytest.raises(CommandError, match="geen leesbaar Word-document"):
        _run("werkagenda_import", "--regio", "ZK27", str(bad))
    assert werkagenda_current(zeeland()) is None  # nothing half-written


def test_load_verdeelsleutel(tmp_path: Path) -> None:
    codes = [g.code for g in regio_gemeenten(regio=zeeland())]
    path = tmp_path / "sleutel.csv"
    rows = [f"{c},0.05\n" for c in codes[:-1]] + [f"{codes[-1]},0.40\n"]
    path.write_text("gemeentecode,aandeel\n" + "".join(rows))
    assert "13 gemeenten" in _run("load_spuk_verdeelsleutel", "SPUK IZA", str(path))
    assert Verdeelsleutel.objects.filter(naam="SPUK IZA").count() == 13
    path.write_text("gemeentecode,aandeel\nGM0687,0.5\n")
    with pytest.raises(CommandError, match="tellen op"):
        _run("load_spuk_verdeelsleutel", "SPUK IZA", str(path))
    assert Verdeelsleutel.objects.filter(naam="SPUK IZA").count() == 13
