# SPDX-License-Identifier: EUPL-1.2
"""The SVG charts: valid standalone XML, every label and value visible and
in the alt text, suppressed values drawn as gaps and named."""

from xml.etree import ElementTree

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dekkend.documents import charts
from dekkend.documents.charts import Series, bar_chart, map_figure, map_svg
from dekkend.regions import svgmap

NS = {"s": "http://www.w3.org/2000/svg"}


def _root(svg: str) -> ElementTree.Element:
    return ElementTree.fromstring(svg)  # noqa: S314 - our own output


def _texts(svg: str) -> list[str]:
    return [t.text or "" for t in _root(svg).iter(f"{{{NS['s']}}}text")]


def _luminance(colour: str) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def test_palette_contrast_against_white_is_at_least_3() -> None:
    for colour in (*charts.PALETTE, charts.TARGET, charts.TEXT):
        assert 1.05 / (_luminance(colour) + 0.05) >= 3.0, colour


@pytest.mark.parametrize("horizontal", [True, False])
def test_chart_is_standalone_svg_with_title_labels_and_values(horizontal: bool) -> None:
    fig = bar_chart(
        title="Gemeenten zonder LSP & <meer>",
        labels=["Zeeland", "Twente", "Utrecht"],
        series=[Series("zonder LSP", (4.0, 1.5, 1234.5))],
        unit="gemeenten",
        horizontal=horizontal,
        caption="Grafiek 1",
    )
    root = _root(fig.svg)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") and root.get("width") and root.get("height")
    assert root.find("s:title", NS).text == "Gemeenten zonder LSP & <meer>"
    assert root.find("s:desc", NS).text == fig.alt
    texts = " ".join(_texts(fig.svg))
    for label in ("Zeeland", "Twente", "Utrecht"):
        assert label in texts
    # Dutch notation: decimal comma, point between thousands.
    assert "1,5" in texts and "1.234,5" in texts
    assert "<script" not in fig.svg and "href" not in fig.svg
    assert fig.caption == "Grafiek 1"
    assert fig.alt == (
        "Gemeenten zonder LSP & <meer>. Zeeland: 4 gemeenten; Twente: 1,5 "
        "gemeenten; Utrecht: 1.234,5 gemeenten."
    )


def test_suppressed_value_is_a_marked_gap_and_said_in_the_alt_text() -> None:
    fig = bar_chart(
        title="Verwijzingen",
        labels=["Zeeland", "Twente"],
        series=[Series("2025", (None, 7.0)), Series("2026", (3.0, None))],
        target=5,
        target_label="Streefwaarde",
    )
    texts = _texts(fig.svg)
    assert texts.count("niet bekend") == 2
    assert "Zeeland: 2025 niet bekend, 2026 3" in fig.alt
    assert "Twente: 2025 7, 2026 niet bekend" in fig.alt
    assert "2 waarden zijn niet bekend (niet getoond)." in fig.alt
    assert "Streefwaarde: 5." in fig.alt
    # A legend names both series; three bars for the two known values + legend.
    assert "2025" in texts and "2026" in texts
    rects = _root(fig.svg).findall("s:rect", NS)
    filled = [r for r in rects if r.get("fill") in charts.PALETTE]
    assert len(filled) == 2 + 2  # two bars and two legend keys


def test_stacked_bars_total_and_partly_unknown() -> None:
    fig = bar_chart(
        title="LSP per type",
        labels=["Zeeland"],
        series=[Series("groot", (2.0,)), Series("klein", (None,))],
        stacked=True,
    )
    assert "2 (deels niet bekend)" in _texts(fig.svg)


def test_long_labels_are_wrapped_and_cut() -> None:
    label = "Regio Noord- en Midden-Limburg met een heel lange naam erachter"
    fig = bar_chart(title="T", labels=[label], series=[Series("a", (1.0,))])
    lines = [t for t in _texts(fig.svg) if t and t[0] in "RM"]
    assert len(lines) == 2 and lines[-1].endswith("…")
    assert label in fig.alt  # the full label stays in the text alternative


def test_values_must_match_labels() -> None:
    with pytest.raises(ValueError, match="2 values for 3 labels"):
        bar_chart(title="T", labels=["a", "b", "c"], series=[Series("s", (1, 2))])


def test_axis_end_is_nice_or_given() -> None:
    assert charts.nice_max(13) == 15
    fig = bar_chart(
        title="T", labels=["a"], series=[Series("s", (40.0,))], max_value=100, unit="%"
    )
    assert "100" in _texts(fig.svg)


@settings(max_examples=40, deadline=None)
@given(
    labels=st.lists(st.text(min_size=1, max_size=40), min_size=1, max_size=6),
    data=st.data(),
    horizontal=st.booleans(),
    stacked=st.booleans(),
)
def test_any_labels_and_values_give_valid_svg_and_complete_alt(
    labels: list[str], data: st.DataObject, horizontal: bool, stacked: bool
) -> None:
    values = data.draw(
        st.lists(
            st.none() | st.floats(min_value=0, max_value=1e6),
            min_size=len(labels),
            max_size=len(labels),
        )
    )
    fig = bar_chart(
        title="Grafiek",
        labels=labels,
        series=[Series("s", tuple(values))],
        horizontal=horizontal,
        stacked=stacked,
    )
    _root(fig.svg)  # well-formed
    from dekkend.documents.text import xml_safe

    for label in labels:
        assert f"{label}: " in fig.alt or xml_safe(label) == ""


