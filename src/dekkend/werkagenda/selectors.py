# SPDX-License-Identifier: EUPL-1.2
"""Reads of the werkagenda app for the pages, the API, the exports and the
command line: visible werkagendas, the document in format order with its
texts, suggestions, goals and milestones, the overview rows, version
comparison, financing and the national overview.

Visibility is filtered by `permissions.regios_for`; the command line is
trusted and reads without a user.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any
from uuid import UUID

from django.db.models import QuerySet
from django.utils import timezone

from dekkend.regions.models import Indeling, Regio
from dekkend.regions.selectors import regio_gemeenten
from dekkend.werkagenda import content, measures, prefill
from dekkend.werkagenda.constants import (
    CollegeUitkomst,
    MijlpaalStatus,
    PartijRol,
    PrefillStatus,
)
from dekkend.werkagenda.format.definition import (
    OnderdeelDefinitie,
    VeldDefinitie,
    format_get,
)
from dekkend.werkagenda.models import (
    Collegebesluit,
    Mijlpaal,
    Partij,
    Projectdoelstelling,
    SectieWijziging,
    SpukBedrag,
    Verdeelsleutel,
    Werkagenda,
)
from dekkend.werkagenda.permissions import regios_for
from dekkend.werkagenda.services.planning import KWARTAAL

AFGEROND = (MijlpaalStatus.GEREED, MijlpaalStatus.VERVALLEN)


def werkagenda_queryset() -> QuerySet[Werkagenda]:
    return Werkagenda.objects.select_related("regio__indeling", "vorige")


def werkagenda_list(*, user: Any, regio: Regio | None = None) -> QuerySet[Werkagenda]:
    """Every version the user may see (newest first per region)."""
    qs = werkagenda_queryset().filter(regio__in=regios_for(user))
    return qs.filter(regio=regio) if regio is not None else qs


def werkagenda_get(*, user: Any, uuid: UUID | str) -> Werkagenda:
    """Raises Werkagenda.DoesNotExist when absent or not visible."""
    return werkagenda_list(user=user).get(uuid=uuid)


def werkagenda_current(regio: Regio, *, versie: int | None = None) -> Werkagenda | None:
    """Version `versie` of `regio`, or its latest."""
    qs = werkagenda_queryset().filter(regio=regio).order_by("-versie")
    if versie is not None:
        qs = qs.filter(versie=versie)
    return qs.first()


def kwartaal_einde(kwartaal: str) -> date | None:
    """The last day of "2027-K2" (30 June 2027); None when malformed."""
    match = KWARTAAL.match(kwartaal)
    if not match:
        return None
    jaar, k = int(match.group(1)), int(match.group(2))
    if k == 4:
        return date(jaar, 12, 31)
    return date(jaar, 3 * k + 1, 1) - timedelta(days=1)


def mijlpaal_te_laat(m: Mijlpaal, vandaag: date) -> bool:
    """Overdue: marked "vertraagd", or its quarter is over and it is neither
    done nor dropped."""
    if m.status == MijlpaalStatus.VERTRAAGD:
        return True
    einde = kwartaal_einde(m.kwartaal)
    return einde is not None and einde < vandaag and m.status not in AFGEROND


# -- the document ------------------------------------------------------------


@dataclass
class VeldView:
    definitie: VeldDefinitie
    adres: str
    label: str
    tekst: str
    revisie: int
    gewijzigd_op: Any
    gewijzigd_door: str
    suggestie: prefill.Suggestie | None
    prefill_status: str
    prefill_bron: str
    # Set by the page: the element id and a refused save of this field.
    anker: str = ""
    conflict: Any = None


@dataclass
class DoelView:
    doel: Projectdoelstelling
    voortgang: measures.Voortgang


@dataclass
class OnderdeelView:
    definitie: OnderdeelDefinitie
    status_label: str
    velden: list[VeldView]
    doelen: list[DoelView] = field(default_factory=list)
    mijlpalen: list[tuple[Mijlpaal, bool]] = field(default_factory=list)
    financiers: list[Partij] = field(default_factory=list)
    uitvoeringspartijen: list[Partij] = field(default_factory=list)
    # Set by the page: the element id and the forms of this onderdeel.
    anker: str = ""
    doel_form: Any = None
    mijlpaal_form: Any = None
    partij_form: Any = None

    @property
    def niveau(self) -> int:
        """Heading level: 2 for the RPI and leefgebieden, 3 for an aanpak,
        4 for a part of an aanpak (3a.1)."""
        if self.definitie.soort != "aanpak":
            return 2
        return 4 if self.definitie.sleutel.count(".") else 3


def _user_label(user: Any) -> str:
    if user is None:
        return ""
    return str(user.get_full_name() or user.get_username())


def document_view(
    werkagenda: Werkagenda, *, vandaag: date | None = None, met_voorstellen: bool = True
) -> list[OnderdeelView]:
    """The werkagenda in format order: per onderdeel its fields (text,
    revision, suggestion), goals with progress, milestones (overdue marked)
    and parties."""
    vandaag = vandaag or timezone.localdate()
    definitie = format_get(werkagenda.format_versie)
    secties = {s.adres: s for s in werkagenda.secties.select_related("gewijzigd_door")}
    prefills = {p.adres: p for p in werkagenda.prefills.all()}
    voorstellen = (
        prefill.suggesties(werkagenda, vandaag=vandaag) if met_voorstellen else {}
    )
    metingen = measures.Metingen(werkagenda.regio, vandaag)
    doelen: dict[str, list[DoelView]] = defaultdict(list)
    for d in werkagenda.doelstellingen.prefetch_related("ingroeipad", "realisaties"):
        doelen[d.onderdeel].append(DoelView(d, measures.doel_voortgang(d, metingen)))
    mijlpalen: dict[str, list[tuple[Mijlpaal, bool]]] = defaultdict(list)
    for m in werkagenda.mijlpalen.all():
        mijlpalen[m.onderdeel].append((m, mijlpaal_te_laat(m, vandaag)))
    partijen: dict[tuple[str, str], list[Partij]] = defaultdict(list)
    for p in werkagenda.partijen.select_related("organisatie"):
        partijen[(p.onderdeel, p.rol)].append(p)
    out = []
    for o in definitie.onderdelen:
        velden = []
        for v in o.velden:
            adres = f"{o.sleutel}.{v.sleutel}"
            s = secties.get(adres)
            pf = prefills.get(adres)
            velden.append(
                VeldView(
                    definitie=v,
                    adres=adres,
                    label=definitie.veld_label(v),
                    tekst=s.tekst if s else "",
                    revisie=s.revisie if s else 0,
                    gewijzigd_op=s.gewijzigd_op if s else None,
                    gewijzigd_door=_user_label(s.gewijzigd_door) if s else "",
                    suggestie=voorstellen.get(adres),
                    prefill_status=pf.status if pf else "",
                    prefill_bron=(
                        f"{pf.bron} ({pf.peildatum.isoformat()})"
                        if pf and pf.status == PrefillStatus.GEACCEPTEERD
                        else ""
                    ),
                )
            )
        out.append(
            OnderdeelView(
                definitie=o,
                status_label=definitie.status_label(o.status_azwa),
                velden=velden,
                doelen=doelen.get(o.sleutel, []),
                mijlpalen=mijlpalen.get(o.sleutel, []),
                financiers=partijen.get((o.sleutel, PartijRol.FINANCIER), []),
                uitvoeringspartijen=partijen.get(
                    (o.sleutel, PartijRol.UITVOERINGSPARTIJ), []
                ),
            )
        )
    return out


def werkagenda_inhoud(werkagenda: Werkagenda) -> content.WerkagendaInhoud:
    """The werkagenda as plain content for the exporter."""
    definitie = format_get(werkagenda.format_versie)
    secties = {s.adres: s.tekst for s in werkagenda.secties.all()}
    doelen: dict[str, list[content.Projectdoelstelling]] = defaultdict(list)
    for d in werkagenda.doelstellingen.prefetch_related("ingroeipad"):
        doelen[d.onderdeel].append(
            content.Projectdoelstelling(
                omschrijving=d.omschrijving,
                maatstaf=d.maatstaf,
                maatstaf_label=d.maatstaf_label,
                streefwaarde=d.streefwaarde,
                eenheid=d.eenheid,
                uiterlijk=d.uiterlijk,
                verantwoordelijke=d.verantwoordelijke,
                ingroeipad=tuple((r.jaar, r.waarde) for r in d.ingroeipad.all()),
            )
        )
    mijlpalen: dict[str, list[content.Mijlpaal]] = defaultdict(list)
    for m in werkagenda.mijlpalen.all():
        mijlpalen[m.onderdeel].append(
            content.Mijlpaal(
                kwartaal=m.kwartaal,
                activiteiten=m.activiteiten,
                verantwoordelijke=m.verantwoordelijke,
                deelresultaat=m.deelresultaat,
                status=m.status,
            )
        )
    partijen: dict[tuple[str, str], list[str]] = defaultdict(list)
    for p in werkagenda.partijen.select_related("organisatie"):
        partijen[(p.onderdeel, p.rol)].append(p.weergave)
    onderdelen = []
    for o in definitie.onderdelen:
        onderdelen.append(
            content.OnderdeelInhoud(
                sleutel=o.sleutel,
                velden={
                    v.sleutel: secties[f"{o.sleutel}.{v.sleutel}"]
                    for v in o.velden
                    if secties.get(f"{o.sleutel}.{v.sleutel}")
                },
                doelstellingen=tuple(doelen.get(o.sleutel, ())),
                mijlpalen=tuple(mijlpalen.get(o.sleutel, ())),
                financiers=tuple(partijen.get((o.sleutel, PartijRol.FINANCIER), ())),
                uitvoeringspartijen=tuple(
                    partijen.get((o.sleutel, PartijRol.UITVOERINGSPARTIJ), ())
                ),
            )
        )
    return content.WerkagendaInhoud(
        format_versie=werkagenda.format_versie,
        regio=werkagenda.regio.naam,
        periode_van=werkagenda.periode_van,
        periode_tot=werkagenda.periode_tot,
        status=werkagenda.status,
        versie=werkagenda.versie,
        onderdelen=tuple(onderdelen),
    )


# -- overview ----------------------------------------------------------------


@dataclass(frozen=True)
class AanpakVoortgang:
    onderdeel: OnderdeelDefinitie
    doelen_totaal: int
    doelen_op_koers: int
    mijlpalen_totaal: int
    mijlpalen_gereed: int
    mijlpalen_te_laat: int


@dataclass(frozen=True)
class RegioOverzicht:
    regio: Regio
    werkagenda: Werkagenda | None
    deadline: date
    gemeenten: int
    colleges_vastgesteld: int
    te_laat: list[Mijlpaal]
    aanpakken: list[AanpakVoortgang]
    doelen_totaal: int
    doelen_op_koers: int

    @property
    def aandeel_op_koers(self) -> float | None:
        return self.doelen_op_koers / self.doelen_totaal if self.doelen_totaal else None


def deadline_for(werkagenda: Werkagenda | None, vandaag: date) -> date:
    """15 November of the year shown: the year before the period for a first
    version (004: adopted by 15 November 2026), else this year."""
    if werkagenda is None or werkagenda.versie == 1:
        jaar = (werkagenda.periode_van - 1) if werkagenda else vandaag.year
    else:
        jaar = vandaag.year
    return Werkagenda(periode_van=jaar + 1).deadline(jaar)


def regio_overzicht(
    regio: Regio, *, vandaag: date | None = None, met_metingen: bool = True
) -> RegioOverzicht:
    """Status, deadline, colleges adopted, overdue milestones and per aanpak
    the goals on track and milestones done, for the latest version."""
    vandaag = vandaag or timezone.localdate()
    wa = werkagenda_current(regio)
    n_gemeenten = regio_gemeenten(regio=regio).count()
    if wa is None:
        return RegioOverzicht(
            regio, None, deadline_for(None, vandaag), n_gemeenten, 0, [], [], 0, 0
        )
    definitie = format_get(wa.format_versie)
    colleges = wa.collegebesluiten.filter(uitkomst=CollegeUitkomst.VASTGESTELD).count()
    metingen = measures.Metingen(regio, vandaag)
    status_per_doel: dict[str, list[str]] = defaultdict(list)
    for d in wa.doelstellingen.prefetch_related("ingroeipad", "realisaties"):
        # Progress is live, also after adoption (the frozen copy keeps the
        # values of the adoption day for the document and its export).
        status_per_doel[d.onderdeel].append(
            measures.doel_voortgang(d, metingen).status if met_metingen else ""
        )
    per_onderdeel: dict[str, list[Mijlpaal]] = defaultdict(list)
    te_laat = []
    for m in wa.mijlpalen.all():
        per_onderdeel[m.onderdeel].append(m)
        if mijlpaal_te_laat(m, vandaag):
            te_laat.append(m)
    aanpakken = []
    for o in definitie.onderdelen:
        if o.soort != "aanpak":
            continue
        statussen = status_per_doel.get(o.sleutel, [])
        ms = per_onderdeel.get(o.sleutel, [])
        aanpakken.append(
            AanpakVoortgang(
                onderdeel=o,
                doelen_totaal=len(statussen),
                doelen_op_koers=statussen.count(measures.OP_KOERS),
                mijlpalen_totaal=len(ms),
                mijlpalen_gereed=sum(m.status == MijlpaalStatus.GEREED for m in ms),
                mijlpalen_te_laat=sum(mijlpaal_te_laat(m, vandaag) for m in ms),
            )
        )
    alle = [s for ss in status_per_doel.values() for s in ss]
    return RegioOverzicht(
        regio=regio,
        werkagenda=wa,
        deadline=deadline_for(wa, vandaag),
        gemeenten=n_gemeenten,
        colleges_vastgesteld=colleges,
        te_laat=te_laat,
        aanpakken=aanpakken,
        doelen_totaal=len(alle),
        doelen_op_koers=alle.count(measures.OP_KOERS),
    )


@dataclass(frozen=True)
class LandelijkeRij:
    """One region in the national overview: aggregates only."""

    regio: Regio
    werkagenda: Werkagenda | None
    gemeenten: int
    colleges_vastgesteld: int
    doelen_totaal: int
    doelen_op_koers: int

    @property
    def aandeel_op_koers(self) -> float | None:
        return self.doelen_op_koers / self.doelen_totaal if self.doelen_totaal else None


def landelijk_overzicht(
    indeling: Indeling, *, vandaag: date | None = None
) -> list[LandelijkeRij]:
    """Every region of `indeling`: its latest werkagenda, status, colleges
    adopted, VWS submission and share of goals on track (computed per
    goal by `measures`, or the frozen status of an adopted version)."""
    vandaag = vandaag or timezone.localdate()
    rows = []
    for regio in (
        Regio.objects.filter(indeling=indeling)
        .select_related("indeling")
        .order_by("naam")
    ):
        o = regio_overzicht(regio, vandaag=vandaag)
        rows.append(
            LandelijkeRij(
                regio=regio,
                werkagenda=o.werkagenda,
                gemeenten=o.gemeenten,
                colleges_vastgesteld=o.colleges_vastgesteld,
                doelen_totaal=o.doelen_totaal,
                doelen_op_koers=o.doelen_op_koers,
            )
        )
    return rows


# -- history and comparison --------------------------------------------------


def sectie_history(werkagenda: Werkagenda) -> QuerySet[SectieWijziging]:
    return SectieWijziging.objects.filter(sectie__werkagenda=werkagenda).select_related(
        "sectie", "gewijzigd_door"
    )


@dataclass(frozen=True)
class VergelijkRij:
    adres: str
    kop: str
    label: str
    links: str
    rechts: str

    @property
    def gewijzigd(self) -> bool:
        return self.links != self.rechts


def versies_compare(links: Werkagenda, rechts: Werkagenda) -> list[VergelijkRij]:
    """Both versions side by side, field by field in format order (of the
    newer version's format)."""
    definitie = format_get(rechts.format_versie)
    a = {s.adres: s.tekst for s in links.secties.all()}
    b = {s.adres: s.tekst for s in rechts.secties.all()}
    rows = []
    for o in definitie.onderdelen:
        for v in o.velden:
            adres = f"{o.sleutel}.{v.sleutel}"
            rows.append(
                VergelijkRij(
                    adres,
                    o.kop,
                    definitie.veld_label(v),
                    a.get(adres, ""),
                    b.get(adres, ""),
                )
            )
    return rows


# -- financing ---------------------------------------------------------------


@dataclass(frozen=True)
class FinancieringsRij:
    regeling: str
    onderdeel: str
    bron: str
    landelijk: dict[int, Decimal]
    regio: dict[int, Decimal | None]


@dataclass(frozen=True)
class Financiering:
    sleutel: str
    sleutels: list[str]
    aandeel: Decimal | None
    ontbrekend: list[str]
    jaren: list[int]
    rijen: list[FinancieringsRij]
    plan: dict[str, dict[int, Decimal]]
    plan_totaal: dict[int, Decimal]
    beschikbaar_regionaal: dict[int, Decimal | None]


def financiering(werkagenda: Werkagenda, *, sleutel: str = "") -> Financiering:
    """The national SPUK amounts (004 §4), the region's share under the
    distribution key `sleutel` (sum of its gemeenten's shares) and the
    planned amounts of the financieel plan per aanpak and year."""
    sleutels = sorted(set(Verdeelsleutel.objects.values_list("naam", flat=True)))
    sleutel = sleutel if sleutel in sleutels else (sleutels[0] if sleutels else "")
    codes = set(regio_gemeenten(regio=werkagenda.regio).values_list("code", flat=True))
    aandeel: Decimal | None = None
    ontbrekend: list[str] = []
    if sleutel:
        shares = dict(
            Verdeelsleutel.objects.filter(
                naam=sleutel, gemeente__code__in=codes
            ).values_list("gemeente__code", "aandeel")
        )
        aandeel = sum(shares.values(), Decimal(0))
        ontbrekend = sorted(codes - set(shares))
    bedragen: dict[tuple[str, str], dict[int, Any]] = defaultdict(dict)
    bronnen: dict[tuple[str, str], str] = {}
    for b in SpukBedrag.objects.all():
        bedragen[(b.regeling, b.onderdeel)][b.jaar] = b.bedrag
        bronnen[(b.regeling, b.onderdeel)] = b.bron
    jaren = sorted({j for v in bedragen.values() for j in v})
    rijen = []
    for (regeling, onderdeel), per_jaar in bedragen.items():
        rijen.append(
            FinancieringsRij(
                regeling=regeling,
                onderdeel=onderdeel,
                bron=bronnen[(regeling, onderdeel)],
                landelijk=per_jaar,
                regio={
                    j: (v * aandeel).quantize(Decimal(1))
                    if aandeel is not None
                    else None
                    for j, v in per_jaar.items()
                },
            )
        )
    plan: dict[str, dict[int, Decimal]] = defaultdict(dict)
    totaal: dict[int, Decimal] = defaultdict(Decimal)
    for r in werkagenda.financieel_plan.all():
        plan[r.onderdeel][r.jaar] = r.bedrag
        totaal[r.jaar] += r.bedrag
    regionaal = next((r for r in rijen if r.onderdeel == "regionaal"), None)
    return Financiering(
        sleutel=sleutel,
        sleutels=sleutels,
        aandeel=aandeel,
        ontbrekend=ontbrekend,
        jaren=jaren,
        rijen=rijen,
        plan=dict(plan),
        plan_totaal=dict(totaal),
        beschikbaar_regionaal=regionaal.regio if regionaal else {},
    )


def collegebesluiten_view(
    werkagenda: Werkagenda,
) -> list[tuple[Any, Collegebesluit | None]]:
    """Every gemeente of the region with its college decision (or None)."""
    besluiten = {b.gemeente_id: b for b in werkagenda.collegebesluiten.all()}
    return [(g, besluiten.get(g.pk)) for g in regio_gemeenten(regio=werkagenda.regio)]
