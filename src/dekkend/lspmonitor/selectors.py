# SPDX-License-Identifier: EUPL-1.2
"""Every read of the LSP monitor for pages, API and commands.

Respondents' names and e-mail addresses are read only by the invitation
selectors, which the landelijk pages alone call. What does not belong here:
the report's tables and graphs (`report/`).
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any
from uuid import UUID

from django.db.models import Count, Max, Prefetch, Q, QuerySet

from dekkend.lspmonitor.constants import (
    MIN_RESPONDENTEN,
    Besluit,
    ResponsStatus,
    UitnodigingRol,
    VoorstelStatus,
)
from dekkend.lspmonitor.models import (
    Beoordeling,
    BezoekersTelling,
    Kandidaat,
    LocatieVoorstel,
    Respons,
    Ronde,
    Uitnodiging,
)
from dekkend.lspmonitor.permissions import user_regio_ids
from dekkend.regions.models import Regio
from dekkend.register import lsp_type
from dekkend.register.models import MonitorTelling, Steunpunt
from dekkend.register.permissions import user_organisatie_ids


def ronde_list() -> QuerySet[Ronde]:
    return Ronde.objects.select_related("indeling").order_by("-jaar")


def ronde_get(*, jaar: int) -> Ronde:
    """Raises Ronde.DoesNotExist."""
    return Ronde.objects.select_related("indeling").get(jaar=jaar)


def ronde_vorige(*, ronde: Ronde) -> Ronde | None:
    return Ronde.objects.filter(jaar__lt=ronde.jaar).order_by("-jaar").first()


@dataclass(frozen=True)
class KandidaatFilter:
    regio: str | None = None  # region code
    besluit: str | None = None
    bron: str | None = None
    lsp_type: str | None = None
    zoekterm: str | None = None
    afwijkend: bool = False  # only where the §4.2 size and Q4 disagree


def kandidaat_list(
    *, ronde: Ronde, filters: KandidaatFilter | None = None
) -> QuerySet[Kandidaat]:
    f = filters or KandidaatFilter()
    qs = (
        ronde.kandidaten.select_related(
            "gemeente", "regio", "steunpunt__aanbod__organisatie"
        )
        .defer("gemeente__geometrie", "regio__geometrie")
        .prefetch_related(
            Prefetch("beoordelingen", queryset=Beoordeling.objects.order_by("rol"))
        )
    )
    if f.regio:
        qs = qs.filter(regio__code=f.regio)
    if f.besluit:
        qs = qs.filter(besluit=f.besluit)
    if f.bron:
        qs = qs.filter(bron=f.bron)
    if f.lsp_type:
        qs = qs.filter(lsp_type=f.lsp_type)
    if f.zoekterm:
        qs = qs.filter(
            Q(naam__icontains=f.zoekterm) | Q(organisatie_naam__icontains=f.zoekterm)
        )
    return qs.order_by("regio__naam", "naam")


def kandidaat_get(*, ronde: Ronde, uuid: UUID) -> Kandidaat:
    return kandidaat_list(ronde=ronde).get(uuid=uuid)


def regio_lijst(*, ronde: Ronde, regio: Regio | None) -> list[Kandidaat]:
    """The current list of a region shown inside the questionnaire."""
    if regio is None:
        return []
    return list(
        ronde.kandidaten.filter(regio=regio)
        .exclude(besluit=Besluit.AF)
        .select_related("gemeente")
        .defer("gemeente__geometrie")
        .order_by("naam")
    )


# -- response tracking (Table 2, live) ----------------------------------------


@dataclass(frozen=True)
class ResponsRij:
    regio: Regio
    lsp: int
    coordinator: int
    uitgenodigd: int

    @property
    def totaal(self) -> int:
        return self.lsp + self.coordinator


@dataclass(frozen=True)
class ResponsOverzicht:
    rijen: list[ResponsRij]
    lsp: int
    coordinator: int
    uitgenodigd: int
    gepubliceerd: bool  # figures from the published report (2025)
    zonder_regio: int = 0

    @property
    def totaal(self) -> int:
        return self.lsp + self.coordinator


def respons_per_regio(
    *, ronde: Ronde, regio_ids: set[int] | None = None
) -> ResponsOverzicht:
    """Submitted responses per region of the round's division and role.
    For a round with published figures (2025), Table 2 as published."""
    regios = list(
        Regio.objects.filter(indeling_id=ronde.indeling_id)
        .defer("geometrie")
        .order_by("naam")
    )
    if regio_ids is not None:
        regios = [r for r in regios if r.pk in regio_ids]
    if ronde.gepubliceerde_cijfers:
        tellingen = {
            t.regio_id: t for t in MonitorTelling.objects.filter(jaar=ronde.jaar)
        }
        rijen = [
            ResponsRij(
                regio=r,
                lsp=(tellingen[r.pk].respons_lsp or 0) if r.pk in tellingen else 0,
                coordinator=(tellingen[r.pk].respons_regiocoordinatoren or 0)
                if r.pk in tellingen
                else 0,
                uitgenodigd=0,
            )
            for r in regios
        ]
        return ResponsOverzicht(
            rijen=rijen,
            lsp=sum(r.lsp for r in rijen),
            coordinator=sum(r.coordinator for r in rijen),
            uitgenodigd=0,
            gepubliceerd=True,
        )
    counts: dict[tuple[int | None, str], int] = defaultdict(int)
    for regio_id, rol, n in (
        ronde.responsen.filter(status=ResponsStatus.INGEDIEND)
        .values_list("regio_id", "rol")
        .annotate(n=Count("id"))
    ):
        counts[(regio_id, rol)] = n
    invited = Counter(
        dict(
            ronde.uitnodigingen.filter(ingetrokken_op__isnull=True)
            .values_list("regio_id")
            .annotate(n=Count("id"))
        )
    )
    rijen = [
        ResponsRij(
            regio=r,
            lsp=counts[(r.pk, UitnodigingRol.LSP)],
            coordinator=counts[(r.pk, UitnodigingRol.COORDINATOR)],
            uitgenodigd=invited.get(r.pk, 0),
        )
        for r in regios
    ]
    zonder = (
        counts[(None, UitnodigingRol.LSP)] + counts[(None, UitnodigingRol.COORDINATOR)]
    )
    return ResponsOverzicht(
        rijen=rijen,
        lsp=sum(r.lsp for r in rijen),
        coordinator=sum(r.coordinator for r in rijen),
        uitgenodigd=sum(r.uitgenodigd for r in rijen),
        gepubliceerd=False,
        zonder_regio=zonder if regio_ids is None else 0,
    )


# -- invitations (landelijk only: names and e-mail addresses) ------------------


def uitnodiging_list(*, ronde: Ronde, rol: str | None = None) -> QuerySet[Uitnodiging]:
    qs = ronde.uitnodigingen.select_related("regio", "organisatie", "respons").defer(
        "regio__geometrie"
    )
    if rol:
        qs = qs.filter(rol=rol)
    return qs.order_by("regio__naam", "rol", "naam")


def uitnodiging_status(uitnodiging: Uitnodiging) -> str:
    """ingetrokken / ingediend / opgeslagen / geopend / verstuurd / nieuw."""
    if uitnodiging.ingetrokken_op:
        return "ingetrokken"
    respons = getattr(uitnodiging, "respons", None)
    if respons is not None and respons.status == ResponsStatus.INGEDIEND:
        return "ingediend"
    if respons is not None and respons.antwoorden:
        return "opgeslagen"
    if uitnodiging.geopend_op:
        return "geopend"
    if uitnodiging.verstuurd_op:
        return "verstuurd"
    return "nieuw"


# -- location proposals and how fresh the register is -------------------------


def voorstel_list(
    *, ronde: Ronde, status: str | None = None
) -> QuerySet[LocatieVoorstel]:
    qs = LocatieVoorstel.objects.filter(respons__ronde=ronde).select_related(
        "locatie__gemeente", "steunpunt__aanbod__organisatie", "respons__regio"
    )
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("status", "locatie__naam")


def gecontroleerd_op(*, steunpunt_ids: list[int] | None = None) -> dict[int, date]:
    """Per support point, the date the programme last accepted a respondent's
    confirmation of its register data ("gecontroleerd op")."""
    qs = LocatieVoorstel.objects.filter(status=VoorstelStatus.GEACCEPTEERD)
    if steunpunt_ids is not None:
        qs = qs.filter(steunpunt_id__in=steunpunt_ids)
    return {
        sp: moment.date()
        for sp, moment in qs.values_list("steunpunt_id").annotate(
            m=Max("beoordeeld_op")
        )
        if moment is not None
    }


# -- size: the §4.2 rule beside the LSP's own answer (Q4) ----------------------

# Q4 categories as the LSP sees them; the bounds differ from §4.2 (A counts
# days, B and C dagdelen, and visitors) but each maps to one size class.
CATEGORIE_KLASSE = {"A": lsp_type.GROOT, "B": lsp_type.MIDDEL, "C": lsp_type.KLEIN}


@dataclass
class GrootteVergelijking:
    register: dict[str, int] = field(
        default_factory=dict
    )  # groot/middel/klein/onbekend
    eigen: dict[str, int] | None = None  # A/B/C as answered, None = no answer

    @property
    def afwijkend(self) -> bool:
        if self.eigen is None:
            return False
        eigen = {
            CATEGORIE_KLASSE[c]: n
            for c, n in self.eigen.items()
            if c in CATEGORIE_KLASSE
        }
        return any(
            self.register.get(k, 0) != eigen.get(k, 0)
            for k in (lsp_type.GROOT, lsp_type.MIDDEL, lsp_type.KLEIN)
        )


def _grootte_sleutel(ronde: Ronde) -> str | None:
    from dekkend.lspmonitor.questionnaire.definition import (
        DOEL_GROOTTE_ZELF,
        vragenlijst_get,
    )

    vragen = vragenlijst_get(ronde.vragenlijst_versie).vragen_met_doel(
        DOEL_GROOTTE_ZELF
    )
    return vragen[0].sleutel if vragen else None


def grootte_per_organisatie(*, ronde: Ronde) -> dict[int, GrootteVergelijking]:
    """Per organisation on the base list: its locations by the §4.2 size rule
    (from dagdelen) and its own answer to Q4 in this round's submitted LSP
    response, with `afwijkend` where they disagree."""
    result: dict[int, GrootteVergelijking] = defaultdict(GrootteVergelijking)
    for org_id, type_code, aantal in (
        ronde.kandidaten.filter(steunpunt__isnull=False)
        .exclude(besluit=Besluit.AF)
        .values_list("steunpunt__aanbod__organisatie_id", "lsp_type", "aantal")
    ):
        counts = result[org_id].register
        counts[type_code] = counts.get(type_code, 0) + aantal
    sleutel = _grootte_sleutel(ronde)
    if sleutel:
        for org_id, antwoorden in ronde.responsen.filter(
            status=ResponsStatus.INGEDIEND,
            rol=UitnodigingRol.LSP,
            organisatie__isnull=False,
        ).values_list("organisatie_id", "antwoorden"):
            answer = antwoorden.get(sleutel)
            if isinstance(answer, dict) and org_id in result:
                result[org_id].eigen = {
                    k: v for k, v in answer.items() if isinstance(v, int)
                }
    return dict(result)


# -- regio and LSP views --------------------------------------------------------


@dataclass(frozen=True)
class RegioResultaat:
    regio: Regio
    respondenten_lsp: int
    respondenten_coordinator: int
    locaties: dict[str, int]  # size class → count on the base list
    onderdrukt: bool  # fewer than MIN_RESPONDENTEN respondents

    @property
    def respondenten(self) -> int:
        return self.respondenten_lsp + self.respondenten_coordinator


def regio_resultaten(*, user: Any, ronde: Ronde) -> list[RegioResultaat]:
    """The results of the regions `user` may see in this round. Figures
    from answers are for the report; here the counts, with the respondent
    numbers suppressed when below MIN_RESPONDENTEN in total."""
    ids = user_regio_ids(user, ronde)
    overzicht = respons_per_regio(ronde=ronde, regio_ids=ids)
    sizes: dict[int, Counter[str]] = defaultdict(Counter)
    if ronde.gepubliceerde_cijfers:
        for t in MonitorTelling.objects.filter(jaar=ronde.jaar):
            sizes[t.regio_id].update(
                {
                    lsp_type.GROOT: t.groot,
                    lsp_type.MIDDEL: t.middel,
                    lsp_type.KLEIN: t.klein,
                }
            )
    else:
        for regio_id, code, aantal in ronde.kandidaten.exclude(
            besluit=Besluit.AF
        ).values_list("regio_id", "lsp_type", "aantal"):
            sizes[regio_id][code] += aantal
    return [
        RegioResultaat(
            regio=rij.regio,
            respondenten_lsp=rij.lsp,
            respondenten_coordinator=rij.coordinator,
            locaties={k: sizes[rij.regio.pk].get(k, 0) for k in lsp_type.LSP_TYPES},
            onderdrukt=0 < rij.totaal < MIN_RESPONDENTEN,
        )
        for rij in overzicht.rijen
    ]


def eigen_responsen(*, user: Any) -> QuerySet[Respons]:
    """Submitted responses of the user's own organisations, all rounds."""
    return (
        Respons.objects.filter(
            organisatie_id__in=user_organisatie_ids(user),
            status=ResponsStatus.INGEDIEND,
        )
        .select_related("ronde", "organisatie", "regio")
        .order_by("-ronde__jaar")
    )


