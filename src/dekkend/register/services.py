# SPDX-License-Identifier: EUPL-1.2
"""The only way to write to the register. Each service validates, writes in
one transaction, and records an audit event."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from dekkend.audit.services import record
from dekkend.regions.selectors import OngeldigePostcode, postcode_punt
from dekkend.register import afwegingskader, lsp_type
from dekkend.register.constants import (
    Dagdeel,
    Doelgroep,
    Herstelaanbod,
    Kenmerk,
    KenmerkStatus,
    LspType,
    PositieBron,
    Weekdag,
)
from dekkend.register.models import (
    AanbodDoelgroep,
    Afweging,
    KenmerkZelfbeoordeling,
    Locatie,
    Openingsdagdeel,
    Steunpunt,
    SteunpuntHerstelaanbod,
)
from dekkend.register.permissions import can_edit_steunpunt, can_record_afweging
from dekkend.register.search import register_changed


def steunpunt_recompute_type(*, steunpunt: Steunpunt) -> Steunpunt:
    """Recount opening half-days and set the derived and effective type."""
    steunpunt.dagdelen_per_week = Openingsdagdeel.objects.filter(
        aanbod_id=steunpunt.pk
    ).count()
    steunpunt.type_afgeleid = lsp_type.classify_dagdelen(steunpunt.dagdelen_per_week)
    steunpunt.lsp_type = steunpunt.type_handmatig or steunpunt.type_afgeleid
    Steunpunt.objects.filter(pk=steunpunt.pk).update(
        dagdelen_per_week=steunpunt.dagdelen_per_week,
        type_afgeleid=steunpunt.type_afgeleid,
        lsp_type=steunpunt.lsp_type,
    )
    register_changed()  # QuerySet.update sends no signal
    return steunpunt


class _Unchanged:
    def __repr__(self) -> str:
        return "UNCHANGED"


UNCHANGED = _Unchanged()


@dataclass(frozen=True)
class SteunpuntWijziging:
    """What an LSP staff member may change of a support point and its location.

    `None` (or, for the visitor counts, UNCHANGED) means "leave as it is"; an
    empty collection clears the field, and a visitor count of None clears it.
    """

    dagdelen: frozenset[tuple[int, str]] | None = None
    bezoekers_per_dag: int | None | _Unchanged = UNCHANGED
    unieke_bezoekers_per_jaar: int | None | _Unchanged = UNCHANGED
    elementen: frozenset[str] | None = None
    herstelaanbod: frozenset[str] | None = None
    herstelaanbod_overig: str | None = None
    doelgroepen: frozenset[str] | None = None
    hoofdsteunpunt: Steunpunt | None = None
    hoofdsteunpunt_wissen: bool = False
    kenmerken: dict[int, str] | None = None
    adres: dict[str, str] = field(default_factory=dict)
    # telefoon, email, website, contactpersoon of the offer; "" clears one.
    contact: dict[str, str] = field(default_factory=dict)
    omschrijving: str | None = None
    openingstijden_toelichting: str | None = None


_ADRES_VELDEN = ("straat", "huisnummer", "postcode", "plaats")
CONTACT_VELDEN = ("telefoon", "email", "website", "contactpersoon")
_TELEFOON_TEKENS = set("0123456789+-() ")
_url_validator = URLValidator(schemes=["http", "https"])


def _validate_contact(contact: dict[str, str], errors: dict[str, str]) -> None:
    unknown = set(contact) - set(CONTACT_VELDEN)
    if unknown:
        errors["contact"] = _("Onbekend contactgegeven: %s") % ", ".join(
            sorted(unknown)
        )
    telefoon = contact.get("telefoon", "").strip()
    if telefoon and (
        not set(telefoon) <= _TELEFOON_TEKENS
        or not 10 <= sum(c.isdigit() for c in telefoon) <= 15
        or len(telefoon) > 30
    ):
        errors["telefoon"] = _(
            "Vul een telefoonnummer in van 10 cijfers, bijvoorbeeld 0118 123456."
        )
    email = contact.get("email", "").strip()
    if email:
        try:
            validate_email(email)
        except ValidationError:
            errors["email"] = _("Vul een geldig e-mailadres in.")
    website = contact.get("website", "").strip()
    if website:
        try:
            if len(website) > 200:
                raise ValidationError("too long")
            _url_validator(website)
        except ValidationError:
            errors["website"] = _(
                "Vul een webadres in dat begint met https://, bijvoorbeeld https://www.voorbeeld.nl."
            )
    if len(contact.get("contactpersoon", "").strip()) > 200:
        errors["contactpersoon"] = _("Maximaal 200 tekens.")


def _validate(wijziging: SteunpuntWijziging, steunpunt: Steunpunt) -> None:
    errors: dict[str, str] = {}
    days, parts = set(Weekdag.values), set(Dagdeel.values)
    if wijziging.dagdelen is not None and any(
        d not in days or p not in parts for d, p in wijziging.dagdelen
    ):
        errors["dagdelen"] = _("Onbekende weekdag of onbekend dagdeel.")
    if wijziging.elementen is not None and not wijziging.elementen <= set(
        lsp_type.ELEMENTS
    ):
        errors["elementen"] = _("Onbekend element.")
    if wijziging.herstelaanbod is not None and not wijziging.herstelaanbod <= set(
        Herstelaanbod.values
    ):
        errors["herstelaanbod"] = _("Onbekend herstelaanbod.")
    if wijziging.doelgroepen is not None and not wijziging.doelgroepen <= set(
        Doelgroep.values
    ):
        errors["doelgroepen"] = _("Onbekende doelgroep.")
    if wijziging.kenmerken is not None and (
        not set(wijziging.kenmerken) <= set(Kenmerk.values)
        or not set(wijziging.kenmerken.values()) <= set(KenmerkStatus.values) | {""}
    ):
        errors["kenmerken"] = _("Onbekend kenmerk of onbekende status.")
    for name in ("bezoekers_per_dag", "unieke_bezoekers_per_jaar"):
        value = getattr(wijziging, name)
        if isinstance(value, int) and value < 0:
            errors[name] = _("Mag niet negatief zijn.")
    hoofd = wijziging.hoofdsteunpunt
    if hoofd is not None:
        if hoofd.pk == steunpunt.pk:
            errors["hoofdsteunpunt"] = _(
                "Een steunpunt kan geen satelliet van zichzelf zijn."
            )
        elif hoofd.hoofdsteunpunt_id is not None:
            errors["hoofdsteunpunt"] = _("Het hoofdsteunpunt is zelf een satelliet.")
        elif steunpunt.satellieten.exists():
            errors["hoofdsteunpunt"] = _("Dit steunpunt heeft zelf satellieten.")
    _validate_contact(wijziging.contact, errors)
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def steunpunt_update(
    *, user: Any, steunpunt: Steunpunt, wijziging: SteunpuntWijziging, peildatum: date
) -> Steunpunt:
    """Apply `wijziging` for `user`; raise PermissionDenied or ValidationError.

    `peildatum` is the date of the self-assessment of the kenmerken.
    """
    steunpunt = (
        Steunpunt.objects.select_for_update(of=("self",))
        .select_related("aanbod__locatie")
        .get(pk=steunpunt.pk)
    )
    if not can_edit_steunpunt(user, steunpunt):
        raise PermissionDenied(_("U mag dit steunpunt niet wijzigen."))
    _validate(wijziging, steunpunt)
    aanbod, changed = steunpunt.aanbod, []

    if wijziging.dagdelen is not None:
        current = set(
            Openingsdagdeel.objects.filter(aanbod=aanbod).values_list(
                "weekdag", "dagdeel"
            )
        )
        if current != set(wijziging.dagdelen):
            Openingsdagdeel.objects.filter(aanbod=aanbod).delete()
            Openingsdagdeel.objects.bulk_create(
                Openingsdagdeel(aanbod=aanbod, weekdag=d, dagdeel=p)
                for d, p in sorted(wijziging.dagdelen)
            )
            register_changed()  # bulk_create sends no signal
            changed.append("dagdelen")
    for name in ("bezoekers_per_dag", "unieke_bezoekers_per_jaar"):
        value = getattr(wijziging, name)
        if value is not UNCHANGED and getattr(steunpunt, name) != value:
            setattr(steunpunt, name, value)
            changed.append(name)
    overig = wijziging.herstelaanbod_overig
    if overig is not None and steunpunt.herstelaanbod_overig != overig:
        steunpunt.herstelaanbod_overig = overig
        changed.append("herstelaanbod_overig")
    if wijziging.elementen is not None:
        for element in lsp_type.ELEMENTS:
            attr = f"element_{element}"
            if getattr(steunpunt, attr) != (element in wijziging.elementen):
                setattr(steunpunt, attr, element in wijziging.elementen)
                changed.append(attr)
    if wijziging.hoofdsteunpunt_wissen and steunpunt.hoofdsteunpunt_id is not None:
        steunpunt.hoofdsteunpunt = None
        changed.append("hoofdsteunpunt")
    elif (
        wijziging.hoofdsteunpunt is not None
        and steunpunt.hoofdsteunpunt_id != wijziging.hoofdsteunpunt.pk
    ):
        steunpunt.hoofdsteunpunt = wijziging.hoofdsteunpunt
        changed.append("hoofdsteunpunt")
    if wijziging.herstelaanbod is not None and _replace_codes(
        SteunpuntHerstelaanbod, "steunpunt", steunpunt, "soort", wijziging.herstelaanbod
    ):
        changed.append("herstelaanbod")
    if wijziging.doelgroepen is not None and _replace_codes(
        AanbodDoelgroep, "aanbod", aanbod, "doelgroep", wijziging.doelgroepen
    ):
        changed.append("doelgroepen")
    if wijziging.kenmerken is not None:
        changed += _kenmerken_set(steunpunt, wijziging.kenmerken, peildatum)
    for name in ("omschrijving", "openingstijden_toelichting"):
        value = getattr(wijziging, name)
        if value is not None and getattr(aanbod, name) != value:
            setattr(aanbod, name, value)
            changed.append(name)
    for name in CONTACT_VELDEN:
        value = wijziging.contact.get(name)
        if value is not None and getattr(aanbod, name) != value.strip():
            setattr(aanbod, name, value.strip())
            changed.append(name)
    locatie = aanbod.locatie
    if locatie is not None:
        for name in _ADRES_VELDEN:
            value = wijziging.adres.get(name)
            if value is not None and getattr(locatie, name) != value:
                setattr(locatie, name, value)
                changed.append(name)
        if "postcode" in changed:
            _locatie_position_from_postcode(locatie)
        locatie.save()
    aanbod.save()
    steunpunt.save()
    steunpunt_recompute_type(steunpunt=steunpunt)
    if changed:
        record("steunpunt.updated", user, aanbod, {"fields": sorted(set(changed))})
    return steunpunt


def _locatie_position_from_postcode(locatie: Locatie) -> None:
    """Place the location at its PC4 centre: better than the gemeente centre,
    still approximate until geocoded on the address."""
    punt = None
    try:
        punt = postcode_punt(locatie.postcode) if locatie.postcode else None
    except OngeldigePostcode:
        raise ValidationError(
            {"postcode": _("Vul een postcode in als 1234 AB.")}
        ) from None
    if punt is not None:
        locatie.lat, locatie.lon, locatie.coordinaat_benaderd = punt.lat, punt.lon, True
        locatie.positie_bron = PositieBron.POSTCODE
        # The address decides the gemeente; a PC4 on a border counts for the
        # gemeente holding most of it (the beheerder can correct that case).
        if punt.gemeente_id is not None:
            locatie.gemeente_id = punt.gemeente_id


def _replace_codes(
    model: Any, fk: str, owner: Any, field_name: str, codes: Iterable[str]
) -> bool:
    wanted = set(codes)
    current = set(
        model.objects.filter(**{fk: owner}).values_list(field_name, flat=True)
    )
    if wanted == current:
        return False
    model.objects.filter(**{fk: owner}).exclude(
        **{f"{field_name}__in": wanted}
    ).delete()
    model.objects.bulk_create(
        model(**{fk: owner, field_name: c}) for c in sorted(wanted - current)
    )
    register_changed()  # bulk_create sends no signal
    return True


def _kenmerken_set(
    steunpunt: Steunpunt, kenmerken: dict[int, str], peildatum: date
) -> list[str]:
    current = dict(
        KenmerkZelfbeoordeling.objects.filter(steunpunt=steunpunt).values_list(
            "kenmerk", "status"
        )
    )
    changed = []
    for kenmerk, status in kenmerken.items():
        if not status:
            if KenmerkZelfbeoordeling.objects.filter(
                steunpunt=steunpunt, kenmerk=kenmerk
            ).delete()[0]:
                changed.append(f"kenmerk_{kenmerk}")
        elif current.get(kenmerk) != status:
            KenmerkZelfbeoordeling.objects.update_or_create(
                steunpunt=steunpunt,
                kenmerk=kenmerk,
                defaults={"status": status, "beoordeeld_op": peildatum},
            )
            changed.append(f"kenmerk_{kenmerk}")
    return changed


@transaction.atomic
def steunpunt_type_override(
    *, user: Any, steunpunt: Steunpunt, lsp_type_code: str, reden: str
) -> Steunpunt:
    """Fix the type by hand (with a reason), or clear the override with ''."""
    if not can_edit_steunpunt(user, steunpunt):
        raise PermissionDenied(_("U mag dit steunpunt niet wijzigen."))
    if lsp_type_code and lsp_type_code not in LspType.values:
        raise ValidationError({"type_handmatig": _("Onbekend type.")})
    if lsp_type_code and not reden.strip():
        raise ValidationError(
            {"type_handmatig_reden": _("Geef een reden voor het afwijkende type.")}
        )
    steunpunt.type_handmatig = lsp_type_code
    steunpunt.type_handmatig_reden = reden.strip() if lsp_type_code else ""
    steunpunt.save(update_fields=["type_handmatig", "type_handmatig_reden"])
    steunpunt_recompute_type(steunpunt=steunpunt)
    record("steunpunt.type_overridden", user, steunpunt.aanbod, {"type": lsp_type_code})
    return steunpunt


@transaction.atomic
def afweging_record(
    *,
    user: Any,
    steunpunt: Steunpunt,
    beoordeeld_op: date,
    antwoorden: dict[str, bool | None],
    toelichting: str = "",
) -> Afweging:
    """Record an assessment against the 6 questions of the afwegingskader."""
    if not can_record_afweging(user):
        raise PermissionDenied(_("U mag geen afweging vastleggen."))
    unknown = set(antwoorden) - set(afwegingskader.QUESTION_FIELDS)
    if unknown:
        raise ValidationError(
            {"antwoorden": _("Onbekende vraag: %s") % ", ".join(sorted(unknown))}
        )
    afweging = Afweging.objects.create(
        steunpunt=steunpunt,
        beoordeeld_op=beoordeeld_op,
        beoordeeld_door=str(user),
        toelichting=toelichting,
        op_basislijst=afwegingskader.op_basislijst(antwoorden),
        **{f: antwoorden.get(f) for f in afwegingskader.QUESTION_FIELDS},
    )
    record(
        "afweging.recorded",
        user,
        steunpunt.aanbod,
        {"op_basislijst": afweging.op_basislijst},
    )
    return afweging
