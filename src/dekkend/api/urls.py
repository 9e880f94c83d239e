# SPDX-License-Identifier: EUPL-1.2
"""/api/v1/: the apps' resources, the OpenAPI schema and its browsable UIs.

Each app declares its own routes in `<app>/api/urls.py`; this module only
includes them by name, so the shared API pieces beside it (errors, pagination,
permissions, schema hooks) never depend on the apps that use them.
"""

from django.urls import include, path

from csp.constants import UNSAFE_INLINE
from csp.decorators import csp_update
from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularRedocView,
    SpectacularSwaggerSplitView,
)
from rest_framework.routers import DefaultRouter

# The browsable root lists the collections by route name.
api_root = DefaultRouter.APIRootView.as_view(
    api_root_dict={
        "gemeenten": "gemeente-list",
        "indelingen": "indeling-list",
        "regios": "regio-list",
        "steunpunten": "steunpunt-list",
        "organisaties": "organisatie-list",
    }
)

urlpatterns = [
    # FHIR routes first: /verwijzingen/{uuid}/fhir sits beside the viewset.
    path("", include("dekkend.referrals.fhir.urls")),
    path("", api_root, name="api-root"),
    path("", include("dekkend.regions.api.urls")),
    path("", include("dekkend.register.api.urls")),
    path("", include("dekkend.coverage.api.urls")),
    path("", include("dekkend.referrals.api.urls")),
    path("", include("dekkend.monitoring.api.urls")),
    path("werkagenda/", include("dekkend.werkagenda.api.urls")),
    path("monitor/", include("dekkend.lspmonitor.api.urls")),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves its start-up script as a file of its own, so the
    # strict Content-Security-Policy holds; both UIs set styles from script.
    path(
        "schema/swagger/",
        csp_update({"style-src": [UNSAFE_INLINE]})(
            SpectacularSwaggerSplitView.as_view(url_name="schema")
        ),
        name="swagger-ui",
    ),
    path(
        "schema/redoc/",
        csp_update({"style-src": [UNSAFE_INLINE], "worker-src": ["blob:"]})(
            SpectacularRedocView.as_view(url_name="schema")
        ),
        name="redoc",
    ),
]
