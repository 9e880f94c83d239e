# SPDX-License-Identifier: EUPL-1.2
"""Server-side SVG charts and maps for documents and pages.

One SVG string is the picture on the page, in the PDF (inline SVG) and in the
DOCX (converted to PNG by CairoSVG), so all three show the same thing. The
SVG is standalone: it carries its namespace, size, `<title>` and `<desc>`,
and colours and fonts as presentation attributes, so no stylesheet or script
is needed. Every chart also gets a text alternative (`Figure.alt`) generated
from its values, so nothing is only visible as a picture.

What does not belong here: fetching figures (apps pass plain values) and
anything Django. The Dutch words in the generated text ("niet bekend",
"streefwaarde") are fixed: documents are Dutch, and titles and labels come
from the app, already translated.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape as _escape
from xml.etree import ElementTree

from dekkend.documents.model import Figure
from dekkend.documents.numbers import format_getal
from dekkend.documents.text import xml_safe
from dekkend.regions.svgmap import Kaart

SVG_NS = "http://www.w3.org/2000/svg"
FONT = "DejaVu Sans, Arial, Helvetica, sans-serif"
TEXT = "#1a1a1a"
GRID = "#c8c8c8"
AXIS = "#6b6b6b"
TARGET = "#8a4b00"
# Colour-blind safe (after Okabe & Ito and Paul Tol), every colour with a
# contrast of at least 3:1 against white (WCAG 1.4.11), in an order where
# neighbours differ in lightness as well as hue.
PALETTE = ("#0072B2", "#D55E00", "#117733", "#AA3377", "#332288", "#8A4B00")
SUPPRESSED = "niet bekend"

WIDTH = 640.0
FONT_SIZE = 12.0
CHAR_WIDTH = 0.56  # average glyph width of DejaVu Sans, in em


@dataclass(frozen=True)
class Series:
    """One series of a chart: a value per label; None is suppressed or
    unknown and is drawn as a gap with a marker."""

    name: str
    values: tuple[float | None, ...]


def escape(text: str) -> str:
    return _escape(xml_safe(text), quote=True)


def _text_width(text: str, size: float = FONT_SIZE) -> float:
    return len(text) * size * CHAR_WIDTH


def wrap_label(text: str, max_chars: int, max_lines: int = 2) -> list[str]:
    """Break `text` on spaces into at most `max_lines` lines of `max_chars`;
    the last line is cut with an ellipsis when the text does not fit.

    >>> wrap_label("Zeeuws-Vlaanderen en de eilanden", 14)
    ['Zeeuws-', 'Vlaanderen en…']
    """
    words = text.split()
    lines: list[str] = []
    current = ""
    for word in words:
        while len(word) > max_chars:
            if current:
                lines.append(current)
                current = ""
            # Break long words after a hyphen if there is one, else hard.
            cut = word.rfind("-", 0, max_chars) + 1 or max_chars
            lines.append(word[:cut])
            word = word[cut:]
        candidate = f"{current} {word}".strip()
        if len(candidate) <= max_chars:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    if not lines:
        return [""]
    if len(lines) > max_lines:
        last = " ".join(lines[max_lines - 1 :])
        lines = lines[: max_lines - 1] + [last[: max_chars - 1].rstrip() + "…"]
    return lines


def nice_step(value: float) -> float:
    """The smallest 1, 2, 2.5 or 5 times a power of ten that is ≥ `value`."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for m in (1.0, 2.0, 2.5, 5.0, 10.0):
        if value <= m * power * (1 + 1e-9):
            return m * power
    return 10.0 * power


def nice_max(value: float) -> float:
    """The end of an axis that shows `value`: a whole number of nice steps
    (about five).

    >>> nice_max(13), nice_max(26), nice_max(0.42), nice_max(0)
    (15.0, 30.0, 0.5, 1.0)
    """
    if value <= 0:
        return 1.0
    step = nice_step(value / 5)
    return round(math.ceil(value / step - 1e-9) * step, 10)


def _ticks(top: float) -> list[float]:
    step = nice_step(top / 5)
    count = int(math.floor(top / step + 1e-9))
    ticks = [round(step * i, 10) for i in range(count + 1)]
    if top - ticks[-1] > step * 0.4:
        ticks.append(top)
    return ticks


