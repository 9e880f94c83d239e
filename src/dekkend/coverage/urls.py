# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from dekkend.coverage import views

app_name = "coverage"

urlpatterns = [
    path("dekking/", views.overzicht, name="overzicht"),
    path(
        "dekking/<slug:indeling>/<path:code>/export.<str:formaat>",
        views.export,
        name="export",
    ),
    path("dekking/<slug:indeling>/<path:code>/", views.regio, name="regio"),
]
