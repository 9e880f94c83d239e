# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from dekkend.lspmonitor.api import views

urlpatterns = [
    path("rondes/", views.RondeListView.as_view(), name="monitor-rondes"),
    path("rondes/<int:jaar>/", views.RondeDetailView.as_view(), name="monitor-ronde"),
    path(
        "rondes/<int:jaar>/basislijst/",
        views.BasislijstView.as_view(),
        name="monitor-basislijst",
    ),
    path(
        "rondes/<int:jaar>/beoordelingen/",
        views.BeoordelingListView.as_view(),
        name="monitor-beoordelingen",
    ),
    path(
        "rondes/<int:jaar>/tabellen/",
        views.TabellenView.as_view(),
        name="monitor-tabellen",
    ),
]