def _value_text(value: float | None, unit: str) -> str:
    if value is None:
        return SUPPRESSED
    return f"{format_getal(value)}{' ' + unit if unit else ''}"


def _alt_text(
    title: str,
    labels: Sequence[str],
    series: Sequence[Series],
    unit: str,
    target: float | None,
    target_label: str,
) -> str:
    parts = []
    for i, label in enumerate(labels):
        if len(series) == 1:
            values = _value_text(series[0].values[i], unit)
        else:
            values = ", ".join(
                f"{s.name} {_value_text(s.values[i], unit)}" for s in series
            )
        parts.append(f"{label}: {values}")
    text = f"{title}. " if title else ""
    text += "; ".join(parts) + "." if parts else "Geen gegevens."
    if target is not None:
        text += f" {target_label or 'Streefwaarde'}: {_value_text(target, unit)}."
    hidden = sum(v is None for s in series for v in s.values)
    if hidden:
        text += (
            f" {hidden} {'waarde is' if hidden == 1 else 'waarden zijn'} "
            f"{SUPPRESSED} (niet getoond)."
        )
    return text


def _attrs(**attrs: object) -> str:
    out = []
    for name, value in attrs.items():
        if isinstance(value, float):
            value = f"{value:.1f}".rstrip("0").rstrip(".")
        out.append(f'{name.rstrip("_").replace("_", "-")}="{escape(str(value))}"')
    return " ".join(out)


def _text(x: float, y: float, text: str, *, fill: str = TEXT, **attrs: object) -> str:
    return f"<text {_attrs(x=x, y=y, fill=fill, **attrs)}>{escape(text)}</text>"


def _svg(width: float, height: float, title: str, desc: str, body: list[str]) -> str:
    head = _attrs(
        xmlns=SVG_NS,
        viewBox=f"0 0 {width:.0f} {height:.0f}",
        width=f"{width:.0f}",
        height=f"{height:.0f}",
        font_family=FONT,
        font_size=FONT_SIZE,
        role="img",
    )
    return (
        f"<svg {head}><title>{escape(title)}</title><desc>{escape(desc)}</desc>"
        f'<rect width="100%" height="100%" fill="#ffffff"/>' + "".join(body) + "</svg>"
    )


def bar_chart(
    *,
    title: str,
    labels: Sequence[str],
    series: Sequence[Series],
    unit: str = "",
    target: float | None = None,
    target_label: str = "",
    horizontal: bool = True,
    stacked: bool = False,
    max_value: float | None = None,
    caption: str = "",
) -> Figure:
    """A bar chart as a `Figure`: bars per label, one per series (side by
    side, or stacked), with value labels in Dutch notation, an optional
    target line and a legend when there are several series.

    `unit` follows each value ("%", "gemeenten"); `max_value` fixes the end
    of the axis (e.g. 100 for percentages), otherwise it is rounded up from
    the largest value or the target. Raises ValueError when a series does not
    have one value per label.
    """
    if not series:
        raise ValueError("bar_chart needs at least one series")
    for s in series:
        if len(s.values) != len(labels):
            raise ValueError(
                f"series {s.name!r} has {len(s.values)} values for {len(labels)} labels"
            )
    known = [v for s in series for v in s.values if v is not None]
    if stacked:
        sums = [sum(s.values[i] or 0.0 for s in series) for i in range(len(labels))]
        largest = max(sums, default=0.0)
    else:
        largest = max(known, default=0.0)
    top = max_value if max_value is not None else nice_max(max(largest, target or 0.0))
    top = top if top > 0 else 1.0
    alt = _alt_text(title, labels, series, unit, target, target_label)
    draw = _horizontal if horizontal else _vertical
    svg = draw(title, alt, labels, series, unit, target, target_label, stacked, top)
    return Figure(svg=svg, alt=alt, caption=caption)


def _legend(series: Sequence[Series], y: float, x0: float) -> tuple[list[str], float]:
    """Legend items in rows from (x0, y); returns the elements and the height."""
    if len(series) < 2:
        return [], 0.0
    body, x, row = [], x0, 0
    for i, s in enumerate(series):
        w = 18 + _text_width(s.name) + 16
        if x + w > WIDTH - 8 and x > x0:
            row, x = row + 1, x0
        yy = y + row * 18
        body.append(
            f"<rect {_attrs(x=x, y=yy, width=12, height=12, fill=PALETTE[i % len(PALETTE)])}/>"
        )
        body.append(_text(x + 17, yy + 10.5, s.name))
        x += w
    return body, (row + 1) * 18 + 4


