# SPDX-License-Identifier: EUPL-1.2
"""Django REST framework and the OpenAPI schema."""

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "dekkend.api.pagination.Pagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
    ],
    "EXCEPTION_HANDLER": "dekkend.api.errors.problem_exception_handler",
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "dekkend.api.negotiation.StrictContentNegotiation",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Dekkend API",
    "DESCRIPTION": (
        "Register van laagdrempelige steunpunten en ander aanbod, gemeenten en "
        "regio-indelingen. Fouten volgen RFC 9457 (problem details)."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    # Every error is application/problem+json and every operation lists the
    # errors any request can meet (400, 403, 404, 415): see api/schema.py.
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "dekkend.api.schema.problem_responses",
    ],
}
