# SPDX-License-Identifier: EUPL-1.2
"""The regions' resources under /api/v1/ (included by `dekkend.api.urls`)."""

from rest_framework.routers import SimpleRouter

from dekkend.regions.api.views import GemeenteViewSet, IndelingViewSet, RegioViewSet

router = SimpleRouter()
router.register("gemeenten", GemeenteViewSet, basename="gemeente")
router.register("indelingen", IndelingViewSet, basename="indeling")
router.register("regios", RegioViewSet, basename="regio")

urlpatterns = router.urls
