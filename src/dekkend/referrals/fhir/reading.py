# SPDX-License-Identifier: EUPL-1.2
"""Reading the elements of an imported ServiceRequest, Patient and Consent
into `VerwijzingInvoer`, the values `services.verwijzing_create` takes.

Each reader appends an `Issue` for what it cannot use and remembers, per
service field, the element it came from (`paths`), so that the service's own
validation errors can name the FHIR element too. No database here.
"""

import re
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from dekkend.referrals import services
from dekkend.referrals.constants import (
    Probleem,
    ToestemmingGever,
    ToestemmingWijze,
    WarmeOverdracht,
)
from dekkend.referrals.fhir import codes
from dekkend.referrals.fhir.outcome import INVALID, REQUIRED, Issue
from dekkend.referrals.fhir.resolve import Located, Resolver, requester_organisatie

GEMEENTE_CODE = re.compile(r"^GM[0-9]{4}$")


@dataclass
class VerwijzingInvoer:
    """What an imported resource asks for, before the database is consulted."""

    naam: str = ""
    geboortedatum: date | None = None
    telefoon: str = ""
    email: str = ""
    postcode: str = ""
    bsn: str = ""
    gemeente_code: str = ""
    problemen: list[str] = field(default_factory=list)
    voorwaarden: dict[str, bool] = field(default_factory=dict)
    warme_overdracht: str = ""
    toelichting: str = ""
    gegeven_door: str = ""
    gegeven_op: datetime | None = None
    wijze: str = ""
    doel: str = ""
    organisatie_uuid: uuid.UUID | None = None
    # The sender's identifiers (system, value) and ServiceRequest.authoredOn.
    identifiers: list[tuple[str, str]] = field(default_factory=list)
    opgesteld_op: datetime | None = None
    # The receiving organisation named in `performer`, if a Dekkend one.
    ontvanger_uuid: uuid.UUID | None = None
    # Service field (and "request", "requester", "gemeente_code") → element.
    paths: dict[str, str] = field(default_factory=dict)

    def inwoner(self) -> services.Inwoner:
        return services.Inwoner(
            naam=self.naam,
            geboortedatum=self.geboortedatum,
            telefoon=self.telefoon,
            email=self.email,
            postcode=self.postcode,
            bsn=self.bsn,
        )

    def voorwaarden_(self) -> services.Voorwaarden:
        return services.Voorwaarden(
            **{name: self.voorwaarden.get(name, False) for name in codes.EXT_VOORWAARDE}
        )

    def toestemming(self) -> services.ToestemmingInvoer:
        assert self.gegeven_op is not None
        extra = {"doel": self.doel} if self.doel else {}
        return services.ToestemmingInvoer(
            gegeven_door=self.gegeven_door,
            gegeven_op=self.gegeven_op,
            wijze=self.wijze,
            **extra,
        )


def local_datetime(value: datetime | date) -> datetime:
    """A FHIR dateTime as an aware datetime (a bare date is midnight here)."""
    if isinstance(value, datetime):
        return value if timezone.is_aware(value) else timezone.make_aware(value)
    return timezone.make_aware(datetime.combine(value, time.min))


def _codes(concepts: list[Any] | None, system: str, path: str) -> list[tuple[str, str]]:
    """(code, element path) of every coding of `system` in a list of
    CodeableConcepts."""
    return [
        (coding.code or "", f"{path}[{i}].coding[{j}].code")
        for i, concept in enumerate(concepts or [])
        for j, coding in enumerate(concept.coding or [])
        if coding.system == system
    ]


