# SPDX-License-Identifier: EUPL-1.2
"""Small FHIR datatype builders shared by the export modules: codings,
references to organisations, dates and stable resource ids. Plain dicts."""

import uuid
from datetime import date, datetime
from typing import Any

from django.utils import timezone

from dekkend.referrals.fhir import codes
from dekkend.referrals.models import Verwijzing
from dekkend.register.models import Organisatie


def compact(value: Any) -> Any:
    """Drop None, "" and empty lists/dicts: FHIR has no empty elements."""
    if isinstance(value, dict):
        items = ((k, compact(v)) for k, v in value.items())
        return {k: v for k, v in items if v not in (None, "", [], {})}
    if isinstance(value, list):
        items_ = [compact(v) for v in value]
        return [v for v in items_ if v not in (None, "", [], {})]
    return value


def dt(value: datetime | None) -> str | None:
    return timezone.localtime(value).isoformat() if value is not None else None


def fhir_date(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def coding(system: str, code: str, display: str) -> dict[str, str]:
    return {"system": system, "code": code, "display": display}


def concept(system: str, code: str, display: str) -> dict[str, Any]:
    return {"coding": [coding(system, code, display)], "text": display}


def resource_id(verwijzing: Verwijzing, kind: str) -> str:
    """Stable id of one resource of a referral: the ServiceRequest is the
    referral's own uuid, the others a UUID5 derived from it."""
    if kind == "ServiceRequest":
        return str(verwijzing.uuid)
    return str(uuid.uuid5(verwijzing.uuid, kind))


def organisation(organisatie: Organisatie) -> dict[str, Any]:
    return {
        "type": "Organization",
        "identifier": {
            "system": codes.ORGANISATIE_SYSTEM,
            "value": str(organisatie.uuid),
        },
        "display": organisatie.naam,
    }
