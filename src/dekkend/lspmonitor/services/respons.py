# SPDX-License-Identifier: EUPL-1.2
"""Responses through a personal link: save and resume, submit once.

On submit, answers feed the round: "bijgekomen" (LSP Q14, coordinators Q3)
become candidates (bron `antwoord`), "gestopt" (LSP Q15, coordinators Q4)
mark the matching candidate as reported stopped (or add it as such), and
the LSP's confirmation of its own locations becomes one `LocatieVoorstel`
per location for the programme to accept or reject.
"""

from collections.abc import Mapping, Sequence
from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dekkend.audit.services import record
from dekkend.lspmonitor.constants import (
    KandidaatBron,
    ResponsStatus,
    RondeStatus,
    UitnodigingRol,
)
from dekkend.lspmonitor.models import Kandidaat, LocatieVoorstel, Respons, Uitnodiging
from dekkend.lspmonitor.services._common import gemeente_find
from dekkend.lspmonitor.services.basislijst import KandidaatGegevens, _kandidaat_new
from dekkend.regions.models import Regio
from dekkend.register.models import Locatie, Steunpunt


class ResponsFout(ValidationError):
    """Answers that do not validate: `fouten` maps question key → message."""

    def __init__(self, fouten: Mapping[str, str]) -> None:
        super().__init__(dict(fouten))
        self.fouten = dict(fouten)


def vragenlijst_of(respons_or_ronde: Any) -> Any:
    from dekkend.lspmonitor.questionnaire.definition import vragenlijst_get

    return vragenlijst_get(respons_or_ronde.vragenlijst_versie)


def respons_get_or_start(*, uitnodiging: Uitnodiging) -> Respons:
    """The invitation's response, created (empty, as concept) on first use."""
    respons = Respons.objects.filter(uitnodiging=uitnodiging).first()
    if respons is not None:
        return respons
    respons, _created = Respons.objects.get_or_create(
        uitnodiging=uitnodiging,
        defaults={
            "ronde": uitnodiging.ronde,
            "rol": uitnodiging.rol,
            "regio": uitnodiging.regio,
            "organisatie": uitnodiging.organisatie,
            "vragenlijst_versie": uitnodiging.ronde.vragenlijst_versie,
        },
    )
    return respons


def regio_codes(respons: Respons) -> list[str]:
    """Codes of the regions a respondent may choose: the round's division."""
    return list(
        Regio.objects.filter(indeling_id=respons.ronde.indeling_id).values_list(
            "code", flat=True
        )
    )


def locatie_uuids(respons: Respons) -> list[str]:
    """The locations an LSP respondent may confirm: the organisation's own."""
    if respons.organisatie_id is None:
        return []
    return [
        str(u)
        for u in Locatie.objects.filter(
            organisatie_id=respons.organisatie_id
        ).values_list("uuid", flat=True)
    ]


def _grenzen(respons: Respons) -> dict[str, Any]:
    return {
        "regio_codes": regio_codes(respons),
        "locatie_uuids": locatie_uuids(respons),
    }


def _locked(uitnodiging: Uitnodiging) -> Respons:
    respons = respons_get_or_start(uitnodiging=uitnodiging)
    respons = (
        Respons.objects.select_for_update().select_related("ronde").get(pk=respons.pk)
    )
    if respons.status == ResponsStatus.INGEDIEND:
        raise ValidationError(
            {
                "respons": _(
                    "Deze vragenlijst is al ingediend en kan niet meer worden gewijzigd."
                )
            }
        )
    if respons.ronde.status != RondeStatus.OPEN:
        raise ValidationError({"respons": _("Deze ronde is gesloten.")})
    return respons


