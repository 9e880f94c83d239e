# SPDX-License-Identifier: EUPL-1.2
"""One error shape for the API: RFC 9457 problem details with a flat list of
`field`/`message` pairs. (The problem+json media type is checked end to end
in the API tests.)"""

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404

from rest_framework.exceptions import NotFound, ValidationError

from dekkend.api.errors import ProblemSerializer, _flatten, problem_exception_handler


def _detail(data):
    """The ErrorDetail structure DRF builds for `data`."""
    return ValidationError(data).detail


def test_field_errors_become_field_message_pairs():
    detail = _detail(
        {"type": ["Ongeldige keuze."], "limit": ["Te groot.", "Geen getal."]}
    )
    assert _flatten(detail) == [
        {"field": "type", "message": "Ongeldige keuze."},
        {"field": "limit", "message": "Te groot."},
        {"field": "limit", "message": "Geen getal."},
    ]


def test_nested_fields_are_joined_with_dots():
    detail = _detail({"adres": {"postcode": ["Vul een postcode in als 1234 AB."]}})
    assert _flatten(detail) == [
        {"field": "adres.postcode", "message": "Vul een postcode in als 1234 AB."}
    ]


def test_fields_in_lists_of_objects_carry_their_index():
    detail = _detail({"dagdelen": [{}, {"weekdag": ["Onbekende weekdag."]}]})
    assert _flatten(detail) == [
        {"field": "dagdelen[1].weekdag", "message": "Onbekende weekdag."}
    ]


def test_errors_without_a_field_are_non_field_errors():
    assert _flatten(_detail(["Geef een postcode of een gemeente op."])) == [
        {
            "field": "non_field_errors",
            "message": "Geef een postcode of een gemeente op.",
        }
    ]
    assert _flatten(_detail("Ongeldig.")) == [
        {"field": "non_field_errors", "message": "Ongeldig."}
    ]


def test_validation_error_gives_a_400_problem():
    response = problem_exception_handler(ValidationError({"type": ["Ongeldig."]}), {})
    assert response.status_code == 400
    assert response.data == {
        "type": "about:blank",
        "title": "Bad Request",
        "status": 400,
        "detail": "De invoer is ongeldig.",
        "errors": [{"field": "type", "message": "Ongeldig."}],
    }
    assert ProblemSerializer(data=response.data).is_valid()


def test_django_validation_error_of_a_service_keeps_its_fields():
    exc = DjangoValidationError({"postcode": ["Vul een postcode in als 1234 AB."]})
    response = problem_exception_handler(exc, {})
    assert response.status_code == 400
    assert response.data["errors"] == [
        {"field": "postcode", "message": "Vul een postcode in als 1234 AB."}
    ]


def test_django_validation_error_without_fields_is_a_non_field_error():
    response = problem_exception_handler(DjangoValidationError("Niet toegestaan."), {})
    assert response.status_code == 400
    assert response.data["errors"] == [
        {"field": "non_field_errors", "message": "Niet toegestaan."}
    ]


def test_not_found_gives_a_404_problem_with_its_detail():
    response = problem_exception_handler(NotFound("Steunpunt niet gevonden."), {})
    assert response.status_code == 404
    assert response.data["detail"] == "Steunpunt niet gevonden."
    assert response.data["title"] == "Not Found"
    assert "errors" not in response.data


def test_django_404_and_403_become_problems():
    assert problem_exception_handler(Http404("weg"), {}).status_code == 404
    denied = problem_exception_handler(PermissionDenied("nee"), {})
    assert denied.status_code == 403
    assert denied.data["status"] == 403


def test_other_exceptions_are_left_to_django():
    assert problem_exception_handler(ValueError("stuk"), {}) is None
