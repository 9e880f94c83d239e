# SPDX-License-Identifier: EUPL-1.2
"""The base list of a round: built from the register, completed with
candidates (by hand, from a CSV list, from answers), and judged with the
afwegingskader (001 §3.2).

Decision rule with one or two reviewers: a question counts "nee" when any
reviewer says nee, "ja" when all say ja. All six "ja" → on the list; any
"nee" → off, with the first failed question (in the order of §3.2) as the
reason; otherwise the candidate stays open. Questions where the two
reviewers differ are reported by `beoordeling_verschillen`.
"""

import csv
import io
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dekkend.audit.services import record
from dekkend.importing import ImportFout, decode_text, plain_text_problem
from dekkend.lspmonitor.constants import (
    REDEN_GESTOPT,
    Basis,
    BeoordelaarRol,
    Besluit,
    KandidaatBron,
    RondeStatus,
)
from dekkend.lspmonitor.models import Beoordeling, Kandidaat, Respons, Ronde
from dekkend.lspmonitor.services._common import gemeente_find, regio_of, require_manage
from dekkend.regions.models import Gemeente, RegioGemeente
from dekkend.register import afwegingskader
from dekkend.register.selectors import steunpunt_queryset

EDITABLE = (RondeStatus.VOORBEREIDING, RondeStatus.OPEN)


def _require_editable(ronde: Ronde) -> None:
    if ronde.status not in EDITABLE:
        raise ValidationError(
            {"ronde": _("De basislijst van een gesloten ronde ligt vast.")}
        )


@transaction.atomic
def basislijst_build(*, user: Any, ronde: Ronde) -> int:
    """Add every LSP location of the register on the round's reference date
    whose gemeente is in a region of the round's division, as a candidate
    with bron `register` and decision `op_lijst` (it is on the current list;
    a review can take it off). Idempotent. Returns the number added."""
    require_manage(user)
    _require_editable(ronde)
    membership = dict(
        RegioGemeente.objects.filter(indeling_id=ronde.indeling_id).values_list(
            "gemeente_id", "regio_id"
        )
    )
    present = set(
        ronde.kandidaten.filter(steunpunt__isnull=False).values_list(
            "steunpunt_id", flat=True
        )
    )
    new = []
    for sp in steunpunt_queryset(peildatum=ronde.peildatum):
        locatie = sp.aanbod.locatie
        if locatie is None or sp.pk in present:
            continue
        regio_id = membership.get(locatie.gemeente_id)
        if regio_id is None:
            continue
        new.append(
            Kandidaat(
                ronde=ronde,
                steunpunt=sp,
                naam=sp.aanbod.naam,
                organisatie_naam=sp.aanbod.organisatie.naam,
                gemeente_id=locatie.gemeente_id,
                regio_id=regio_id,
                adres=locatie.adres,
                website=sp.aanbod.website,
                bron=KandidaatBron.REGISTER,
                besluit=Besluit.OP_LIJST,
                lsp_type=sp.lsp_type,
                dagdelen_per_week=sp.dagdelen_per_week,
            )
        )
    Kandidaat.objects.bulk_create(new)
    record("basislijst.built", user, ronde, {"toegevoegd": len(new)})
    return len(new)


@dataclass(frozen=True)
class KandidaatGegevens:
    naam: str
    gemeente: str  # CBS code or name
    organisatie: str = ""
    adres: str = ""
    website: str = ""
    toelichting: str = ""


def _kandidaat_errors(
    gegevens: KandidaatGegevens,
) -> tuple[dict[str, str], Gemeente | None]:
    errors: dict[str, str] = {}
    if not gegevens.naam.strip():
        errors["naam"] = _("Vul de naam van de locatie in.")
    elif len(gegevens.naam.strip()) > 200:
        errors["naam"] = _("De naam is langer dan 200 tekens.")
    gemeente = gemeente_find(gegevens.gemeente)
    if not gegevens.gemeente.strip():
        errors["gemeente"] = _("Vul de gemeente in (naam of CBS-code).")
    elif gemeente is None:
        errors["gemeente"] = _("Onbekende gemeente '%(g)s'.") % {"g": gegevens.gemeente}
    return errors, gemeente


def _kandidaat_new(
    ronde: Ronde,
    gegevens: KandidaatGegevens,
    gemeente: Gemeente,
    bron: str,
    respons: Respons | None = None,
    gemeld_gestopt: bool = False,
) -> Kandidaat:
    # The monitor division holds only gemeenten that had an LSP: a reported
    # location elsewhere belongs to the region its respondent answered for.
    regio = regio_of(gemeente.pk, ronde.indeling_id) or (
        respons.regio if respons is not None else None
    )
    return Kandidaat.objects.create(
        ronde=ronde,
        naam=gegevens.naam.strip(),
        organisatie_naam=gegevens.organisatie.strip()[:200],
        gemeente=gemeente,
        regio=regio,
        adres=gegevens.adres.strip()[:300],
        website=gegevens.website.strip()[:300],
        bron=bron,
        bron_toelichting=gegevens.toelichting.strip()[:300],
        respons=respons,
        gemeld_gestopt=gemeld_gestopt,
    )


