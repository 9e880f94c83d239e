# SPDX-License-Identifier: EUPL-1.2
"""Schema post-processing: the error answers every operation can give.

Views declare the errors that are particular to them (a 409 for a workflow
step, a 400 with the fields of a form). This hook makes the schema tell the
truth about the rest: every error answer is `application/problem+json`
(`Problem`), and every operation lists the errors any request can meet —

- 400 when it takes query parameters or a body (a value that does not fit
  the parameter's schema is refused, naming the parameter);
- 403 (not logged in, wrong role, two-factor not passed, CSRF);
- 404 (an unknown object, or a page past the last);
- 415 when it takes a body (a media type it does not parse).

FHIR operations keep their OperationOutcome (`application/fhir+json`) where
they declare one, beside the problem document that authentication and
permission checks give. Nothing here changes what a view does.
"""

from typing import Any

PROBLEM_JSON = "application/problem+json"
PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}
METHODS = {"get", "put", "post", "patch", "delete", "head", "options", "trace"}
DESCRIPTIONS = {
    "400": "Ongeldige invoer: `errors` noemt elke parameter of elk veld.",
    "403": "Niet ingelogd, geen toegang met deze rol, of tweestapsverificatie "
    "nog niet gedaan.",
    "404": "Niet gevonden (of niet zichtbaar voor u), of een pagina voorbij de "
    "laatste.",
    "415": "Het mediatype van de body wordt niet ondersteund.",
}


def _problem(description: str) -> dict[str, Any]:
    return {
        "content": {PROBLEM_JSON: {"schema": PROBLEM_REF}},
        "description": description,
    }


def _takes_input(operation: dict[str, Any], path_item: dict[str, Any]) -> bool:
    parameters = [*operation.get("parameters", []), *path_item.get("parameters", [])]
    return "requestBody" in operation or any(p.get("in") == "query" for p in parameters)


def problem_responses(
    result: dict[str, Any], generator: Any, request: Any, public: bool
) -> dict[str, Any]:
    """drf-spectacular postprocessing hook (`POSTPROCESSING_HOOKS`)."""
    for path_item in result.get("paths", {}).values():
        for method, operation in path_item.items():
            if method not in METHODS:
                continue
            responses = operation.setdefault("responses", {})
            for code, response in responses.items():
                if not str(code).isdigit() or int(code) < 400:
                    continue
                # Other shapes (FHIR's OperationOutcome) stay beside it: the
                # permission checks before such a view answer with a problem.
                content = {
                    media: body
                    for media, body in response.get("content", {}).items()
                    if body.get("schema") != PROBLEM_REF
                }
                response["content"] = {
                    **content,
                    PROBLEM_JSON: {"schema": PROBLEM_REF},
                }
                if not response.get("description") and str(code) in DESCRIPTIONS:
                    response["description"] = DESCRIPTIONS[str(code)]
            wanted = ["403", "404"]
            if _takes_input(operation, path_item):
                wanted.append("400")
            if "requestBody" in operation:
                wanted.append("415")
            for code in wanted:
                responses.setdefault(code, _problem(DESCRIPTIONS[code]))
            operation["responses"] = dict(
                sorted(responses.items(), key=lambda item: str(item[0]))
            )
    return result
