# SPDX-License-Identifier: EUPL-1.2
"""Plain context for the coverage pages: rows, bar widths and maps are
computed here so the templates do no arithmetic."""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _

from dekkend.coverage.analysis import advisor
from dekkend.coverage.analysis.aggregate import RegioTotaal
from dekkend.coverage.constants import BASISFUNCTIONALITEITEN, REALISATIE_INDICATOREN
from dekkend.coverage.models import Realisatie
from dekkend.regions import svgmap
from dekkend.regions.constants import VERSION_SOURCE as REGIONS
from dekkend.regions.models import Gemeente
from dekkend.register.constants import LspType
from dekkend.register.maps import lijst, regio_map
from dekkend.versions.cache import cached


@dataclass(frozen=True)
class Balk:
    label: str
    waarde: float
    tekst: str
    breedte_pct: float
    href: str = ""


def balken(
    items: Iterable[tuple[str, float, str, str]], *, maximum: float | None = None
) -> list[Balk]:
    """Horizontal bars: (label, value, text, href) scaled to the largest value."""
    rows = list(items)
    top = (
        maximum if maximum is not None else max((v for _, v, _, _ in rows), default=0.0)
    )
    return [
        Balk(label, v, tekst, round(100 * v / top, 1) if top else 0.0, href)
        for label, v, tekst, href in rows
    ]


def pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.0f}%".replace(".", ",")


def gemeente_map(
    results: Sequence[Mapping[str, Any]],
    lsp_points: Sequence[svgmap.Punt],
    *,
    naam: str = "",
) -> svgmap.Kaart:
    """The gemeenten of `results`, those without an LSP in orange, named
    (register/maps.py `regio_map`); `naam` is the region's name in the map's
    accessible name.

    Kept per process until the gemeenten change (`versions.cache`): reading
    and projecting every outline costs more than the rest of a page. What
    the register adds (which gemeenten lack an LSP, the points) is part of
    the key, and so is the language of the texts."""
    heeft_lsp = tuple(
        sorted((r["gemeentecode"], bool(r["heeft_lsp"])) for r in results)
    )
    punten = tuple(lsp_points)

    def compute() -> svgmap.Kaart:
        codes = dict(heeft_lsp)
        vlakken, zonder = [], set()
        for g in Gemeente.objects.filter(code__in=codes).only(
            "code", "naam", "geometrie"
        ):
            if g.geometrie:
                vlakken.append((g.geometrie, g.naam))
                if not codes[g.code]:
                    zonder.add(g.naam)
        kaart = regio_map(
            naam=naam or str(_("Nederland")),
            gemeenten=vlakken,
            zonder=zonder,
            punten=punten,
            alle_namen=bool(naam),
        )
        kaart.inhoud = render_to_string("kaart_inhoud.html", {"kaart": kaart})
        return kaart

    return cached(
        ("coverage.gemeente_map", heeft_lsp, punten, naam, get_language()),
        compute,
        sources=(REGIONS,),
    )


KORT_TYPE = {
    "groot": gettext_lazy("groot"),
    "middel": gettext_lazy("middel"),
    "klein": gettext_lazy("klein"),
    "onbekend": gettext_lazy("onbekend"),
}