@transaction.atomic
def respons_save(
    *,
    uitnodiging: Uitnodiging,
    antwoorden: Mapping[str, Any],
    vragen: Sequence[Any] | None = None,
) -> Respons:
    """Save answers after the type checks of save-and-resume (required
    questions may be empty). With `vragen` (the questions of the posted
    page) those questions' stored answers are replaced by `antwoorden`, so a
    cleared field is cleared; without, `antwoorden` is merged in. Raises
    ResponsFout naming the questions, and nothing is stored then."""
    from dekkend.lspmonitor.questionnaire.engine import (
        antwoorden_samenvoegen,
        valideer,
    )

    respons = _locked(uitnodiging)
    vl = vragenlijst_of(respons)
    if vragen is not None:
        merged = antwoorden_samenvoegen(respons.antwoorden, antwoorden, vragen)
    else:
        merged = {**respons.antwoorden, **antwoorden}
    fouten = valideer(vl, merged, volledig=False, **_grenzen(respons))
    if fouten:
        raise ResponsFout(fouten)
    respons.antwoorden = merged
    respons.save(update_fields=["antwoorden", "gewijzigd_op"])
    return respons


def _regio_from(respons: Respons) -> Regio | None:
    answer = respons.antwoorden.get("regio")
    code = answer.get("regio") if isinstance(answer, dict) else None
    if isinstance(code, str) and code:
        found = Regio.objects.filter(
            indeling_id=respons.ronde.indeling_id, code=code
        ).first()
        if found is not None:
            return found
    return respons.uitnodiging.regio


def _rol_from(respons: Respons, vl: Any) -> str:
    """The part the role question routed to decides how the response counts
    (Table 2: LSP or coordinator), whatever the invitation expected."""
    from dekkend.lspmonitor.questionnaire.definition import COORDINATOR

    vraag = vl.rolvraag
    answer = respons.antwoorden.get(vraag.sleutel) if vraag is not None else None
    optie = vraag.optie(answer.get("keuze", "")) if isinstance(answer, dict) else None
    if optie is None or not optie.deel:
        return respons.rol
    return (
        UitnodigingRol.COORDINATOR if optie.deel == COORDINATOR else UitnodigingRol.LSP
    )


def _entries(answer: Any) -> list[dict[str, Any]]:
    """The listed LSPs of a "bijgekomen / gestopt" answer."""
    if isinstance(answer, dict):
        if answer.get("keuze") == "nee":
            return []
        for key in ("steunpunten", "lijst", "items"):
            if isinstance(answer.get(key), list):
                answer = answer[key]
                break
    if not isinstance(answer, list):
        return []
    return [e for e in answer if isinstance(e, dict) and str(e.get("naam", "")).strip()]


def _meldingen(respons: Respons, vl: Any) -> tuple[int, int]:
    from dekkend.lspmonitor.questionnaire.definition import (
        DOEL_BIJGEKOMEN,
        DOEL_GESTOPT,
    )

    visible = {v.sleutel for v in _zichtbaar(vl, respons.antwoorden)}
    nieuw = gestopt = 0
    for doel in (DOEL_BIJGEKOMEN, DOEL_GESTOPT):
        for vraag in vl.vragen_met_doel(doel):
            if vraag.sleutel not in visible:
                continue
            for entry in _entries(respons.antwoorden.get(vraag.sleutel)):
                naam = str(entry.get("naam", "")).strip()[:200]
                gemeente = gemeente_find(str(entry.get("gemeente", "")))
                gegevens = KandidaatGegevens(
                    naam=naam,
                    gemeente=str(entry.get("gemeente", "")),
                    organisatie=str(entry.get("organisatie", "")),
                    toelichting=str(entry.get("toelichting", "")),
                )
                if doel == DOEL_GESTOPT:
                    match = _match(respons, naam, gemeente)
                    if match is not None:
                        if not match.gemeld_gestopt:
                            match.gemeld_gestopt = True
                            match.respons = match.respons or respons
                            match.save(update_fields=["gemeld_gestopt", "respons"])
                        gestopt += 1
                        continue
                if gemeente is None:
                    gemeente = _fallback_gemeente(respons)
                if gemeente is None:
                    continue
                if doel == DOEL_BIJGEKOMEN and _match(respons, naam, gemeente):
                    continue
                _kandidaat_new(
                    respons.ronde,
                    gegevens,
                    gemeente,
                    KandidaatBron.ANTWOORD,
                    respons=respons,
                    gemeld_gestopt=doel == DOEL_GESTOPT,
                )
                if doel == DOEL_GESTOPT:
                    gestopt += 1
                else:
                    nieuw += 1
    return nieuw, gestopt


