# SPDX-License-Identifier: EUPL-1.2
"""Reading DOCX files we did not write: localised style names, vertical
merges, lists by numbering; and refusing what is not a DOCX, with a Dutch
message, before decompressing anything large."""

import io
import random
import re
import zipfile

import pytest

from dekkend.documents import docx_read
from dekkend.documents.docx_read import DocumentLeesfout, read_docx
from dekkend.documents.model import BulletList, Cell, Heading, Paragraph, Table

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

STYLES = f"""<?xml version="1.0" encoding="UTF-8"?>
<w:styles {NS}>
  <w:style w:type="paragraph" w:styleId="Standaard"><w:name w:val="Normal"/></w:style>
  <w:style w:type="paragraph" w:styleId="Titel"><w:name w:val="Titel"/></w:style>
  <w:style w:type="paragraph" w:styleId="Kop1"><w:name w:val="Kop 1"/></w:style>
  <w:style w:type="paragraph" w:styleId="Kop2"><w:name w:val="kop 2"/></w:style>
  <w:style w:type="paragraph" w:styleId="Eigen"><w:name w:val="Hoofdstukkop"/>
    <w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="Afgeleid"><w:name w:val="Mijn kop"/>
    <w:basedOn w:val="Kop1"/></w:style>
  <w:style w:type="paragraph" w:styleId="Lijstalinea"><w:name w:val="List Paragraph"/></w:style>
</w:styles>"""


def _p(text: str, style: str = "", extra: str = "") -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/>{extra}</w:pPr>' if style else ""
    return f"<w:p>{ppr}<w:r><w:t>{text}</w:t></w:r></w:p>"


def _tc(text: str, props: str = "") -> str:
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{_p(text)}</w:tc>"


DOCUMENT = f"""<?xml version="1.0" encoding="UTF-8"?>
<w:document {NS}><w:body>
{_p("Werkagenda", "Titel")}
{_p("Inleiding", "Kop1")}
{_p("Gewone tekst &amp; meer")}
{_p("Eerste", "Lijstalinea", '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>')}
{_p("Tweede", "Lijstalinea", '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>')}
{_p("Onderdeel", "Kop2")}
<w:sdt><w:sdtContent>{_p("Diep", "Eigen")}</w:sdtContent></w:sdt>
{_p("Afgeleide kop", "Afgeleid")}
<w:tbl><w:tblPr><w:tblDescription w:val="tabel-x"/></w:tblPr>
<w:tr>{_tc("IST / SOLL / GAP")}{_tc("Onderdelen")}</w:tr>
<w:tr>{_tc("IST", '<w:vMerge w:val="restart"/>')}{_tc("a")}</w:tr>
<w:tr>{_tc("", "<w:vMerge/>")}{_tc("b")}</w:tr>
<w:tr>{_tc("", "<w:vMerge/>")}{_tc("c")}</w:tr>
<w:tr>{_tc("GAP")}{_tc("d")}</w:tr>
</w:tbl>
</w:body></w:document>"""


def _zip(files: dict[str, bytes | str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in files.items():
            z.writestr(name, content)
    return buffer.getvalue()


def test_reads_a_foreign_dutch_docx() -> None:
    blocks = read_docx(_zip({"word/document.xml": DOCUMENT, "word/styles.xml": STYLES}))
    assert blocks == (
        Heading("Werkagenda", level=0),
        Heading("Inleiding", level=1),
        Paragraph("Gewone tekst & meer"),
        BulletList(("Eerste", "Tweede")),
        Heading("Onderdeel", level=2),
        Heading("Diep", level=3),
        Heading("Afgeleide kop", level=1),
        Table(
            columns=("IST / SOLL / GAP", "Onderdelen"),
            rows=(
                (Cell("IST", rowspan=3), Cell("a")),
                (Cell("b"),),
                (Cell("c"),),
                (Cell("GAP"), Cell("d")),
            ),
            key="tabel-x",
        ),
    )


def test_without_styles_part_headings_come_from_style_ids() -> None:
    blocks = read_docx(_zip({"word/document.xml": DOCUMENT}))
    assert blocks[1] == Heading("Inleiding", level=1)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "Het bestand is leeg."),
        (b"%PDF-1.7 dit is geen docx", "geen Word-document (.docx)"),
        (random.Random(7).randbytes(4096), "geen Word-document (.docx)"),
        (_zip({"foo.txt": "x"}), "word/document.xml ontbreekt"),
        (_zip({"word/document.xml": "<w:document"}), "geen geldige XML"),
        (
            _zip({"word/document.xml": DOCUMENT, "word/styles.xml": "<<"}),
            "word/styles.xml van het document is geen geldige XML",
        ),
        (
            _zip({"word/document.xml": "<html/>"}),
            "word/document.xml is geen Word-document",
        ),
    ],
    ids=[
        "leeg",
        "pdf",
        "willekeurig",
        "zonder-document",
        "kapot",
        "kapotte-stijl",
        "html",
    ],
)
def test_bad_input_is_refused_in_dutch(data: bytes, message: str) -> None:
    with pytest.raises(DocumentLeesfout, match=re.escape(message)) as info:
        read_docx(data)
    assert isinstance(info.value, ValueError)
    assert info.value.melding == str(info.value)


def test_truncated_zip_is_refused() -> None:
    data = _zip({"word/document.xml": DOCUMENT})
    with pytest.raises(DocumentLeesfout):
        read_docx(data[: len(data) // 2])


def test_zip_bomb_is_refused_before_decompressing() -> None:
    # 60 MB of zeros compress to about 60 kB.
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", DOCUMENT)
        with z.open("word/media/nul.bin", "w") as f:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(60):
                f.write(chunk)
    data = buffer.getvalue()
    assert len(data) < 1024 * 1024
    with pytest.raises(DocumentLeesfout, match="groter dan 50 MB"):
        read_docx(data)


def test_entities_are_not_expanded() -> None:
    billion_laughs = (
        '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        f"<w:document {NS}><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>"
    )
    blocks = read_docx(_zip({"word/document.xml": billion_laughs}))
    assert all("aaaa" not in getattr(b, "text", "") for b in blocks)


def test_limit_is_fifty_megabytes() -> None:
    assert docx_read.MAX_UNCOMPRESSED_BYTES == 50 * 1024 * 1024