def maat_uitleg(parameters: Mapping[str, float]) -> dict[str, str]:
    """What each measure on the coverage pages means, with the region's own
    assumptions filled in, to be shown where the measure is."""
    return {
        "binnen_km": _(
            "Binnen N km: het aandeel van de inwoners dat op hemelsbreed N km of "
            "minder van het dichtstbijzijnde LSP woont (gerekend vanaf het midden "
            "van hun postcodegebied, ook over de regiogrens)."
        ),
        "afstand": _(
            "Afstand: de gemiddelde hemelsbrede afstand van de inwoners van de "
            "gemeente tot het dichtstbijzijnde LSP; 'met 4 elementen' telt alleen "
            "LSP die alle vier de elementen bieden."
        ),
        "capaciteit": _(
            "Capaciteit / behoefte: hoeveel plaatsen de LSP hebben tegenover het "
            "aantal inwoners dat er baat bij heeft. Behoefte: %(baat)s van de "
            "inwoners. Plaatsen: verschillende bezoekers per jaar, %(groot)s voor "
            "een LSP groot, %(middel)s voor middel en %(klein)s voor klein of "
            "onbekend. 100%% betekent plaats voor iedereen die er baat bij heeft; "
            "5%% betekent plaats voor 1 op de 20."
        )
        % {
            "baat": _pct1(parameters.get("aandeel_baat_lsp", 0.0)),
            "groot": _fmt(parameters.get("capaciteit_groot", 0.0)),
            "middel": _fmt(parameters.get("capaciteit_middel", 0.0)),
            "klein": _fmt(parameters.get("capaciteit_klein", 0.0)),
        },
        "type": _(
            "LSP per type: groot, middel en klein volgen uit het aantal dagdelen "
            "dat een LSP open is; onbekend: de openingstijden zijn nog niet "
            "ingevuld. Geadviseerd type: wat bij het aantal inwoners van de "
            "gemeente en de stedelijkheid past (grote stad: groot; landelijk: klein)."
        ),
    }


def parameters_met_datum(
    parameters: Mapping[str, Mapping[str, Any]],
) -> dict[str, dict[str, Any]]:
    """The parameters of an analysis with each deviation's ISO timestamp as a
    datetime, so the page shows it in the Dutch date format."""
    out: dict[str, dict[str, Any]] = {}
    for key, p in parameters.items():
        row = dict(p)
        afwijking = p.get("afwijking")
        if afwijking and isinstance(afwijking.get("ingevoerd_op"), str):
            row["afwijking"] = {
                **afwijking,
                "ingevoerd_op": datetime.fromisoformat(afwijking["ingevoerd_op"]),
            }
        out[key] = row
    return out


def _pct1(value: float) -> str:
    return f"{value * 100:.1f}%".replace(".", ",")


@dataclass(frozen=True)
class StreefwaardeRij:
    basisfunctionaliteit: str
    label: str
    waarde: str
    eenheid: str
    bron: str
    realisatie: str
    status: str


def _fmt(value: float) -> str:
    text = f"{value:,.1f}" if value % 1 else f"{value:,.0f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def streefwaarde_rijen(
    streefwaarden: Mapping[str, Mapping[str, Mapping[str, Any]]],
    realisaties: Mapping[tuple[str, str], Realisatie],
) -> list[StreefwaardeRij]:
    """One row per target; actual figures next to the target they answer."""
    realisatie_by_doel: dict[tuple[str, str], tuple[Realisatie, tuple[str, ...]]] = {}
    for ind in REALISATIE_INDICATOREN:
        r = realisaties.get((ind.basisfunctionaliteit, ind.sleutel))
        if r is not None:
            realisatie_by_doel[(ind.basisfunctionaliteit, ind.doel[0])] = (r, ind.doel)
    rows = []
    for bf, values in streefwaarden.items():
        for key, sw in values.items():
            tekst, status = "", ""
            if (bf, key) in realisatie_by_doel:
                r, doel = realisatie_by_doel[(bf, key)]
                low = values[doel[0]]["waarde"]
                high = values[doel[-1]]["waarde"]
                tekst = f"{_fmt(r.waarde)} ({r.jaar})"
                status = "gehaald" if r.waarde >= low else "onder"
                if len(doel) > 1 and r.waarde > high:
                    status = "boven"
            rows.append(
                StreefwaardeRij(
                    str(BASISFUNCTIONALITEITEN.get(bf, bf)),
                    sw["label"],
                    _fmt(sw["waarde"]),
                    sw["eenheid"],
                    sw["bron"],
                    tekst,
                    status,
                )
            )
    return rows


