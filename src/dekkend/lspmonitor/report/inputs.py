# SPDX-License-Identifier: EUPL-1.2
"""The adapter from the database to the report's plain input.

`rapport_invoer(ronde=…)` reads one monitor round (its base list, the
submitted responses, invitations, visitor tallies, the previous round and,
for 2025, the published figures of `register.MonitorTelling`) and returns a
`RapportInvoer`. Respondents' names and e-mail addresses are never read.

The 2025 round may exist only as the loaded register (the list of 001
Annex A) and its published Tables 2 and 4: without a `Ronde` 2025 the input
is built from those directly.

What does not belong here: figures (`tables`, `graphs`) and layout
(`document`).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from django.db.models import Max

from dekkend.lspmonitor.constants import (
    STANDAARD_INDELING,
    Besluit,
    ResponsStatus,
    UitnodigingRol,
    VoorstelStatus,
)
from dekkend.lspmonitor.models import (
    BezoekersTelling,
    Kandidaat,
    LocatieVoorstel,
    Respons,
    Ronde,
    Uitnodiging,
)
from dekkend.lspmonitor.questionnaire.definition import vragenlijst_get
from dekkend.lspmonitor.report import model
from dekkend.regions.models import Indeling
from dekkend.regions.selectors import indeling_get, regio_list
from dekkend.register.models import MonitorTelling, Steunpunt
from dekkend.register.selectors import steunpunt_queryset

# National figures of the 2025 report that are not per regio (001 §3.4 and
# §4.2). Per-regio figures are in register.MonitorTelling.
BRON_2025 = (
    "Monitor Laagdrempelige steunpunten 2025 (landelijk ondersteuningsprogramma)"
)
OPEN_2025 = date(2025, 9, 29)
SLUIT_2025 = date(2025, 10, 20)
PEILDATUM_2025 = date(2025, 10, 1)  # Table 4: "oktober 2025"
UITGENODIGD_2025 = {"lsp": 86, "iza": 44, "vng": 69}
VORIGE_TOTAAL_2024 = 278
AFGEVALLEN_2025 = 53
ORGANISATIES_2025 = 91
# 001 §5.1: "af en toe (N=29) of vaak (N=26) … nauwelijks (N=8)".
GRAFIEK2_2025 = (("vaak", 26), ("af_en_toe", 29), ("niet", 8))


class RondeOnbekend(LookupError):
    """No round of that year, and no published figures to build it from."""


def indeling_invoer(indeling: Indeling) -> model.Indeling:
    """A division with its regions (by name) and their gemeenten."""
    regios = regio_list(indeling=indeling).prefetch_related("gemeenten")
    return model.Indeling(
        naam=indeling.naam,
        titel=indeling.titel,
        regios=tuple(
            model.Regio(
                code=r.code,
                naam=r.naam,
                gemeentecodes=tuple(sorted(g.code for g in r.gemeenten.all())),
            )
            for r in regios
        ),
    )


def _adres_bekend(steunpunt: Steunpunt | None) -> bool:
    if steunpunt is None:
        return False
    locatie = steunpunt.aanbod.locatie
    return locatie is not None and bool(locatie.straat and locatie.postcode)


def _gecontroleerd(steunpunt_ids: list[int]) -> dict[int, date]:
    """Date of the latest accepted location proposal per support point."""
    rows = (
        LocatieVoorstel.objects.filter(
            steunpunt_id__in=steunpunt_ids, status=VoorstelStatus.GEACCEPTEERD
        )
        .values("steunpunt_id")
        .annotate(laatst=Max("beoordeeld_op"))
    )
    return {r["steunpunt_id"]: r["laatst"].date() for r in rows if r["laatst"]}


def _eigen_categorie(ronde: Ronde) -> dict[int, str]:
    """Per organisation, its answer to LSP question 4 where all of its
    locations are in one category ("A", "B" or "C"); mixed answers cannot be
    tied to a location and are left out."""
    out: dict[int, str] = {}
    for org_id, antwoorden in Respons.objects.filter(
        ronde=ronde,
        status=ResponsStatus.INGEDIEND,
        rol=UitnodigingRol.LSP,
        organisatie__isnull=False,
    ).values_list("organisatie_id", "antwoorden"):
        answer = (antwoorden or {}).get("lsp.4")
        if not isinstance(answer, dict):
            continue
        used = [c for c, n in answer.items() if isinstance(n, int) and n > 0]
        if len(used) == 1 and used[0] in ("A", "B", "C"):
            out[org_id] = used[0]
    return out


def _kandidaten(ronde: Ronde) -> tuple[model.Locatie, ...]:
    rows = list(
        Kandidaat.objects.filter(ronde=ronde)
        .select_related(
            "gemeente", "regio", "steunpunt__aanbod__locatie", "steunpunt__aanbod"
        )
        .defer("gemeente__geometrie")
        .order_by("naam", "id")
    )
    checked = _gecontroleerd([k.steunpunt_id for k in rows if k.steunpunt_id])
    own = _eigen_categorie(ronde)
    out = []
    for k in rows:
        steunpunt = k.steunpunt
        org_id = steunpunt.aanbod.organisatie_id if steunpunt else None
        out.append(
            model.Locatie(
                sleutel=str(steunpunt.aanbod.uuid) if steunpunt else f"k:{k.uuid}",
                naam=k.naam,
                organisatie=k.organisatie_naam,
                gemeentecode=k.gemeente.code,
                gemeentenaam=k.gemeente.naam,
                regio=k.regio.code if k.regio else "",
                grootte=k.lsp_type or model.ONBEKEND,
                dagdelen_per_week=k.dagdelen_per_week,
                eigen_categorie=own.get(org_id, "") if org_id else "",
                besluit=k.besluit,
                reden=k.reden,
                adres_bekend=_adres_bekend(steunpunt),
                gecontroleerd_op=checked.get(k.steunpunt_id)
                if k.steunpunt_id
                else None,
                aantal=k.aantal,
            )
        )
    return tuple(out)


def _register_lijst(
    *, peildatum: date, indeling: model.Indeling
) -> tuple[model.Locatie, ...]:
    """The register on `peildatum` as a base list (all on the list): the 2025
    round where Dekkend holds no `Ronde` for it."""
    regio_van = indeling.regio_per_gemeente()
    out = []
    for s in steunpunt_queryset(peildatum=peildatum).select_related(
        "aanbod__organisatie", "aanbod__locatie__gemeente"
    ):
        aanbod = s.aanbod
        if aanbod.locatie is None:
            continue
        gemeente = aanbod.locatie.gemeente
        out.append(
            model.Locatie(
                sleutel=str(aanbod.uuid),
                naam=aanbod.naam,
                organisatie=aanbod.organisatie.naam,
                gemeentecode=gemeente.code,
                gemeentenaam=gemeente.naam,
                regio=regio_van.get(gemeente.code, ""),
                grootte=s.lsp_type,
                dagdelen_per_week=s.dagdelen_per_week or None,
                adres_bekend=_adres_bekend(s),
            )
        )
    return tuple(out)


def _gepubliceerd(jaar: int, indeling: Indeling) -> model.Gepubliceerd | None:
    rows = MonitorTelling.objects.filter(jaar=jaar, regio__indeling=indeling)
    regios = tuple(
        model.GepubliceerdeRegio(
            regio=t.regio.code,
            groot=t.groot,
            middel=t.middel,
            klein=t.klein,
            respons_lsp=t.respons_lsp,
            respons_coordinator=t.respons_regiocoordinatoren,
        )
        for t in rows.select_related("regio")
    )
    if not regios:
        return None
    if jaar != 2025:
        return model.Gepubliceerd(bron=rows[0].bron, regios=regios)
    return model.Gepubliceerd(
        bron=BRON_2025,
        regios=regios,
        uitgenodigd_detail=(
            ("IZA-regiocoördinatoren", UITGENODIGD_2025["iza"]),
            ("VNG-regiocoördinatoren", UITGENODIGD_2025["vng"]),
        ),
        vorige_totaal=VORIGE_TOTAAL_2024,
        afgevallen=AFGEVALLEN_2025,
        organisaties=ORGANISATIES_2025,
        grafiek2=GRAFIEK2_2025,
    )


def _vorige(ronde: Ronde) -> model.VorigeRonde | None:
    previous = Ronde.objects.filter(jaar__lt=ronde.jaar).order_by("-jaar").first()
    if previous is not None:
        return model.VorigeRonde(
            jaar=previous.jaar,
            locaties=tuple(
                k for k in _kandidaten(previous) if k.besluit == Besluit.OP_LIJST
            ),
        )
    if ronde.jaar == 2025:
        return model.VorigeRonde(jaar=2024, locaties=None, totaal=VORIGE_TOTAAL_2024)
    if ronde.jaar > 2025:
        # The first round in Dekkend is 2025 as loaded (the register of
        # Annex A), also when no `Ronde` 2025 was made for it.
        try:
            first = _ronde_2025_uit_register(None)
        except (RondeOnbekend, Indeling.DoesNotExist):
            return None
        return model.VorigeRonde(jaar=2025, locaties=first.basislijst)
    return None


def _tellingen(
    ronde: Ronde, sleutels: dict[int, str]
) -> tuple[model.Bezoekerstelling, ...]:
    """Tallies of the year up to the round's closing date."""
    since = ronde.sluit_op - timedelta(days=365)
    return tuple(
        model.Bezoekerstelling(sleutels[sid], datum, dagdeel, aantal)
        for sid, datum, dagdeel, aantal in BezoekersTelling.objects.filter(
            steunpunt_id__in=list(sleutels),
            datum__gt=since,
            datum__lte=ronde.sluit_op,
        ).values_list("steunpunt_id", "datum", "dagdeel", "aantal")
    )


