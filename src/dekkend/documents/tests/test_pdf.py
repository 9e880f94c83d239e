# SPDX-License-Identifier: EUPL-1.2
"""The HTML page and the PDF/UA file. There is no PDF text extractor on the
machine (no pdftotext, no pypdf), so the HTML is checked on its structure
and the PDF on what its uncompressed streams say: header, /Lang, /Title,
the PDF/UA identifier in the XMP metadata, the structure tree, pages."""

import re
import shutil
import subprocess
from html.parser import HTMLParser

import pytest

from dekkend.documents.model import Document, Figure, Paragraph
from dekkend.documents.pdf import render_html, render_pdf
from dekkend.documents.tests.pdfbytes import inflated, page_count
from dekkend.documents.tests.samples import CHART, werkagenda


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self.scripts += 1

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(html: str) -> _Collect:
    parser = _Collect()
    parser.feed(html)
    return parser


@pytest.fixture(scope="module")
def html() -> str:
    return render_html(werkagenda())


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return render_pdf(werkagenda())


def test_html_is_a_self_contained_page_with_language(html: str) -> None:
    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="nl">' in html
    assert "<title>Werkagenda Zeeland &lt;2026&gt; &amp; verder</title>" in html
    assert "<link" not in html and "src=" not in html and "@import" not in html
    assert "@page" in html and "counter(pages)" in html and "size: A4" in html


def test_user_text_is_escaped(html: str) -> None:
    parsed = _parse(html)
    assert parsed.scripts == 0
    assert "<script>" not in html
    assert "Zeeland heeft &lt;script&gt;alert(1)&lt;/script&gt; &amp; meer.<br>" in html
    assert "Zeeland heeft <script>alert(1)</script> & meer." in "".join(parsed.text)


def test_footer_text_cannot_close_the_stylesheet() -> None:
    doc = Document(title="t", blocks=(), footer='</style><script>x()</script>"')
    page = render_html(doc)
    assert page.count("</style>") == 1 and "<script" not in page


def test_headings_tables_and_figures_are_marked_up(html: str) -> None:
    tags = _parse(html).tags
    names = [t for t, _ in tags]
    assert names.count("h1") == 3  # the title and two chapters
    assert "h2" in names and "h3" in names and "h4" in names
    captions = re.findall(r"<caption>(.*?)</caption>", html)
    assert captions == ["Tabel 1. IST, SOLL en GAP", "Tabel 2. Mijlpalenplanning"]
    assert html.count('<th scope="col">') == 7
    # The spanning first column heads its rows; the mijlpalen table has none.
    assert html.count('<th scope="row" rowspan="2" class="vet">') == 2
    assert html.count('<th scope="row" class="vet">GAP</th>') == 1
    assert html.count('<th scope="row"') == 3
    assert 'data-key="ist-soll-gap-1"' in html
    svg = next(a for t, a in tags if t == "svg")
    assert svg["role"] == "img" and svg["aria-label"] == CHART.alt
    assert "<figcaption>Grafiek 1. Gemeenten zonder LSP</figcaption>" in html
    for style in ("toelichting", "bron", "leeg"):
        assert f'<p class="{style}">' in html


def test_pdf_is_pdf_ua_with_title_and_language(pdf: bytes) -> None:
    assert pdf.startswith(b"%PDF-")
    text = inflated(pdf)
    assert b"/Lang (nl)" in text
    assert b"/Title (Werkagenda Zeeland <2026> & verder)" in text
    assert b'pdfuaid:part="1"' in text
    assert b"/StructTreeRoot" in text and b"/MarkInfo <</Marked true>>" in text
    # The chart's alt text is the figure's /Alt in the structure tree.
    assert b"/Alt (Gemeenten zonder LSP per regio. Zeeland: 4 gemeenten" in text
    assert page_count(pdf) >= 2  # there is a page break


def test_long_document_runs_over_pages() -> None:
    doc = Document(
        title="Lang", blocks=tuple(Paragraph("tekst " * 200) for _ in range(30))
    )
    assert page_count(render_pdf(doc)) >= 5


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_pdf_text_when_pdftotext_is_available(pdf: bytes, tmp_path) -> None:  # noqa: ANN001
    path = tmp_path / "a.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(  # noqa: S603, S607 - fixed tool, our own file
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Zeeland heeft <script>alert(1)</script> & meer." in out


def test_figure_without_svg_namespace_is_made_standalone() -> None:
    fig = Figure(svg='<svg viewBox="0 0 10 10"><title>x</title></svg>', alt="Leeg vlak")
    page = render_html(Document(title="t", blocks=(fig,)))
    assert 'xmlns="http://www.w3.org/2000/svg"' in page
    assert "<title>Leeg vlak</title>" in page


def test_unknown_block_is_an_error_not_dropped() -> None:
    with pytest.raises(TypeError, match="unknown block str"):
        render_html(Document(title="x", blocks=("losse tekst",)))  # type: ignore[arg-type]


def _pdftotext(pdf: bytes, tmp_path) -> str:  # noqa: ANN001
    path = tmp_path / "kaart.pdf"
    path.write_bytes(pdf)
    return subprocess.run(  # noqa: S603, S607 - fixed tool, our own file
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_printed_map_shows_names_scale_and_legend(tmp_path) -> None:  # noqa: ANN001
    """A map in a PDF is the page's map (regions.svgmap): the printed page
    names the gemeenten, has a scale in km and a legend."""
    from dekkend.documents.charts import map_figure, map_svg
    from dekkend.regions import svgmap

    def square(lon: float) -> dict:
        ring = [[lon, 51.4], [lon + 0.4, 51.4], [lon + 0.4, 51.6], [lon, 51.6]]
        return {"type": "Polygon", "coordinates": [[*ring, ring[0]]]}

    kaart = svgmap.render(
        [(square(3.5), "Goes", "gemeente--zonder"), (square(3.9), "Middelburg", "")],
        [svgmap.Punt(51.5, 4.1, "LSP Middelburg")],
        namen=True,
        voorrang=["Goes"],
        legenda=[
            ("vlak", "", "gemeente met LSP"),
            ("vlak", "gemeente--zonder", "gemeente zonder LSP"),
        ],
        schaal=True,
        titel="Kaart van Zeeland: 2 gemeenten, 1 zonder LSP: Goes.",
    )
    fig = map_figure(title=kaart.titel, svg=map_svg(kaart), alt=kaart.titel)
    pdf = render_pdf(Document(title="Kaart", blocks=(fig,)))
    text = _pdftotext(pdf, tmp_path)
    assert "Goes" in text and "Middelburg" in text
    assert kaart.schaal is not None and kaart.schaal.tekst in text
    assert re.search(r"\d+ km", text)
    assert "gemeente zonder LSP" in text and "gemeente met LSP" in text
    # The figure keeps its alt text in the structure tree.
    assert b"/Alt (Kaart van Zeeland: 2 gemeenten" in inflated(pdf)
