# SPDX-License-Identifier: EUPL-1.2
"""One error shape for the whole API: RFC 9457 problem details.

`{"type", "title", "status", "detail", "errors": [{"field", "message"}]}`.
"""

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError

from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import exception_handler


class FieldErrorSerializer(serializers.Serializer[Any]):
    field = serializers.CharField()
    message = serializers.CharField()


class ProblemSerializer(serializers.Serializer[Any]):
    """RFC 9457 problem details, as every error of this API is shaped."""

    type = serializers.CharField()
    title = serializers.CharField()
    status = serializers.IntegerField()
    detail = serializers.CharField()
    # The RFC 9457 extension member is called "errors", like DRF's own property.
    errors = FieldErrorSerializer(many=True, required=False)  # type: ignore[assignment]


def _flatten(detail: Any, prefix: str = "") -> list[dict[str, str]]:
    if isinstance(detail, dict):
        out: list[dict[str, str]] = []
        for key, value in detail.items():
            name = f"{prefix}.{key}" if prefix else str(key)
            out.extend(_flatten(value, name))
        return out
    if isinstance(detail, list):
        out = []
        for index, value in enumerate(detail):
            name = (
                prefix if not isinstance(value, dict | list) else f"{prefix}[{index}]"
            )
            out.extend(_flatten(value, name))
        return out
    return [{"field": prefix or "non_field_errors", "message": str(detail)}]


def problem_exception_handler(
    exc: Exception, context: dict[str, Any]
) -> Response | None:
    if isinstance(exc, DjangoValidationError):
        exc = ValidationError(
            exc.message_dict if hasattr(exc, "error_dict") else exc.messages
        )
    response = exception_handler(exc, context)
    if response is None:
        return None
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": response.status_text,
        "status": response.status_code,
    }
    if isinstance(exc, ValidationError):
        body["detail"] = "De invoer is ongeldig."
        body["errors"] = _flatten(exc.detail)
    else:
        data = response.data
        body["detail"] = (
            str(data.get("detail", data)) if isinstance(data, dict) else str(data)
        )
    response.data = body
    # The renderer sets the header from this attribute when it renders.
    response.content_type = "application/problem+json"
    return response