def read_request(
    request: Any, path: str, resolver: Resolver, issues: list[Issue]
) -> VerwijzingInvoer:
    invoer = VerwijzingInvoer()
    invoer.paths.update(
        request=path,
        requester=f"{path}.requester",
        problemen=f"{path}.reasonCode",
        warme_overdracht=f"{path}.orderDetail",
        voorwaarden=f"{path}.extension",
        voorwaarde_geen_ggz=f"{path}.extension",
        toestemming=f"{path}.supportingInfo",
    )
    for code, code_path in _codes(
        request.reasonCode, codes.PROBLEEM_SYSTEM, f"{path}.reasonCode"
    ):
        if code in Probleem.values:
            invoer.problemen.append(code)
        else:
            issues.append(
                Issue(
                    code_path,
                    _("Onbekende probleemcode '%(code)s'.") % {"code": code},
                    INVALID,
                )
            )
    for code, code_path in _codes(
        request.orderDetail, codes.WARME_OVERDRACHT_SYSTEM, f"{path}.orderDetail"
    ):
        if code not in WarmeOverdracht.values:
            issues.append(
                Issue(
                    code_path,
                    _("Onbekende soort warme overdracht '%(code)s'.") % {"code": code},
                    INVALID,
                )
            )
        elif not invoer.warme_overdracht:
            invoer.warme_overdracht = code
            invoer.paths["warme_overdracht"] = code_path
    urls = {url: name for name, url in codes.EXT_VOORWAARDE.items()}
    for i, extension in enumerate(request.extension or []):
        name = urls.get(extension.url)
        if name is None:
            continue
        if extension.valueBoolean is None:
            issues.append(
                Issue(f"{path}.extension[{i}]", _("Verwacht valueBoolean."), INVALID)
            )
            continue
        invoer.voorwaarden[name] = extension.valueBoolean
        if name == "geen_ggz":
            invoer.paths["voorwaarde_geen_ggz"] = f"{path}.extension[{i}]"
    # A condition left out is not stated, which is not the same as not met.
    for name, url in codes.EXT_VOORWAARDE.items():
        if name not in invoer.voorwaarden:
            issues.append(
                Issue(
                    f"{path}.extension",
                    _("Geef de voorwaarde %(url)s aan (valueBoolean).") % {"url": url},
                    REQUIRED,
                )
            )
    invoer.toelichting = "\n\n".join(
        note.text for note in request.note or [] if note.text
    )
    invoer.organisatie_uuid = requester_organisatie(request, path, resolver, issues)
    _read_sender(invoer, request, path, issues)
    return invoer


def _read_sender(
    invoer: VerwijzingInvoer, request: Any, path: str, issues: list[Issue]
) -> None:
    """What the sender says about its own ServiceRequest: its identifiers
    (each needs a system and a value), when it was written (not in the
    future) and the organisation it is meant for."""
    invoer.paths.update(identifier=f"{path}.identifier", performer=f"{path}.performer")
    for i, identifier in enumerate(request.identifier or []):
        if not (identifier.system and identifier.value):
            issues.append(
                Issue(
                    f"{path}.identifier[{i}]",
                    _("Een identifier heeft een system en een value."),
                    REQUIRED,
                )
            )
        elif (identifier.system, identifier.value) not in invoer.identifiers:
            invoer.identifiers.append((identifier.system, identifier.value))
    authored = request.authoredOn
    if isinstance(authored, date):
        invoer.opgesteld_op = local_datetime(authored)
        if invoer.opgesteld_op > timezone.now() + timedelta(minutes=5):
            issues.append(
                Issue(
                    f"{path}.authoredOn",
                    _("Een verwijzing kan niet in de toekomst zijn opgesteld."),
                    INVALID,
                )
            )
    elif authored is not None:
        issues.append(
            Issue(f"{path}.authoredOn", _("Geef een volledige datum en tijd."), INVALID)
        )
    for i, performer in enumerate(request.performer or []):
        identifier = getattr(performer, "identifier", None)
        if identifier is None or identifier.system != codes.ORGANISATIE_SYSTEM:
            continue
        try:
            invoer.ontvanger_uuid = uuid.UUID(str(identifier.value))
        except ValueError:
            issues.append(
                Issue(
                    f"{path}.performer[{i}].identifier.value",
                    _("Onbekende organisatie."),
                    INVALID,
                )
            )
        invoer.paths["performer"] = f"{path}.performer[{i}]"
        break