def _horizontal(
    title: str,
    alt: str,
    labels: Sequence[str],
    series: Sequence[Series],
    unit: str,
    target: float | None,
    target_label: str,
    stacked: bool,
    top: float,
) -> str:
    label_chars = 26
    label_w = min(
        200.0, max((_text_width(lbl[:label_chars]) for lbl in labels), default=0) + 12
    )
    value_room = 70.0 if not stacked else 60.0
    plot_x = label_w
    plot_w = WIDTH - label_w - value_room
    body: list[str] = []
    y = 8.0
    legend, legend_h = _legend(series, y, plot_x)
    body += legend
    y += legend_h
    target_room = 18.0 if target is not None else 0.0
    plot_top = y + target_room
    bar_h = 16.0
    bars_per_group = 1 if stacked else len(series)
    group_h = max(bar_h * bars_per_group + 10, 2 * FONT_SIZE + 12)
    scale = plot_w / top

    # Grid and axis labels (below the bars).
    plot_bottom = plot_top + group_h * len(labels)
    for tick in _ticks(top):
        x = plot_x + tick * scale
        body.append(
            f"<line {_attrs(x1=x, x2=x, y1=plot_top, y2=plot_bottom, stroke=GRID, stroke_width=1)}/>"
        )
        body.append(
            _text(
                x,
                plot_bottom + 15,
                format_getal(tick),
                text_anchor="middle",
                font_size=11,
            )
        )
    for i, label in enumerate(labels):
        gy = plot_top + i * group_h
        lines = wrap_label(label, label_chars)
        ly = gy + group_h / 2 - (len(lines) - 1) * 7 + 4
        for n, line in enumerate(lines):
            body.append(_text(plot_x - 8, ly + n * 14, line, text_anchor="end"))
        offset = 0.0
        for j, s in enumerate(series):
            value = s.values[i]
            colour = PALETTE[j % len(PALETTE)]
            by = gy + 5 + (0 if stacked else j * bar_h)
            if value is None:
                if stacked:
                    continue
                # A gap with a hollow marker and the words, never a zero bar.
                body.append(
                    f"<rect {_attrs(x=plot_x + 1, y=by + 3, width=10, height=bar_h - 6, fill='#ffffff', stroke=colour, stroke_width=1.5, stroke_dasharray='2 2')}/>"
                )
                body.append(
                    _text(
                        plot_x + 16,
                        by + bar_h - 4,
                        SUPPRESSED,
                        font_style="italic",
                        font_size=11,
                    )
                )
                continue
            start = plot_x + (offset if stacked else 0.0) * scale
            width = max(0.0, value * scale)
            body.append(
                f"<rect {_attrs(x=start, y=by, width=width, height=bar_h - 2, fill=colour)}/>"
            )
            if stacked:
                offset += value
                if width > _text_width(format_getal(value), 11) + 6:
                    body.append(
                        _text(
                            start + width / 2,
                            by + bar_h - 5,
                            format_getal(value),
                            text_anchor="middle",
                            font_size=11,
                            fill="#ffffff",
                        )
                    )
            else:
                body.append(
                    _text(
                        start + width + 4,
                        by + bar_h - 5,
                        _value_text(value, unit),
                        font_size=11,
                    )
                )
        if stacked:
            total = sum(s.values[i] or 0.0 for s in series)
            hidden = any(s.values[i] is None for s in series)
            note = _value_text(total, unit) + (" (deels niet bekend)" if hidden else "")
            body.append(
                _text(
                    plot_x + total * scale + 4, gy + 5 + bar_h - 5, note, font_size=11
                )
            )
    body.append(
        f"<line {_attrs(x1=plot_x, x2=plot_x, y1=plot_top, y2=plot_bottom, stroke=AXIS, stroke_width=1)}/>"
    )
    if target is not None:
        x = plot_x + min(target, top) * scale
        body.append(
            f"<line {_attrs(x1=x, x2=x, y1=plot_top - 4, y2=plot_bottom, stroke=TARGET, stroke_width=2, stroke_dasharray='6 3')}/>"
        )
        text = f"{target_label or 'Streefwaarde'}: {_value_text(target, unit)}"
        anchor = "end" if x + _text_width(text) / 2 > WIDTH else "middle"
        body.append(
            _text(x, plot_top - 7, text, text_anchor=anchor, fill=TARGET, font_size=11)
        )
    height = plot_bottom + 26
    return _svg(WIDTH, height, title, alt, body)


