# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from dekkend.regions import views

app_name = "regions"

urlpatterns = [
    path("regios/", views.indelingen, name="indelingen"),
    path("regios/<slug:naam>/", views.indeling, name="indeling"),
]