def _responsen(ronde: Ronde) -> tuple[tuple[model.Respons, ...], bool]:
    rows = list(
        Respons.objects.filter(ronde=ronde, status=ResponsStatus.INGEDIEND)
        .select_related("regio")
        .order_by("id")
    )
    return (
        tuple(
            model.Respons(r.rol, r.regio.code if r.regio else "", r.antwoorden or {})
            for r in rows
        ),
        any(r.synthetisch for r in rows),
    )


def _uitgenodigd(ronde: Ronde) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for rol in Uitnodiging.objects.filter(
        ronde=ronde, ingetrokken_op__isnull=True
    ).values_list("rol", flat=True):
        counts[rol] += 1
    return counts


def _ronde_2025_uit_register(
    tabel4_indeling: model.Indeling | None,
) -> model.RapportInvoer:
    try:
        indeling = indeling_get(naam=STANDAARD_INDELING)
    except Indeling.DoesNotExist:
        raise RondeOnbekend(2025) from None
    gepubliceerd = _gepubliceerd(2025, indeling)
    if gepubliceerd is None:
        raise RondeOnbekend(2025)
    division = indeling_invoer(indeling)
    return model.RapportInvoer(
        jaar=2025,
        indeling=division,
        kandidaten=_register_lijst(peildatum=PEILDATUM_2025, indeling=division),
        open_op=OPEN_2025,
        sluit_op=SLUIT_2025,
        peildatum=PEILDATUM_2025,
        uitgenodigd_lsp=UITGENODIGD_2025["lsp"],
        uitgenodigd_coordinator=UITGENODIGD_2025["iza"] + UITGENODIGD_2025["vng"],
        vragenlijst=vragenlijst_get("2025"),
        vorige=model.VorigeRonde(jaar=2024, locaties=None, totaal=VORIGE_TOTAAL_2024),
        gepubliceerd=gepubliceerd,
        tabel4_indeling=tabel4_indeling,
    )