def _vertical(
    title: str,
    alt: str,
    labels: Sequence[str],
    series: Sequence[Series],
    unit: str,
    target: float | None,
    target_label: str,
    stacked: bool,
    top: float,
) -> str:
    axis_w = 48.0
    plot_x = axis_w
    plot_w = WIDTH - axis_w - 12
    group_w = plot_w / max(1, len(labels))
    label_chars = max(4, int(group_w / (FONT_SIZE * CHAR_WIDTH * 0.92)))
    body: list[str] = []
    y = 8.0
    legend, legend_h = _legend(series, y, plot_x)
    body += legend
    y += legend_h
    plot_top = y + (18.0 if target is not None else 8.0) + 14
    plot_h = 240.0
    plot_bottom = plot_top + plot_h
    scale = plot_h / top
    for tick in _ticks(top):
        ty = plot_bottom - tick * scale
        body.append(
            f"<line {_attrs(x1=plot_x, x2=plot_x + plot_w, y1=ty, y2=ty, stroke=GRID, stroke_width=1)}/>"
        )
        body.append(
            _text(
                plot_x - 6, ty + 4, format_getal(tick), text_anchor="end", font_size=11
            )
        )
    bars = 1 if stacked else len(series)
    bar_w = min(48.0, (group_w - 10) / bars)
    for i, label in enumerate(labels):
        gx = plot_x + i * group_w
        first_x = gx + (group_w - bar_w * bars) / 2
        offset = 0.0
        for j, s in enumerate(series):
            value = s.values[i]
            colour = PALETTE[j % len(PALETTE)]
            bx = first_x + (0 if stacked else j * bar_w)
            if value is None:
                if stacked:
                    continue
                body.append(
                    f"<rect {_attrs(x=bx + 2, y=plot_bottom - 12, width=bar_w - 4, height=10, fill='#ffffff', stroke=colour, stroke_width=1.5, stroke_dasharray='2 2')}/>"
                )
                body.append(
                    _text(
                        bx + bar_w / 2,
                        plot_bottom - 16,
                        "n.b.",
                        text_anchor="middle",
                        font_size=10,
                        font_style="italic",
                    )
                )
                continue
            h = max(0.0, value * scale)
            base = plot_bottom - (offset if stacked else 0.0) * scale
            body.append(
                f"<rect {_attrs(x=bx + 1, y=base - h, width=bar_w - 2, height=h, fill=colour)}/>"
            )
            if stacked:
                offset += value
            else:
                body.append(
                    _text(
                        bx + bar_w / 2,
                        base - h - 4,
                        format_getal(value),
                        text_anchor="middle",
                        font_size=10,
                    )
                )
        if stacked:
            total = sum(s.values[i] or 0.0 for s in series)
            body.append(
                _text(
                    gx + group_w / 2,
                    plot_bottom - total * scale - 4,
                    format_getal(total),
                    text_anchor="middle",
                    font_size=10,
                )
            )
        for n, line in enumerate(wrap_label(label, label_chars)):
            body.append(
                _text(
                    gx + group_w / 2,
                    plot_bottom + 16 + n * 14,
                    line,
                    text_anchor="middle",
                    font_size=11,
                )
            )
    body.append(
        f"<line {_attrs(x1=plot_x, x2=plot_x + plot_w, y1=plot_bottom, y2=plot_bottom, stroke=AXIS, stroke_width=1)}/>"
    )
    if unit:
        body.append(
            _text(plot_x - 6, plot_top - 10, unit, text_anchor="start", font_size=11)
        )
    if target is not None:
        ty = plot_bottom - min(target, top) * scale
        body.append(
            f"<line {_attrs(x1=plot_x, x2=plot_x + plot_w, y1=ty, y2=ty, stroke=TARGET, stroke_width=2, stroke_dasharray='6 3')}/>"
        )
        text = f"{target_label or 'Streefwaarde'}: {_value_text(target, unit)}"
        body.append(
            _text(
                plot_x + plot_w,
                ty - 5,
                text,
                text_anchor="end",
                fill=TARGET,
                font_size=11,
            )
        )
    height = plot_bottom + 16 + 2 * 14 + 6
    return _svg(WIDTH, height, title, alt, body)


