# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from dekkend.monitoring.api.views import VerwijsIndicatorenView

urlpatterns = [
    path(
        "verwijzingsindicatoren/",
        VerwijsIndicatorenView.as_view(),
        name="verwijzingsindicatoren",
    ),
]