def _fallback_gemeente(respons: Respons) -> Any:
    """A reported LSP without a known gemeente is placed in the region's first
    gemeente only if the region has exactly one; otherwise it is not added
    (the answer stays in the response for the programme to read)."""
    if respons.regio is None:
        return None
    gemeenten = list(respons.regio.gemeenten.all()[:2])
    return gemeenten[0] if len(gemeenten) == 1 else None


def _match(respons: Respons, naam: str, gemeente: Any) -> Kandidaat | None:
    qs = respons.ronde.kandidaten.filter(naam__iexact=naam)
    if gemeente is not None:
        qs = qs.filter(gemeente=gemeente)
    elif respons.regio is not None:
        qs = qs.filter(regio=respons.regio)
    return qs.first()


def _zichtbaar(vl: Any, antwoorden: Mapping[str, Any]) -> list[Any]:
    from dekkend.lspmonitor.questionnaire.engine import zichtbare_vragen

    return list(zichtbare_vragen(vl, antwoorden))


def _voorstellen(respons: Respons, vl: Any) -> int:
    from dekkend.lspmonitor.questionnaire.definition import LOCATIES_BEVESTIGEN

    count = 0
    if respons.organisatie_id is None:
        return 0
    visible = _zichtbaar(vl, respons.antwoorden)
    for vraag in visible:
        if vraag.type != LOCATIES_BEVESTIGEN:
            continue
        answer = respons.antwoorden.get(vraag.sleutel)
        if not isinstance(answer, dict):
            continue
        for key, value in answer.items():
            try:
                locatie_uuid = UUID(str(key))
            except ValueError:
                continue
            if not isinstance(value, dict):
                continue
            locatie = Locatie.objects.filter(
                uuid=locatie_uuid, organisatie_id=respons.organisatie_id
            ).first()
            steunpunt = (
                Steunpunt.objects.filter(aanbod__locatie=locatie).first()
                if locatie
                else None
            )
            if locatie is None or steunpunt is None:
                continue
            wijzigingen = value.get("wijzigingen") or {}
            LocatieVoorstel.objects.update_or_create(
                respons=respons,
                locatie=locatie,
                defaults={
                    "steunpunt": steunpunt,
                    "bevestigd": bool(value.get("bevestigd")),
                    "velden": wijzigingen if isinstance(wijzigingen, dict) else {},
                },
            )
            count += 1
    return count


@transaction.atomic
def respons_submit(*, uitnodiging: Uitnodiging) -> Respons:
    """Validate fully and submit; afterwards the response is read-only.
    Answers to questions hidden by routing or skip rules are dropped.
    Raises ResponsFout naming the questions, and nothing changes then."""
    from dekkend.lspmonitor.questionnaire.engine import (
        antwoorden_voor_indienen,
        valideer,
    )

    respons = _locked(uitnodiging)
    vl = vragenlijst_of(respons)
    fouten = valideer(vl, respons.antwoorden, volledig=True, **_grenzen(respons))
    if fouten:
        raise ResponsFout(fouten)
    respons.antwoorden = antwoorden_voor_indienen(vl, respons.antwoorden)
    respons.regio = _regio_from(respons)
    respons.rol = _rol_from(respons, vl)
    respons.status = ResponsStatus.INGEDIEND
    respons.ingediend_op = timezone.now()
    respons.save()
    nieuw, gestopt = _meldingen(respons, vl)
    voorstellen = _voorstellen(respons, vl)
    record(
        "respons.submitted",
        None,
        respons,
        {
            "rol": respons.rol,
            "kandidaten": nieuw,
            "gestopt": gestopt,
            "voorstellen": voorstellen,
        },
    )
    return respons