_SVG_OPEN = re.compile(r"<svg\b[^>]*>", re.IGNORECASE)


def standalone_svg(svg: str, *, title: str = "") -> str:
    """`svg` with the xmlns, width and height a standalone file needs, and a
    `<title>` when it has none. Raises ValueError when it is not SVG XML."""
    text = svg.strip()
    if text.startswith("<?xml"):
        text = text[text.index("?>") + 2 :].lstrip()
    match = _SVG_OPEN.search(text)
    if match is None or match.start() != 0:
        raise ValueError("not an SVG document")
    tag = match.group(0)
    additions = []
    if "xmlns=" not in tag:
        additions.append(f'xmlns="{SVG_NS}"')
    viewbox = re.search(r'viewBox="([^"]*)"', tag)
    if viewbox:
        numbers = viewbox.group(1).replace(",", " ").split()
        if len(numbers) == 4:
            if not re.search(r"\swidth=", tag):
                additions.append(f'width="{numbers[2]}"')
            if not re.search(r"\sheight=", tag):
                additions.append(f'height="{numbers[3]}"')
    if additions:
        closing = tag.endswith("/>")
        new_tag = tag[: -2 if closing else -1].rstrip() + " " + " ".join(additions)
        new_tag += "/>" if closing else ">"
        text = new_tag + text[len(tag) :]
        tag = new_tag
    if title and "<title" not in text[len(tag) : len(tag) + 200]:
        text = tag + f"<title>{escape(title)}</title>" + text[len(tag) :]
    try:
        root = ElementTree.fromstring(text)  # noqa: S314 - our own or app SVG
    except ElementTree.ParseError as exc:
        raise ValueError(f"not well-formed SVG: {exc}") from exc
    if root.tag != f"{{{SVG_NS}}}svg":
        raise ValueError("the root element is not an SVG element")
    return text


def map_figure(*, title: str, svg: str, alt: str, caption: str = "") -> Figure:
    """A map (or any SVG made elsewhere) as a `Figure`, made standalone."""
    return Figure(svg=standalone_svg(svg, title=title), alt=alt, caption=caption)


# The colours of dekkend.css (.kaart …) as they show on the page, inline,
# so the map needs no stylesheet.
MAP_BACKGROUND = "#f7f9fb"
MAP_VLAK = {
    "": "#dfe7ef",
    "gemeente--zonder": "#f2a65a",
    "gemeente--gekozen": "#9fc0e3",
}
MAP_VLAK_STROKE = "#7a8fa6"
MAP_PUNT = {"punt": "#154273", "punt--groot": "#0b2a4a", "punt--klein": "#3c78b4"}
MAP_HERKOMST = "#ffb612"
MAP_RAND = "#6b6b6b"
MAP_NAAM_PX = 13
MAP_LEGENDA_PX = 12


def _vlak_fill(klasse: str) -> str:
    fill = MAP_VLAK[""]
    for k in klasse.split():
        fill = MAP_VLAK.get(k, fill)
    return fill


def _punt_style(klasse: str) -> tuple[str, str, float, float]:
    """(fill, stroke, stroke width, radius) of a point of class `klasse`."""
    classes = klasse.split()
    if "herkomst" in classes:
        return MAP_HERKOMST, "#000000", 1.5, 7.0
    fill = MAP_PUNT["punt"]
    for k in classes:
        fill = MAP_PUNT.get(k, fill)
    return fill, "#ffffff", 1.0, 5.0