def read_patient(
    invoer: VerwijzingInvoer, patient: Located, issues: list[Issue]
) -> VerwijzingInvoer:
    p, path = patient.resource, patient.path
    invoer.paths.update(
        inwoner_naam=f"{path}.name",
        inwoner_telefoon=f"{path}.telecom",
        inwoner_email=f"{path}.telecom",
        inwoner_bsn=f"{path}.identifier",
        inwoner_postcode=f"{path}.address",
        gemeente=f"{path}.address",
        gemeente_code=f"{path}.address",
    )
    if p.name:
        name = p.name[0]
        invoer.naam = (
            name.text or " ".join([*(name.given or []), name.family or ""]).strip()
        )
    if isinstance(p.birthDate, date):
        invoer.geboortedatum = p.birthDate
    elif p.birthDate is not None:
        issues.append(
            Issue(
                f"{path}.birthDate",
                _("Geef een volledige geboortedatum (jjjj-mm-dd)."),
                INVALID,
            )
        )
    for i, telecom in enumerate(p.telecom or []):
        if telecom.system in ("phone", "sms") and not invoer.telefoon:
            invoer.telefoon = telecom.value or ""
            invoer.paths["inwoner_telefoon"] = f"{path}.telecom[{i}]"
        elif telecom.system == "email" and not invoer.email:
            invoer.email = telecom.value or ""
            invoer.paths["inwoner_email"] = f"{path}.telecom[{i}]"
    for i, identifier in enumerate(p.identifier or []):
        if identifier.system == codes.BSN_SYSTEM and identifier.value:
            invoer.bsn = identifier.value
            invoer.paths["inwoner_bsn"] = f"{path}.identifier[{i}]"
    if p.address:
        address, address_path = p.address[0], f"{path}.address[0]"
        invoer.postcode = address.postalCode or ""
        invoer.paths.update(
            inwoner_postcode=f"{address_path}.postalCode", gemeente=address_path
        )
        for i, extension in enumerate(address.extension or []):
            if (
                extension.url == codes.EXT_GEMEENTE
                and extension.valueCoding is not None
            ):
                invoer.gemeente_code = (extension.valueCoding.code or "").upper()
                invoer.paths["gemeente_code"] = f"{address_path}.extension[{i}]"
        district = (address.district or "").strip().upper()
        if not invoer.gemeente_code and GEMEENTE_CODE.match(district):
            invoer.gemeente_code = district
            invoer.paths["gemeente_code"] = f"{address_path}.district"
    if not (invoer.gemeente_code or invoer.postcode):
        issues.append(
            Issue(
                invoer.paths["gemeente"],
                _("Geef de postcode of de gemeente (CBS-code) van de inwoner."),
                REQUIRED,
            )
        )
    return invoer


def read_consent(
    invoer: VerwijzingInvoer,
    consent: Located,
    resolver: Resolver,
    issues: list[Issue],
    *,
    patient: Located | None = None,
) -> VerwijzingInvoer:
    c, path = consent.resource, consent.path
    invoer.paths["toestemming"] = path
    provision_type = getattr(getattr(c, "provision", None), "type", None)
    if provision_type not in (None, "permit"):
        issues.append(
            Issue(
                f"{path}.provision.type",
                _("Alleen toestemming telt: provision.type moet 'permit' zijn."),
                INVALID,
            )
        )
    if patient is not None and resolver.resolve(c.patient, "Patient") is not patient:
        issues.append(
            Issue(
                f"{path}.patient",
                _("De toestemming moet van dezelfde inwoner zijn als de verwijzing."),
                INVALID,
            )
        )
    if c.status != "active":
        issues.append(
            Issue(
                f"{path}.status",
                _("De toestemming moet actief zijn (status 'active')."),
                INVALID,
            )
        )
    if c.dateTime is None:
        issues.append(
            Issue(
                f"{path}.dateTime",
                _("Geef aan wanneer de toestemming is gegeven."),
                REQUIRED,
            )
        )
    elif isinstance(c.dateTime, date):
        invoer.gegeven_op = local_datetime(c.dateTime)
    else:
        issues.append(
            Issue(f"{path}.dateTime", _("Geef een volledige datum en tijd."), INVALID)
        )
    wijze_path = f"{path}.extension"
    for i, extension in enumerate(c.extension or []):
        if extension.url == codes.EXT_TOESTEMMING_WIJZE:
            wijze_path = f"{path}.extension[{i}]"
            coding = extension.valueCoding
            invoer.wijze = (
                coding.code if coding is not None else extension.valueCode
            ) or ""
        elif extension.url == codes.EXT_TOESTEMMING_DOEL:
            invoer.doel = extension.valueString or ""
    if invoer.wijze not in ToestemmingWijze.values:
        message = _("Leg vast hoe de toestemming is gegeven (%(url)s: %(codes)s).") % {
            "url": codes.EXT_TOESTEMMING_WIJZE,
            "codes": ", ".join(ToestemmingWijze.values),
        }
        issues.append(
            Issue(wijze_path, message, REQUIRED if not invoer.wijze else INVALID)
        )
    performer = (c.performer or [None])[0]
    kind = (
        getattr(performer, "type", None)
        or str(getattr(performer, "reference", None) or "").split("/")[0]
    )
    if (
        performer is None
        or kind == "Patient"
        or resolver.resolve(performer, "Patient") is not None
    ):
        invoer.gegeven_door = ToestemmingGever.INWONER.value
    elif (
        kind == "RelatedPerson"
        or resolver.resolve(performer, "RelatedPerson") is not None
    ):
        invoer.gegeven_door = ToestemmingGever.VERTEGENWOORDIGER.value
    else:
        issues.append(
            Issue(
                f"{path}.performer[0]",
                _(
                    "De toestemming komt van de inwoner (Patient) of een vertegenwoordiger (RelatedPerson)."
                ),
                INVALID,
            )
        )
    return invoer