def rapport_invoer(
    *, ronde: Ronde | int, indeling: str | None = None
) -> model.RapportInvoer:
    """The report's input for a round (a `Ronde` or its year).

    `indeling` names another division for which Table 4 is given as well
    (`Indeling.DoesNotExist` when there is none of that name).

    Raises RondeOnbekend for a year without a round (2025 without a `Ronde`
    is built from the register and `MonitorTelling` when they are loaded),
    and VragenlijstFout when the round's questionnaire version is missing.
    """
    other = indeling_voor_rapport(indeling) if indeling else None
    if isinstance(ronde, int):
        found = Ronde.objects.select_related("indeling").filter(jaar=ronde).first()
        if found is None:
            if ronde == 2025:
                return _ronde_2025_uit_register(other)
            raise RondeOnbekend(ronde)
        ronde = found
    division = indeling_invoer(ronde.indeling)
    kandidaten = _kandidaten(ronde)
    responsen, synthetisch = _responsen(ronde)
    gepubliceerd = (
        _gepubliceerd(ronde.jaar, ronde.indeling)
        if ronde.gepubliceerde_cijfers
        else None
    )
    invited = _uitgenodigd(ronde)
    sleutels = {
        k.steunpunt_id: str(k.steunpunt.aanbod.uuid)
        for k in Kandidaat.objects.filter(ronde=ronde, steunpunt__isnull=False)
        .select_related("steunpunt__aanbod")
        .only("steunpunt_id", "steunpunt__aanbod__uuid")
        if k.steunpunt_id and k.steunpunt
    }
    if gepubliceerd is not None and ronde.jaar == 2025:
        lsp = invited.get(UitnodigingRol.LSP) or UITGENODIGD_2025["lsp"]
        coord = invited.get(UitnodigingRol.COORDINATOR) or (
            UITGENODIGD_2025["iza"] + UITGENODIGD_2025["vng"]
        )
    else:
        lsp = invited.get(UitnodigingRol.LSP, 0)
        coord = invited.get(UitnodigingRol.COORDINATOR, 0)
    return model.RapportInvoer(
        jaar=ronde.jaar,
        indeling=division,
        kandidaten=kandidaten,
        open_op=ronde.open_op,
        sluit_op=ronde.sluit_op,
        peildatum=ronde.peildatum,
        uitgenodigd_lsp=lsp,
        uitgenodigd_coordinator=coord,
        responsen=responsen,
        vragenlijst=vragenlijst_get(ronde.vragenlijst_versie),
        tellingen=_tellingen(ronde, sleutels),
        vorige=_vorige(ronde),
        gepubliceerd=gepubliceerd,
        synthetisch=synthetisch,
        tabel4_indeling=other,
    )


def indeling_voor_rapport(naam: str) -> model.Indeling:
    """Another division for Table 4, by its name (`Indeling.DoesNotExist`
    when unknown)."""
    return indeling_invoer(indeling_get(naam=naam))


__all__ = [
    "RondeOnbekend",
    "indeling_invoer",
    "indeling_voor_rapport",
    "rapport_invoer",
]