def map_svg(kaart: Kaart, *, title: str = "") -> str:
    """A `regions.svgmap.Kaart` as a standalone SVG string: the picture of
    the page template (`templates/kaart.html`) with the colours of
    `dekkend.css` inline. It draws everything `svgmap.render` placed: the
    gemeenten, the points, the gemeente names and point texts (with a white
    halo, as on the page), and the band with the scale bar in km and the
    legend. The title is `kaart.titel` (else `title`), the description
    `kaart.beschrijving`. Links are left out: a document cannot follow them.
    """
    body = []
    for vlak in kaart.vlakken:
        body.append(
            f'<path class="gemeente {escape(vlak.klasse)}" d="{escape(vlak.d)}" '
            f'fill="{_vlak_fill(vlak.klasse)}" stroke="{MAP_VLAK_STROKE}" '
            f'stroke-width="0.6"><title>{escape(vlak.naam)}</title></path>'
        )
    for punt in kaart.punten:
        fill, stroke, width, r = _punt_style(punt.klasse)
        body.append(
            f'<circle class="{escape(punt.klasse)}" cx="{punt.x}" cy="{punt.y}" '
            f'r="{r:g}" fill="{fill}" stroke="{stroke}" stroke-width="{width:g}">'
            f"<title>{escape(punt.label)}</title></circle>"
        )
    # Names twice: a white outline first, then the text on top (what
    # `paint-order: stroke` does on the page, which not every SVG renderer
    # of the documents supports). Only the second is text for readers.
    halo, namen = [], []
    for label in kaart.labels:
        weight = ' font-weight="bold"' if label.klasse == "kaart__puntnaam" else ""
        attrs = (
            f'x="{label.x}" y="{label.y}" text-anchor="{escape(label.anker)}" '
            f'font-family="{FONT}" font-size="{MAP_NAAM_PX}"{weight}'
        )
        halo.append(
            f'<text {attrs} fill="#ffffff" stroke="#ffffff" stroke-width="3" '
            f'stroke-linejoin="round">{escape(label.tekst)}</text>'
        )
        namen.append(
            f'<text class="{escape(label.klasse)}" {attrs} fill="{TEXT}">'
            f"{escape(label.tekst)}</text>"
        )
    if halo:
        body.append('<g aria-hidden="true">' + "".join(halo) + "</g>")
        body.append('<g class="kaart__namen">' + "".join(namen) + "</g>")
    if kaart.band_height:
        body.append(_map_band(kaart))
    titel = kaart.titel or title
    desc = f"<desc>{escape(kaart.beschrijving)}</desc>" if kaart.beschrijving else ""
    return (
        f'<svg xmlns="{SVG_NS}" class="kaart" viewBox="{kaart.viewbox}" '
        f'width="{kaart.width:.0f}" height="{kaart.total_height:.0f}" role="img">'
        f"<title>{escape(titel)}</title>{desc}"
        f'<rect width="100%" height="100%" fill="{MAP_BACKGROUND}" '
        f'stroke="{MAP_RAND}" stroke-width="1"/>' + "".join(body) + "</svg>"
    )


def _map_band(kaart: Kaart) -> str:
    """The band under the map: scale bar in km and legend (svgmap `_band`)."""
    text = f'font-family="{FONT}" font-size="{MAP_LEGENDA_PX}" fill="{TEXT}"'
    parts = [
        f'<g class="kaart__band"><rect x="0" y="{kaart.height:.1f}" '
        f'width="{kaart.width:.1f}" height="{kaart.band_height:.1f}" '
        f'fill="#ffffff" stroke="{MAP_RAND}" stroke-width="1"/>'
    ]
    s = kaart.schaal
    if s is not None:
        parts.append(
            f'<polyline class="kaart__schaal" points="{s.x},{s.y_streep} {s.x},{s.y} '
            f'{s.x_eind},{s.y} {s.x_eind},{s.y_streep}" fill="none" '
            f'stroke="{TEXT}" stroke-width="2"/>'
            f'<text x="{s.tekst_x}" y="{s.y}" {text}>{escape(s.tekst)}</text>'
        )
    for item in kaart.legenda:
        if item.vorm == "punt":
            fill, stroke, width, r = _punt_style(item.klasse)
            parts.append(
                f'<circle cx="{item.midden_x}" cy="{item.midden_y}" r="{r:g}" '
                f'fill="{fill}" stroke="{stroke}" stroke-width="{width:g}"/>'
            )
        else:
            parts.append(
                f'<rect x="{item.x}" y="{item.y}" width="14" height="14" '
                f'fill="{_vlak_fill(item.klasse)}" stroke="{MAP_VLAK_STROKE}" '
                f'stroke-width="0.6"/>'
            )
        parts.append(
            f'<text x="{item.tekst_x}" y="{item.tekst_y}" {text}>'
            f"{escape(item.tekst)}</text>"
        )
    parts.append("</g>")
    return "".join(parts)
