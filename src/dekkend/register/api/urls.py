# SPDX-License-Identifier: EUPL-1.2
"""The register's resources under /api/v1/ (included by `dekkend.api.urls`)."""

from django.urls import path

from rest_framework.routers import SimpleRouter

from dekkend.register.api.views import (
    LspSummaryView,
    OrganisatieViewSet,
    SteunpuntViewSet,
)

router = SimpleRouter()
router.register("steunpunten", SteunpuntViewSet, basename="steunpunt")
router.register("organisaties", OrganisatieViewSet, basename="organisatie")

urlpatterns = [
    *router.urls,
    path("lsp-samenvatting/", LspSummaryView.as_view(), name="lsp-samenvatting"),
]
