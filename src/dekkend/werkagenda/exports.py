# SPDX-License-Identifier: EUPL-1.2
"""The werkagenda as DOCX or PDF: its content, the source lines of the
accepted suggestions, the realised values of its goals, and for the LSP
section the coverage map and a bar chart of the share within 10 km.

The document itself is built by `docx_io.export.werkagenda_document` and
rendered by `dekkend.documents`.
"""

from __future__ import annotations

import re
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _

from dekkend.documents.charts import Series, bar_chart, map_figure, map_svg
from dekkend.documents.model import Figure
from dekkend.regions import svgmap
from dekkend.regions.selectors import regio_gemeenten
from dekkend.register.maps import regio_map, steunpunt_punt
from dekkend.register.selectors import steunpunt_queryset
from dekkend.werkagenda import measures, prefill
from dekkend.werkagenda.constants import PrefillStatus
from dekkend.werkagenda.docx_io.export import (
    ExportBijlagen,
    doel_adres,
    werkagenda_document,
)
from dekkend.werkagenda.format.definition import format_get
from dekkend.werkagenda.models import Werkagenda
from dekkend.werkagenda.selectors import werkagenda_inhoud

FORMATEN = ("docx", "pdf")
_UNSAFE = re.compile(r"[^\w.-]+")


def _lsp_figuren(werkagenda: Werkagenda, vandaag: date) -> tuple[Figure, ...]:
    dekking = prefill.dekking_for(werkagenda.regio, vandaag=vandaag)
    r = dekking.resultaat
    heeft = {g["gemeentecode"]: g["heeft_lsp"] for g in r["gemeenten"]}
    gemeenten = [g for g in regio_gemeenten(regio=werkagenda.regio) if g.geometrie]
    steunpunten = [
        s
        for s in steunpunt_queryset(peildatum=dekking.peildatum).filter(
            aanbod__locatie__gemeente__regiogemeente__regio=werkagenda.regio
        )
        if s.aanbod.locatie is not None
    ]
    # The map of the pages (register/maps.py, ADR 0018): names of the
    # gemeenten without an LSP first, a scale bar, a legend and a title that
    # names them; at the full width of the page.
    kaart = regio_map(
        naam=werkagenda.regio.naam,
        gemeenten=[(g.geometrie, g.naam) for g in gemeenten if g.geometrie],
        zonder={g.naam for g in gemeenten if not heeft.get(g.code)},
        punten=[steunpunt_punt(s) for s in steunpunten],
        steunpunten=steunpunten,
        width=svgmap.WIDTH,
    )
    kaart_fig = map_figure(
        title=kaart.titel,
        svg=map_svg(kaart),
        alt=f"{kaart.titel} {kaart.beschrijving}".strip(),
        caption=dekking.bron,
    )
    grafiek = bar_chart(
        title=_("Aandeel inwoners binnen 10 km van een LSP"),
        labels=[g["gemeentenaam"] for g in r["gemeenten"]],
        series=[
            Series(
                _("binnen 10 km"),
                tuple(
                    round(100 * g["aandeel_inwoners_binnen_km"].get("10", 0.0), 1)
                    for g in r["gemeenten"]
                ),
            )
        ],
        unit="%",
        max_value=100,
        caption=dekking.bron,
    )
    return (kaart_fig, grafiek)


def export_bijlagen(
    werkagenda: Werkagenda, *, vandaag: date | None = None, figuren: bool = True
) -> ExportBijlagen:
    vandaag = vandaag or timezone.localdate()
    bronnen = {
        p.adres: (f"{p.bron} ({prefill.datum_nl(p.peildatum)})",)
        for p in werkagenda.prefills.filter(status=PrefillStatus.GEACCEPTEERD)
    }
    realisaties: dict[str, str] = {}
    frozen = (
        werkagenda.bevriezing.gegevens.get("doelstellingen", {})
        if werkagenda.vastgesteld and hasattr(werkagenda, "bevriezing")
        else None
    )
    metingen = measures.Metingen(werkagenda.regio, vandaag)
    teller: dict[str, int] = {}
    for d in werkagenda.doelstellingen.prefetch_related("ingroeipad", "realisaties"):
        teller[d.onderdeel] = teller.get(d.onderdeel, 0) + 1
        if frozen is not None and str(d.uuid) in frozen:
            tekst = frozen[str(d.uuid)]["samenvatting"]
        else:
            tekst = measures.doel_voortgang(d, metingen).samenvatting
        if tekst:
            realisaties[doel_adres(d.onderdeel, teller[d.onderdeel])] = tekst
    vastgesteld = ""
    if werkagenda.vastgesteld and werkagenda.vastgesteld_op:
        vastgesteld = _(
            "Vastgesteld door de colleges van alle gemeenten; cijfers bevroren op %(datum)s."
        ) % {"datum": prefill.datum_nl(werkagenda.vastgesteld_op)}
    return ExportBijlagen(
        bronnen=bronnen,
        figuren={"2a": _lsp_figuren(werkagenda, vandaag)} if figuren else {},
        realisaties=realisaties,
        vastgesteld=vastgesteld,
    )


def export_filename(werkagenda: Werkagenda, formaat: str) -> str:
    regio = _UNSAFE.sub("-", werkagenda.regio.naam).strip("-").lower()
    return (
        f"werkagenda-{regio}-{werkagenda.periode_van}-{werkagenda.periode_tot}"
        f"-v{werkagenda.versie}.{formaat}"
    )


def werkagenda_export(werkagenda: Werkagenda, *, formaat: str) -> bytes:
    """DOCX or PDF bytes of `werkagenda`. Raises ValueError for another format."""
    if formaat not in FORMATEN:
        raise ValueError(f"unknown format {formaat!r}")
    document = werkagenda_document(
        werkagenda_inhoud(werkagenda),
        definitie=format_get(werkagenda.format_versie),
        bijlagen=export_bijlagen(werkagenda),
    )
    if formaat == "docx":
        from dekkend.documents.docx import render_docx

        return render_docx(document)
    from dekkend.documents.pdf import render_pdf

    return render_pdf(document)
