# SPDX-License-Identifier: EUPL-1.2
"""/api/v1/verwijzingen/ and its sub-resources (included by `dekkend.api.urls`;
the FHIR routes of the same referrals are included before these)."""

from rest_framework.routers import SimpleRouter

from dekkend.referrals.api.views import VerwijzingViewSet

router = SimpleRouter()
router.register("verwijzingen", VerwijzingViewSet, basename="verwijzing")

urlpatterns = router.urls
