# SPDX-License-Identifier: EUPL-1.2
"""Documents the renderer tests share: the shapes of the werkagenda format
(IST / SOLL / GAP, mijlpalen) and of the national monitor (a chart, a
list), with text that must be escaped."""

from dekkend.documents.charts import Series, bar_chart
from dekkend.documents.model import (
    BulletList,
    Cell,
    Document,
    Heading,
    PageBreak,
    Paragraph,
    Table,
)

IST_SOLL_GAP = Table(
    columns=("IST / SOLL / GAP", "Onderdelen", "Uitwerking"),
    rows=(
        (Cell("IST", rowspan=2, bold=True), Cell("Aanbod"), Cell("3 steunpunten")),
        (Cell("Bereik"), Cell("Niet <bekend> & onzeker")),
        (Cell("SOLL", rowspan=2, bold=True), Cell("Aanbod"), Cell("13 steunpunten")),
        (Cell("Bereik"), Cell("Alle gemeenten")),
        (Cell("GAP", bold=True), Cell("Aanbod"), Cell("10 steunpunten")),
    ),
    caption="Tabel 1. IST, SOLL en GAP",
    key="ist-soll-gap-1",
    widths=(1.0, 2.0, 4.0),
)

MIJLPALEN = Table(
    columns=("Kwartaal", "Activiteiten", "Verantwoordelijke", "Deelresultaat"),
    rows=(
        (Cell("Q1 2026"), Cell("Kwartiermaker"), Cell("Gemeente Goes"), Cell("Plan")),
        (Cell("Q2 2026"), Cell("Werving"), Cell("ZZL"), Cell("=HYPERLINK(1)")),
    ),
    caption="Tabel 2. Mijlpalenplanning",
    key="mijlpalen",
)

CHART = bar_chart(
    title="Gemeenten zonder LSP per regio",
    labels=("Zeeland", "Twente", "Amsterdam-Amstelland"),
    series=(Series("zonder LSP", (4.0, None, 0.0)),),
    unit="gemeenten",
    target=2,
    target_label="Doel",
    caption="Grafiek 1. Gemeenten zonder LSP",
)


def werkagenda() -> Document:
    return Document(
        title="Werkagenda Zeeland <2026> & verder",
        subtitle="Concept",
        subject="Regionale werkagenda AZWA",
        footer="Concept — gegenereerd op 1 maart 2026",
        metadata={"datum": "2026-03-01T09:00:00+01:00", "keywords": "AZWA, LSP"},
        blocks=(
            Heading("1. Inleiding", 1),
            Paragraph("Wat is de huidige situatie?", style="toelichting"),
            Paragraph("Zeeland heeft <script>alert(1)</script> & meer.\nTweede regel."),
            Heading("1.1 Financierders", 2),
            BulletList(("Gemeente Goes", "Zorgkantoor CZ")),
            IST_SOLL_GAP,
            Paragraph("Bron: landelijke LSP-lijst 2025", style="bron"),
            PageBreak(),
            Heading("2. Mijlpalenplanning", 1),
            MIJLPALEN,
            Heading("2.1 Grafiek", 3),
            CHART,
            Heading("Bijlage A", 4),
            Paragraph("Nog niet ingevuld.", style="leeg"),
        ),
    )
