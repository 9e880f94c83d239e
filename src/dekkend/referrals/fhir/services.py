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
from dekkend.referrals import selectors, services
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
from dekkend.referrals.selectors import HerkomstFout


def _herkomst(*, user: Any, invoer: VerwijzingInvoer) -> selectors.Herkomst:
    """Organisation and gemeente by `selectors.verwijzing_herkomst`, each
    failure on the element that carried it: an organisation that is unknown
    or not the user's is forbidden (403), as is naming none without being a
    member of exactly one."""
    try:
        return selectors.verwijzing_herkomst(
            user=user,
            organisatie_uuid=invoer.organisatie_uuid,
            gemeente_code=invoer.gemeente_code,
            postcode=invoer.postcode,
        )
    except selectors.HerkomstFout as fout:
        if fout.veld == "organisatie":
            path = invoer.paths["requester"]
            if fout.reden in (HerkomstFout.GEEN_ORGANISATIE, HerkomstFout.MEERDERE):
                message = _(
                    "%(fout)s Geef de verwijzende organisatie in requester "
                    "(identifier %(system)s)."
                ) % {"fout": fout.message, "system": codes.ORGANISATIE_SYSTEM}
                raise FhirError([Issue(path, message, REQUIRED)]) from None
            message = _("U mag namens deze organisatie niet verwijzen.")
            raise FhirError([Issue(path, message, FORBIDDEN)], 403) from None
        key = "gemeente_code" if fout.veld == "gemeente" else "inwoner_postcode"
        raise FhirError([Issue(invoer.paths[key], fout.message, INVALID)]) from None


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
    herkomst = _herkomst(user=user, invoer=invoer)
    try:
        verwijzing = services.verwijzing_create(
            user=user,
            verwijzer_organisatie=herkomst.organisatie,
            gemeente=herkomst.gemeente,
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
