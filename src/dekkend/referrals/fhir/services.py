# SPDX-License-Identifier: EUPL-1.2
"""Importing a FHIR ServiceRequest as a new referral.

Reads the resource (`importer.read`), finds the gemeente and the referring
organisation, and creates the referral through `services.verwijzing_create`,
the only way to write referrals. Everything runs in one transaction: a
resource that fails anywhere leaves no rows behind. Every failure is a
`FhirError` whose issues name the FHIR element.
"""

from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from dekkend.audit.services import record
from dekkend.referrals import services
from dekkend.referrals.fhir import codes, importer
from dekkend.referrals.fhir.outcome import (
    FORBIDDEN,
    INVALID,
    REQUIRED,
    FhirError,
    Issue,
)
from dekkend.referrals.fhir.reading import VerwijzingInvoer
from dekkend.referrals.models import Verwijzing
from dekkend.regions.models import Gemeente
from dekkend.regions.selectors import OngeldigePostcode, gemeente_list, postcode_punt
from dekkend.register.models import Organisatie
from dekkend.register.permissions import user_organisatie_ids


def _organisatie(*, user: Any, invoer: VerwijzingInvoer) -> Organisatie:
    """The organisation named in `requester`, or the user's only one."""
    ids = user_organisatie_ids(user)
    if invoer.organisatie_uuid is not None:
        organisatie = Organisatie.objects.filter(uuid=invoer.organisatie_uuid).first()
        if organisatie is None or organisatie.pk not in ids:
            message = _("U mag namens deze organisatie niet verwijzen.")
            raise FhirError([Issue(invoer.paths["requester"], message, FORBIDDEN)], 403)
        return organisatie
    if len(ids) != 1:
        message = _(
            "Geef de verwijzende organisatie in requester (identifier %(system)s): "
            "u bent lid van %(n)d organisaties."
        ) % {"system": codes.ORGANISATIE_SYSTEM, "n": len(ids)}
        raise FhirError([Issue(invoer.paths["requester"], message, REQUIRED)])
    return Organisatie.objects.get(pk=next(iter(ids)))


def _gemeente(*, invoer: VerwijzingInvoer) -> Gemeente:
    """The resident's gemeente: the CBS code if one was sent, else the
    gemeente of the postcode's PC4 area."""
    gemeenten = gemeente_list().defer("geometrie")
    if invoer.gemeente_code:
        gemeente = gemeenten.filter(code=invoer.gemeente_code).first()
        if gemeente is None:
            message = _("Onbekende gemeentecode '%(code)s'.") % {
                "code": invoer.gemeente_code
            }
            raise FhirError([Issue(invoer.paths["gemeente_code"], message, INVALID)])
        return gemeente
    path = invoer.paths["inwoner_postcode"]
    try:
        punt = postcode_punt(invoer.postcode)
    except OngeldigePostcode:
        message = _("Dit is geen geldige postcode (bijvoorbeeld 4331 AB).")
        raise FhirError([Issue(path, message, INVALID)]) from None
    gemeente_id = punt.gemeente_id if punt is not None else None
    gemeente = gemeenten.filter(pk=gemeente_id).first() if gemeente_id else None
    if gemeente is None:
        message = _("Deze postcode kennen we niet; geef de gemeente (CBS-code) mee.")
        raise FhirError([Issue(path, message, INVALID)])
    return gemeente


@transaction.atomic
def verwijzing_import(
    *, user: Any, data: Any, now: datetime | None = None
) -> Verwijzing:
    """A new referral from a FHIR ServiceRequest (or a Bundle shaped like
    the export), created by `user` on behalf of their organisation.

    `data` is the parsed JSON. Raises FhirError (status 400, or 403 when the
    user may not refer for the organisation), with one issue per problem.
    Audits `verwijzing.imported` besides the service's `verwijzing.created`.
    """
    invoer = importer.read(data)
    organisatie = _organisatie(user=user, invoer=invoer)
    gemeente = _gemeente(invoer=invoer)
    try:
        verwijzing = services.verwijzing_create(
            user=user,
            verwijzer_organisatie=organisatie,
            gemeente=gemeente,
            inwoner=invoer.inwoner(),
            problemen=invoer.problemen,
            voorwaarden=invoer.voorwaarden_(),
            warme_overdracht=invoer.warme_overdracht,
            toestemming=invoer.toestemming(),
            toelichting=invoer.toelichting,
            now=now,
        )
    except ValidationError as exc:
        raise FhirError(importer.service_issues(invoer, exc.message_dict)) from None
    except PermissionDenied as exc:
        raise FhirError(
            [Issue(invoer.paths["requester"], str(exc), FORBIDDEN)], 403
        ) from None
    record("verwijzing.imported", user, verwijzing, {"formaat": "fhir"})
    return verwijzing
