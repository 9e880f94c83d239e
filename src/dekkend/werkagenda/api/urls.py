# SPDX-License-Identifier: EUPL-1.2
"""/api/v1/werkagenda/ (included by `dekkend.api.urls`)."""

from rest_framework.routers import SimpleRouter

from dekkend.werkagenda.api.views import WerkagendaViewSet

router = SimpleRouter()
router.register("", WerkagendaViewSet, basename="werkagenda")

urlpatterns = router.urls
