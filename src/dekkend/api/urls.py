# SPDX-License-Identifier: EUPL-1.2
"""/api/v1/: the router, the OpenAPI schema and its browsable UIs."""

from django.urls import include, path

from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularRedocView,
    SpectacularSwaggerView,
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
    path(
        "schema/swagger/",
        SpectacularSwaggerView.as_view(url_name="schema"),
        name="swagger-ui",
    ),
    path(
        "schema/redoc/", SpectacularRedocView.as_view(url_name="schema"), name="redoc"
    ),
]