REDEN_LABELS = {
    advisor.REDEN_PER_GEMEENTE: gettext_lazy("de gemeente heeft nog geen LSP"),
    advisor.REDEN_NABIJHEID: gettext_lazy(
        "er gaan meer inwoners dichtbij een LSP wonen"
    ),
    advisor.REDEN_CAPACITEIT: gettext_lazy(
        "de plaatsen in de LSP dekken de behoefte nog niet"
    ),
}


def redenen(codes: Iterable[str]) -> str:
    return "; ".join(str(REDEN_LABELS.get(c, c)) for c in codes)


def _aantal(value: float) -> str:
    """A count of people, rounded to whole persons, Dutch thousands separator."""
    return _fmt(float(round(value)))


VOOR_NA_LABELS = {
    "aandeel_binnen_km": gettext_lazy("Inwoners binnen %(km)s km van een LSP"),
    "capaciteit_personen": gettext_lazy("Plaatsen in de LSP (bezoekers per jaar)"),
    "behoefte_personen": gettext_lazy(
        "Behoefte (inwoners die baat hebben bij een LSP)"
    ),
    "gemeenten_zonder_lsp": gettext_lazy("Gemeenten zonder LSP"),
    "aantal_lsp": gettext_lazy("Aantal LSP"),
}


def voor_na(
    voor: Mapping[str, float], na: Mapping[str, float], *, km: str = ""
) -> list[tuple[str, str, str]]:
    rows = []
    for key, label in VOOR_NA_LABELS.items():
        if key in voor:
            fmt = pct if key.startswith("aandeel") else _aantal
            rows.append(
                (
                    str(label) % {"km": km} if "%(km)s" in str(label) else str(label),
                    fmt(voor[key]),
                    fmt(na.get(key, voor[key])),
                )
            )
    return rows


@dataclass(frozen=True)
class AdviesRij:
    """One gemeente in the advice: what it gets, the places that adds, why."""

    gemeente: str
    wat: str
    extra_plaatsen: str
    waarom: str


@dataclass(frozen=True)
class AdviesWeergave:
    samenvatting: str  # the advice in one or two sentences
    haalbaar: bool
    rijen: list[AdviesRij]
    voor_na: list[tuple[str, str, str]]
    berekening: list[str]  # the optimiser's own account, for who wants to check


def _km_text(km: float) -> str:
    return f"{km:g}".replace(".", ",")