def eigen_steunpunten(*, user: Any) -> QuerySet[Steunpunt]:
    return (
        Steunpunt.objects.filter(aanbod__organisatie_id__in=user_organisatie_ids(user))
        .select_related("aanbod__organisatie", "aanbod__locatie")
        .order_by("aanbod__naam")
    )


@dataclass(frozen=True)
class WeekTrend:
    week_start: date
    bezoekers: int
    dagen: int  # days with at least one count

    @property
    def per_dag(self) -> float | None:
        return round(self.bezoekers / self.dagen, 1) if self.dagen else None


def telling_trend(
    *, steunpunt: Steunpunt, tot: date, weken: int = 8
) -> list[WeekTrend]:
    """Visitors per ISO week for the last `weken` weeks up to `tot`, and the
    mean per day open (days with a count), as Table 3 asks."""
    start = tot - timedelta(days=tot.weekday()) - timedelta(weeks=weken - 1)
    per_dag: dict[date, int] = defaultdict(int)
    for datum, aantal in BezoekersTelling.objects.filter(
        steunpunt=steunpunt, datum__gte=start, datum__lte=tot
    ).values_list("datum", "aantal"):
        per_dag[datum] += aantal
    trend = []
    for i in range(weken):
        week = start + timedelta(weeks=i)
        days = [d for d in per_dag if week <= d < week + timedelta(days=7)]
        trend.append(
            WeekTrend(
                week_start=week,
                bezoekers=sum(per_dag[d] for d in days),
                dagen=len(days),
            )
        )
    return trend
