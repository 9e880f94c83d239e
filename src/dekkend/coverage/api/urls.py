# SPDX-License-Identifier: EUPL-1.2
"""The coverage resource under /api/v1/ (included by `dekkend.api.urls`)."""

from django.urls import path

from dekkend.coverage.api.views import DekkingView

urlpatterns = [path("dekking/", DekkingView.as_view(), name="dekking")]
