# SPDX-License-Identifier: EUPL-1.2
"""OperationOutcome: how the FHIR endpoints name what is wrong with a
resource that was sent to them.

Every issue carries the element as a FHIRPath-style path in `expression`
(`ServiceRequest.contained[0].birthDate`, `Bundle.entry[2].resource.subject`)
and repeats it at the start of `diagnostics`, followed by a Dutch message.
Authentication and permission errors are not OperationOutcomes: they keep
the API's problem details (docs/fhir.md).
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

import pydantic

# FHIR issue-type codes we use.
REQUIRED = "required"
STRUCTURE = "structure"
INVALID = "invalid"
BUSINESS_RULE = "business-rule"
FORBIDDEN = "forbidden"
NOT_SUPPORTED = "not-supported"
DUPLICATE = "duplicate"
TOO_COSTLY = "too-costly"

# pydantic error types that mean "the element is missing".
_MISSING = frozenset({"missing", "model_field_validation.missing"})
# ... and those that mean "the JSON has the wrong shape".
_STRUCTURE = frozenset(
    {
        "extra_forbidden",
        "model_type",
        "model_attributes_type",
        "dict_type",
        "list_type",
        "json_invalid",
        "json_type",
    }
)


@dataclass(frozen=True)
class Issue:
    # FHIRPath-style element; "" for the body as a whole (JSON that does not
    # parse, a media type we do not read).
    path: str
    message: str
    code: str = INVALID
    severity: str = "error"


class FhirError(Exception):
    """A resource that cannot be imported; `status` is the HTTP status."""

    def __init__(self, issues: Sequence[Issue], status: int = 400) -> None:
        super().__init__("; ".join(f"{i.path}: {i.message}" for i in issues))
        self.issues = list(issues)
        self.status = status


def operation_outcome(issues: Iterable[Issue]) -> dict[str, Any]:
    """An OperationOutcome resource (as a JSON-ready dict)."""
    return {
        "resourceType": "OperationOutcome",
        "issue": [_issue(issue) for issue in issues],
    }


def _issue(issue: Issue) -> dict[str, Any]:
    if not issue.path:
        return {
            "severity": issue.severity,
            "code": issue.code,
            "diagnostics": issue.message,
        }
    return {
        "severity": issue.severity,
        "code": issue.code,
        "diagnostics": f"{issue.path}: {issue.message}",
        "expression": [issue.path],
    }


def element_path(root: str, loc: Sequence[int | str]) -> str:
    """A pydantic location as a FHIRPath-style path.

    >>> element_path("ServiceRequest", ("reasonCode", 0, "coding", 1, "code"))
    'ServiceRequest.reasonCode[0].coding[1].code'
    >>> element_path("Patient", ("resource_type",))
    'Patient.resourceType'
    """
    path = root
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            name = "resourceType" if part == "resource_type" else part
            path += f".{name.removesuffix('__ext')}"
    return path


def issues_from_validation(root: str, error: pydantic.ValidationError) -> list[Issue]:
    """One issue per pydantic error of fhir.resources, with its element."""
    issues = []
    for err in error.errors():
        kind = err["type"]
        if kind in _MISSING:
            code, message = REQUIRED, _("Dit element is verplicht.")
        elif kind in _STRUCTURE:
            code = STRUCTURE
            message = _("Onjuiste structuur (%(fout)s).") % {"fout": err["msg"]}
        else:
            code = INVALID
            message = _("Ongeldige waarde (%(fout)s).") % {"fout": err["msg"]}
        issues.append(Issue(element_path(root, err["loc"]), message, code))
    return issues