@transaction.atomic
def kandidaat_add(*, user: Any, ronde: Ronde, gegevens: KandidaatGegevens) -> Kandidaat:
    """Add a candidate by hand; it waits for its review (decision `open`)."""
    require_manage(user)
    _require_editable(ronde)
    errors, gemeente = _kandidaat_errors(gegevens)
    if errors:
        raise ValidationError(errors)
    assert gemeente is not None
    kandidaat = _kandidaat_new(ronde, gegevens, gemeente, KandidaatBron.HANDMATIG)
    record("kandidaat.added", user, kandidaat, {"bron": kandidaat.bron})
    return kandidaat


CSV_VERPLICHT = ("naam", "organisatie", "gemeente")
CSV_OPTIONEEL = ("adres", "website")


@transaction.atomic
def kandidaten_import_csv(
    *, user: Any, ronde: Ronde, inhoud: str | bytes, bron_naam: str = ""
) -> list[Kandidaat]:
    """Import candidates from a CSV (columns naam, organisatie, gemeente and
    optionally adres, website; comma or semicolon separated, UTF-8), e.g. an
    NVZH or MIND-Atlas export. Any bad row → ValidationError naming every
    bad row and field; nothing is written then."""
    require_manage(user)
    _require_editable(ronde)
    if isinstance(inhoud, str):
        inhoud = inhoud.encode("utf-8")
    try:
        tekst = decode_text(bron_naam or "kandidaten.csv", inhoud)
    except ImportFout as exc:
        raise ValidationError({"bestand": str(exc)}) from None
    first = tekst.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.DictReader(io.StringIO(tekst), delimiter=delimiter)
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    dubbel = sorted({h for h in header if h and header.count(h) > 1})
    if dubbel:
        raise ValidationError(
            {
                "bestand": _("Rij 1: kolom staat twee keer in de kopregel: %(k)s.")
                % {"k": ", ".join(dubbel)}
            }
        )
    missing = [c for c in CSV_VERPLICHT if c not in header]
    if missing:
        raise ValidationError(
            {
                "bestand": _("Kolom ontbreekt: %(k)s (verwacht: %(v)s).")
                % {
                    "k": ", ".join(missing),
                    "v": ", ".join(CSV_VERPLICHT + CSV_OPTIONEEL),
                }
            }
        )
    rows: list[tuple[KandidaatGegevens, Gemeente]] = []
    problems: list[str] = []
    for number, raw in enumerate(reader, start=2):
        values = {
            (k or "").strip().lower(): (v or "").strip()
            for k, v in raw.items()
            if k is not None and isinstance(v, str)
        }
        if not any(values.values()):
            continue
        gegevens = KandidaatGegevens(
            naam=values.get("naam", ""),
            gemeente=values.get("gemeente", ""),
            organisatie=values.get("organisatie", ""),
            adres=values.get("adres", ""),
            website=values.get("website", ""),
            toelichting=bron_naam,
        )
        errors, gemeente = _kandidaat_errors(gegevens)
        if None in raw:
            errors.setdefault("bestand", _("Meer waarden dan kolommen."))
        for veld in ("naam", "organisatie", "adres"):
            problem = plain_text_problem(values.get(veld, ""))
            if problem and veld not in errors:
                errors[veld] = _("Alleen platte tekst, geen formule of opmaak.")
        for veld, melding in errors.items():
            problems.append(
                _("Rij %(rij)s, veld '%(veld)s': %(melding)s")
                % {"rij": number, "veld": veld, "melding": melding}
            )
        if not errors:
            assert gemeente is not None
            rows.append((gegevens, gemeente))
    if problems:
        raise ValidationError({"bestand": problems})
    if not rows:
        raise ValidationError({"bestand": _("Het bestand bevat geen rijen.")})
    created = [_kandidaat_new(ronde, g, gem, KandidaatBron.CSV) for g, gem in rows]
    record("kandidaten.imported", user, ronde, {"aantal": len(created)})
    return created


def _combined(beoordelingen: list[Beoordeling]) -> dict[str, bool | None]:
    out: dict[str, bool | None] = {}
    for field in afwegingskader.QUESTION_FIELDS:
        values = [getattr(b, field) for b in beoordelingen]
        if any(v is False for v in values):
            out[field] = False
        elif values and all(v is True for v in values):
            out[field] = True
        else:
            out[field] = None
    return out