def advies_weergave(
    proposal: advisor.Proposal,
    *,
    namen: Mapping[str, str],
    capaciteit: Mapping[str, float],
    afstand_km: float,
    doel_aandeel: float,
    capaciteit_aandeel: float,
) -> AdviesWeergave:
    """The placement advice as a policy officer reads it (coverage/analysis/
    advisor.py computes it): which gemeenten get which LSP, what that does to
    the share of inhabitants within the distance and to the places, and why.

    `capaciteit` is the places per year of each LSP type (the region's
    parameters `capaciteit_<type>`).
    """
    km = _km_text(afstand_km)
    rows: list[AdviesRij] = []
    per_type: dict[str, list[str]] = {}
    for n in proposal.nieuw:
        naam = namen.get(n.gemeente_code, n.gemeente_code)
        type_label = str(LspType(n.lsp_type).label)
        wat = (
            _("nieuw: %(type)s") % {"type": type_label}
            if n.aantal == 1
            else _("nieuw: %(n)d × %(type)s") % {"n": n.aantal, "type": type_label}
        )
        rows.append(
            AdviesRij(
                naam,
                wat,
                "+" + _aantal(n.aantal * capaciteit.get(n.lsp_type, 0.0)),
                redenen(n.reden),
            )
        )
        per_type.setdefault(type_label, []).append(naam)
    upgrades: list[str] = []
    for u in proposal.upgrades:
        naam = namen.get(u.gemeente_code, u.gemeente_code)
        van, naar = str(LspType(u.van).label), str(LspType(u.naar).label)
        rows.append(
            AdviesRij(
                naam,
                _("uitbreiden: %(van)s wordt %(naar)s") % {"van": van, "naar": naar},
                "+" + _aantal(capaciteit.get(u.naar, 0.0) - capaciteit.get(u.van, 0.0)),
                redenen(u.reden),
            )
        )
        upgrades.append(naam)
    rows.sort(key=lambda r: r.gemeente)

    voor, na = proposal.voor, proposal.na
    doelen = _(
        "Doel: %(doel)s van de inwoners binnen %(km)s km van een LSP, en plaats "
        "voor %(cap)s van de behoefte."
    ) % {"doel": pct(doel_aandeel), "km": km, "cap": pct(capaciteit_aandeel)}
    if proposal.status == "onhaalbaar":
        zin = _(
            "Dit doel is met deze uitgangspunten niet te halen. Hieronder staat "
            "waarom; verlaag het doel of vergroot de afstand."
        )
        return AdviesWeergave(
            f"{doelen} {zin}", False, [], [], list(proposal.toelichting)
        )
    if not rows:
        zin = _("Er hoeft niets bij: het netwerk haalt dit doel al.")
    else:
        delen = [
            ngettext(
                "%(namen)s krijgt een %(type)s",
                "%(namen)s krijgen elk een %(type)s",
                len(gemeenten),
            )
            % {"namen": lijst(sorted(gemeenten)), "type": type_label}
            for type_label, gemeenten in per_type.items()
        ]
        if upgrades:
            delen.append(
                ngettext(
                    "in %(namen)s wordt een bestaand LSP uitgebreid",
                    "in %(namen)s worden bestaande LSP uitgebreid",
                    len(upgrades),
                )
                % {"namen": lijst(sorted(upgrades))}
            )
        zin = _("Advies: %(wat)s.") % {"wat": "; ".join(delen)}
    effect = _(
        "Daarmee woont %(na)s van de inwoners binnen %(km)s km van een LSP (nu "
        "%(voor)s), en komen er %(plaatsen_na)s plaatsen per jaar (nu "
        "%(plaatsen_voor)s) voor %(behoefte)s inwoners die baat hebben bij een LSP."
    ) % {
        "na": pct(na.get("aandeel_binnen_km")),
        "voor": pct(voor.get("aandeel_binnen_km")),
        "km": km,
        "plaatsen_na": _aantal(na.get("capaciteit_personen", 0.0)),
        "plaatsen_voor": _aantal(voor.get("capaciteit_personen", 0.0)),
        "behoefte": _aantal(voor.get("behoefte_personen", 0.0)),
    }
    if proposal.status == "tijdslimiet":
        effect += " " + _(
            "De berekening stopte na de tijdslimiet: het voorstel haalt het doel, "
            "maar er is misschien een kleiner voorstel."
        )
    berekening = list(proposal.toelichting)
    if proposal.doelwaarde is not None:
        berekening.append(
            _(
                "Het voorstel is het goedkoopste dat alle eisen haalt; de rekenkosten "
                "(een gewicht per type LSP en per uitbreiding) zijn samen %(k)s."
            )
            % {"k": _fmt(proposal.doelwaarde)}
        )
    return AdviesWeergave(
        f"{doelen} {zin} {effect}",
        True,
        rows,
        voor_na(voor, na, km=km),
        berekening,
    )


def regio_href(indeling: str, code: str) -> str:
    return reverse("coverage:regio", kwargs={"indeling": indeling, "code": code})


def regio_balken(
    totals: Sequence[RegioTotaal], codes: Mapping[str, str], indeling: str, key: str
) -> list[Balk]:
    return balken(
        (
            t.regio,
            t.aandeel_inwoners_binnen_km.get(key, 0.0),
            pct(t.aandeel_inwoners_binnen_km.get(key)),
            regio_href(indeling, codes[t.regio]),
        )
        for t in totals
    )
