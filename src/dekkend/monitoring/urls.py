# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from dekkend.monitoring import views

app_name = "monitoring"

urlpatterns = [
    path("verwijzen/", views.verwijzen, name="verwijzen"),
    path("verwijzen/export.xlsx", views.export, name="verwijzen-export"),
]