def beoordeling_verschillen(beoordelingen: list[Beoordeling]) -> list[str]:
    """Field names of the questions on which the reviewers differ."""
    if len(beoordelingen) < 2:
        return []
    return [
        f
        for f in afwegingskader.QUESTION_FIELDS
        if len({getattr(b, f) for b in beoordelingen}) > 1
    ]


def _decide(kandidaat: Kandidaat) -> None:
    if kandidaat.reden == REDEN_GESTOPT:
        return
    combined = _combined(list(kandidaat.beoordelingen.all()))
    uitkomst = afwegingskader.op_basislijst(combined)
    if uitkomst is True:
        kandidaat.besluit, kandidaat.reden = Besluit.OP_LIJST, ""
    elif uitkomst is False:
        kandidaat.besluit = Besluit.AF
        kandidaat.reden = next(
            f for f in afwegingskader.QUESTION_FIELDS if combined[f] is False
        )
    else:
        kandidaat.besluit, kandidaat.reden = Besluit.OPEN, ""
    kandidaat.besloten_op = timezone.now() if uitkomst is not None else None
    kandidaat.save(update_fields=["besluit", "reden", "besloten_op"])


@transaction.atomic
def beoordeling_record(
    *,
    user: Any,
    kandidaat: Kandidaat,
    rol: str,
    antwoorden: dict[str, bool | None],
    basis: dict[str, str] | None = None,
    toelichtingen: dict[str, str] | None = None,
    toelichting: str = "",
) -> Beoordeling:
    """Record (or replace) the review of `rol` (programma / nvzh) and decide.

    `antwoorden` maps question field names to True / False / None; `basis`
    to a Basis code. Raises PermissionDenied or ValidationError."""
    require_manage(user)
    kandidaat = (
        Kandidaat.objects.select_for_update()
        .select_related("ronde")
        .get(pk=kandidaat.pk)
    )
    _require_editable(kandidaat.ronde)
    fields = set(afwegingskader.QUESTION_FIELDS)
    basis, toelichtingen = basis or {}, toelichtingen or {}
    errors: dict[str, str] = {}
    if rol not in BeoordelaarRol.values:
        errors["rol"] = _("Onbekende beoordelaar.")
    unknown = (set(antwoorden) | set(basis) | set(toelichtingen)) - fields
    if unknown:
        errors["antwoorden"] = _("Onbekende vraag: %s") % ", ".join(sorted(unknown))
    for field, value in antwoorden.items():
        if value is not None and not isinstance(value, bool):
            errors[field] = _("Kies ja of nee.")
    for field, code in basis.items():
        if code and code not in Basis.values:
            errors[f"{field}_basis"] = _("Onbekende basis: online of telefonisch.")
    for field, value in antwoorden.items():
        if value is not None and field in fields and not basis.get(field):
            errors[f"{field}_basis"] = _(
                "Geef aan waarop het antwoord berust (online of telefonisch)."
            )
    if errors:
        raise ValidationError(errors)
    beoordeling, _created = Beoordeling.objects.update_or_create(
        kandidaat=kandidaat,
        rol=rol,
        defaults={
            "beoordelaar": user,
            "basis": {f: c for f, c in basis.items() if c},
            "toelichtingen": {
                f: t.strip() for f, t in toelichtingen.items() if t.strip()
            },
            "toelichting": toelichting.strip(),
            "beoordeeld_op": timezone.now(),
            **{f: antwoorden.get(f) for f in afwegingskader.QUESTION_FIELDS},
        },
    )
    _decide(kandidaat)
    record(
        "beoordeling.recorded",
        user,
        kandidaat,
        {"rol": rol, "besluit": kandidaat.besluit, "reden": kandidaat.reden},
    )
    return beoordeling


@transaction.atomic
def kandidaat_mark_gestopt(
    *, user: Any, kandidaat: Kandidaat, gestopt: bool = True
) -> Kandidaat:
    """Take a candidate off the list because it stopped (or undo that)."""
    require_manage(user)
    kandidaat = (
        Kandidaat.objects.select_for_update()
        .select_related("ronde")
        .get(pk=kandidaat.pk)
    )
    _require_editable(kandidaat.ronde)
    if gestopt:
        kandidaat.besluit, kandidaat.reden = Besluit.AF, REDEN_GESTOPT
        kandidaat.besloten_op = timezone.now()
        kandidaat.save(update_fields=["besluit", "reden", "besloten_op"])
    else:
        kandidaat.reden = ""
        kandidaat.save(update_fields=["reden"])
        if kandidaat.beoordelingen.exists():
            _decide(kandidaat)
        else:
            kandidaat.besluit = (
                Besluit.OP_LIJST
                if kandidaat.bron == KandidaatBron.REGISTER
                else Besluit.OPEN
            )
            kandidaat.save(update_fields=["besluit"])
    record("kandidaat.stopped", user, kandidaat, {"gestopt": gestopt})
    return kandidaat
