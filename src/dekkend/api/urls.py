# SPDX-License-Identifier: EUPL-1.2
"""/api/v1/: the router, the OpenAPI schema and its browsable UIs."""

from django.urls import include, path

from csp.constants import UNSAFE_INLINE
from csp.decorators import csp_update
from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularRedocView,
    SpectacularSwaggerSplitView,
)
from rest_framework.routers import DefaultRouter

from dekkend.coverage.api.views import DekkingView
from dekkend.regions.api.views import GemeenteViewSet, IndelingViewSet, RegioViewSet
from dekkend.register.api.views import (
    LspSummaryView,
    OrganisatieViewSet,
    SteunpuntViewSet,
)

router = DefaultRouter()
router.register("gemeenten", GemeenteViewSet, basename="gemeente")
router.register("indelingen", IndelingViewSet, basename="indeling")
router.register("regios", RegioViewSet, basename="regio")
router.register("steunpunten", SteunpuntViewSet, basename="steunpunt")
router.register("organisaties", OrganisatieViewSet, basename="organisatie")

urlpatterns = [
    # FHIR routes first: /verwijzingen/{uuid}/fhir sits beside the viewset.
    path("", include("dekkend.referrals.fhir.urls")),
    path("", include(router.urls)),
    path("lsp-samenvatting/", LspSummaryView.as_view(), name="lsp-samenvatting"),
    path("dekking/", DekkingView.as_view(), name="dekking"),
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