def _two_squares() -> list[tuple[dict, str, str]]:
    def square(lon: float) -> dict:
        return {
            "type": "Polygon",
            "coordinates": [
                [
                    [lon, 51.4],
                    [lon + 0.4, 51.4],
                    [lon + 0.4, 51.6],
                    [lon, 51.6],
                    [lon, 51.4],
                ]
            ],
        }

    return [(square(3.5), "Goes", "gemeente--zonder"), (square(3.9), "Middelburg", "")]


def test_map_svg_inlines_the_page_colours() -> None:
    kaart = svgmap.render(
        _two_squares(),
        [svgmap.Punt(51.5, 3.7, "Steunpunt Goes", "punt punt--groot")],
    )
    svg = map_svg(kaart, title="Dekking Zeeland")
    root = _root(svg)
    assert root.find("s:title", NS).text == "Dekking Zeeland"
    paths = root.findall(".//s:path", NS)
    assert [p.get("fill") for p in paths] == [
        charts.MAP_VLAK["gemeente--zonder"],
        charts.MAP_VLAK[""],
    ]
    assert [p.find("s:title", NS).text for p in paths] == ["Goes", "Middelburg"]
    circle = root.find(".//s:circle", NS)
    assert circle.get("fill") == "#0b2a4a"
    assert "<a " not in svg


def test_map_svg_draws_names_scale_and_legend_of_svgmap() -> None:
    """The document map shows what `svgmap.render` placed: every gemeente
    name, the scale bar with its km text and the legend, and carries the
    map's own title and description."""
    kaart = svgmap.render(
        _two_squares(),
        [svgmap.Punt(51.5, 3.7, "Steunpunt Goes", "punt", tekst="1")],
        namen=True,
        voorrang=["Goes"],
        legenda=[
            ("vlak", "", "gemeente met LSP"),
            ("vlak", "gemeente--zonder", "gemeente zonder LSP"),
            ("punt", "punt", "LSP-locatie"),
        ],
        schaal=True,
        titel="Kaart van Zeeland: 2 gemeenten, 1 zonder LSP: Goes.",
        beschrijving="Oranje vlakken: gemeenten zonder LSP.",
    )
    assert kaart.schaal is not None
    svg = map_svg(kaart, title="niet gebruikt")
    root = _root(svg)
    assert root.find("s:title", NS).text == kaart.titel
    assert root.find("s:desc", NS).text == kaart.beschrijving
    assert root.get("viewBox") == kaart.viewbox
    assert float(root.get("height")) == pytest.approx(kaart.total_height, abs=1)
    names = root.find(".//s:g[@class='kaart__namen']", NS)
    assert names is not None
    shown = [t.text for t in names.findall("s:text", NS)]
    assert "Goes" in shown and "Middelburg" in shown and "1" in shown
    band = root.find(".//s:g[@class='kaart__band']", NS)
    assert band is not None
    band_texts = [t.text for t in band.findall("s:text", NS)]
    assert band_texts[0] == kaart.schaal.tekst and band_texts[0].endswith(" km")
    assert band_texts[1:] == ["gemeente met LSP", "gemeente zonder LSP", "LSP-locatie"]
    swatches = [r.get("fill") for r in band.findall("s:rect", NS)[1:]]
    assert swatches == [charts.MAP_VLAK[""], charts.MAP_VLAK["gemeente--zonder"]]
    bar = band.find("s:polyline", NS)
    xs = [float(p.split(",")[0]) for p in bar.get("points").split()]
    assert max(xs) - min(xs) == pytest.approx(kaart.schaal.lengte_px, abs=0.2)


def test_map_svg_without_band_or_names_draws_only_shapes() -> None:
    kaart = svgmap.render(_two_squares(), [])
    svg = map_svg(kaart, title="Kaart")
    assert "kaart__band" not in svg and "<text" not in svg
    assert _root(svg).find("s:title", NS).text == "Kaart"


def test_map_figure_makes_foreign_svg_standalone() -> None:
    fig = map_figure(
        title="Kaart",
        svg='<svg viewBox="0 0 300 200"><rect width="5" height="5"/></svg>',
        alt="Twee gemeenten",
        caption="Kaart 1",
    )
    root = _root(fig.svg)
    assert root.get("width") == "300" and root.get("height") == "200"
    assert root.find("s:title", NS).text == "Kaart"
    assert (fig.alt, fig.caption) == ("Twee gemeenten", "Kaart 1")
    with pytest.raises(ValueError):
        map_figure(title="x", svg="<html></html>", alt="")
    with pytest.raises(ValueError):
        map_figure(title="x", svg="<svg><rect></svg>", alt="")
