# SPDX-License-Identifier: EUPL-1.2
"""The report's figures as JSON-ready dicts, for the API (`/api/v1/monitor/`).

Plain Python, no Django. The same figures as the document: every count of
respondents is a published cell (`null` plus `…Onderdrukt: true` where small
numbers are hidden, `null` without the flag where unknown); counts of
locations are plain numbers. Keys are camelCase glossary terms. Nothing here
names a respondent.

`regio` restricts the graphs to the respondents of one regio (for the regio
role, which sees its own region's results with the number of respondents).
"""

from __future__ import annotations

from typing import Any

from dekkend.lspmonitor.report import graphs, tables
from dekkend.lspmonitor.report.model import RapportInvoer
from dekkend.monitoring.indicators.results import Cel


def _cel(name: str, cel: Cel) -> dict[str, Any]:
    return {name: cel.waarde, f"{name}Onderdrukt": cel.onderdrukt}


def _tabel4(t: tables.Tabel4) -> dict[str, Any]:
    def rij(r: tables.Tabel4Rij) -> dict[str, Any]:
        return {
            "regio": r.regio or None,
            "naam": r.naam,
            "groot": r.groot,
            "middel": r.middel,
            "klein": r.klein,
            "onbekend": r.onbekend,
            "totaal": r.totaal,
        }

    return {
        "indeling": t.indeling,
        "gepubliceerd": t.gepubliceerd,
        "regios": [rij(r) for r in t.rijen],
        "totaal": rij(t.totaal) | {"regio": None, "naam": ""},
    }


def _grafiek(g: graphs.Grafiek) -> dict[str, Any]:
    return {
        "nummer": g.nummer,
        "rol": g.rol,
        "vragen": list(g.vragen),
        "regio": g.regio,
        "respondenten": g.n,
        "beantwoord": g.beantwoord,
        "onderdrukt": g.onderdrukt,
        "onbekend": g.onbekend,
        "gepubliceerd": g.gepubliceerd,
        "labels": list(g.labels),
        "codes": list(g.codes),
        "reeksen": [
            {
                "code": s.naam,
                "label": s.label,
                "waarden": [c.waarde for c in s.waarden],
            }
            for s in g.reeksen
        ],
    }


def rapport_json(invoer: RapportInvoer, *, regio: str | None = None) -> dict[str, Any]:
    """Method, Tables 2–4, graphs 1–6 and the change of one round."""
    m = tables.methode(invoer)
    t2 = tables.tabel2(invoer)
    published = tables.tabel4_gepubliceerd(invoer)
    change = tables.verandering(invoer)
    out: dict[str, Any] = {
        "jaar": invoer.jaar,
        "synthetisch": invoer.synthetisch,
        "methode": {
            "openOp": m.open_op.isoformat() if m.open_op else None,
            "sluitOp": m.sluit_op.isoformat() if m.sluit_op else None,
            "groepen": [
                {
                    "rol": g.rol,
                    "uitgenodigd": g.uitgenodigd,
                    "respons": g.respons,
                    "responspercentage": g.responspercentage,
                }
                for g in m.groepen
            ],
            "locaties": m.locaties,
            "organisaties": m.organisaties,
            "gepubliceerd": m.gepubliceerd,
        },
        "tabel2": {
            "gepubliceerd": t2.gepubliceerd,
            "regios": [
                {"regio": r.regio, "naam": r.naam}
                | _cel("responsLsp", r.lsp)
                | _cel("responsCoordinatoren", r.coordinator)
                for r in t2.rijen
            ],
            "totaal": _cel("responsLsp", t2.totaal_lsp)
            | _cel("responsCoordinatoren", t2.totaal_coordinator),
        },
        "tabel3": [
            {
                "grootte": r.grootte,
                "dagdelen": list(r.dagdelen) if r.dagdelen else None,
                "bezoekersPerDag": list(r.bezoekers_per_dag)
                if r.bezoekers_per_dag
                else None,
                "uniekeBezoekersPerJaar": list(r.unieke_bezoekers_per_jaar)
                if r.unieke_bezoekers_per_jaar
                else None,
                "elementen": list(r.elementen),
                "locaties": r.locaties,
                "locatiesMetTelling": r.locaties_met_telling,
                "bezoekersPerDagTelling": r.bezoekers_per_dag_telling,
                "eigenCategorie": r.eigen_categorie,
            }
            for r in tables.tabel3(invoer).rijen
        ],
        "tabel4": _tabel4(published or tables.tabel4(invoer)),
        "tabel4Register": _tabel4(tables.tabel4(invoer)),
        "grafieken": [_grafiek(g) for g in graphs.grafieken(invoer, regio=regio)],
        "verandering": None,
    }
    if invoer.tabel4_indeling is not None:
        out["tabel4Indeling"] = _tabel4(tables.tabel4(invoer, invoer.tabel4_indeling))
    if change is not None:
        out["verandering"] = {
            "vorigeJaar": change.vorige_jaar,
            "vorigeTotaal": change.vorige_totaal,
            "totaal": change.totaal,
            "nieuw": change.aantal_nieuw,
            "afgevallen": change.aantal_afgevallen,
            "afgevallenPerReden": dict(change.afgevallen_per_reden),
            "grootteVeranderd": len(change.grootte_veranderd),
            "gepubliceerd": change.gepubliceerd,
        }
    return out
