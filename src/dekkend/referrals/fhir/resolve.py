# SPDX-License-Identifier: EUPL-1.2
"""Resolving the references of an imported ServiceRequest to the resources
sent with it, each with the path of the element it was found at.

Only what was sent is resolved: `#id` to a contained resource, and in a
Bundle also a `fullUrl` (`urn:uuid:…` or absolute) and `Type/id`. Nothing is
fetched from elsewhere. `requester_organisatie` follows `requester` to the
Dekkend identifier of the referring organisation.
"""

import uuid
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from dekkend.referrals.fhir import codes
from dekkend.referrals.fhir.outcome import INVALID, Issue


@dataclass(frozen=True)
class Located:
    """A resource that was sent, and where (`Bundle.entry[3].resource`)."""

    resource: Any
    path: str


@dataclass
class Resolver:
    by_reference: dict[str, Located] = field(default_factory=dict)

    def add(self, key: str | None, located: Located) -> None:
        if key:
            self.by_reference.setdefault(key, located)

    def resolve(self, reference: Any, kind: str) -> Located | None:
        """The `kind` resource a Reference points at, or None."""
        target = getattr(reference, "reference", None)
        if not target:
            return None
        located = self.by_reference.get(target)
        if located is None or located.resource.get_resource_type() != kind:
            return None
        return located


def contained_resolver(resource: Any, path: str) -> Resolver:
    """`#id` references to the resources contained in `resource`."""
    resolver = Resolver()
    for i, item in enumerate(resource.contained or []):
        if item.id:
            resolver.add(f"#{item.id}", Located(item, f"{path}.contained[{i}]"))
    return resolver


def bundle_resolver(bundle: Any, request: Any, request_path: str) -> Resolver:
    """References inside a Bundle: the request's contained resources first,
    then the entries by full URL and by `Type/id`."""
    resolver = contained_resolver(request, request_path)
    for i, entry in enumerate(bundle.entry or []):
        if entry.resource is None:
            continue
        located = Located(entry.resource, f"Bundle.entry[{i}].resource")
        kind = entry.resource.get_resource_type()
        resolver.add(entry.fullUrl, located)
        if entry.fullUrl and f"/{kind}/" in entry.fullUrl:
            resolver.add(
                entry.fullUrl[entry.fullUrl.rindex(f"/{kind}/") + 1 :], located
            )
        if entry.resource.id:
            resolver.add(f"{kind}/{entry.resource.id}", located)
    return resolver


def requester_organisatie(
    request: Any, path: str, resolver: Resolver, issues: list[Issue]
) -> uuid.UUID | None:
    """The referring organisation's uuid from `requester`: a PractitionerRole
    (its organization) or Organization that was sent, or a logical reference,
    with a Dekkend organisation identifier. None when there is none."""
    requester = request.requester
    if requester is None:
        return None
    identifiers = [requester.identifier]
    role = resolver.resolve(requester, "PractitionerRole")
    if role is not None and role.resource.organization is not None:
        identifiers.append(role.resource.organization.identifier)
    organisation = resolver.resolve(requester, "Organization")
    if organisation is not None:
        identifiers += organisation.resource.identifier or []
    for identifier in identifiers:
        if identifier is not None and identifier.system == codes.ORGANISATIE_SYSTEM:
            try:
                return uuid.UUID(str(identifier.value))
            except ValueError:
                issues.append(
                    Issue(f"{path}.requester", _("Onbekende organisatie."), INVALID)
                )
                return None
    return None
