# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from dekkend.register import views

app_name = "register"

urlpatterns = [
    path("steunpunten/", views.zoeken, name="zoeken"),
    path("steunpunten/<uuid:uuid>/", views.detail, name="detail"),
    path("regios/<slug:indeling>/<path:code>/", views.regio, name="regio"),
    path("mijn/steunpunten/", views.mijn_steunpunten, name="mijn-steunpunten"),
    path("mijn/steunpunten/<uuid:uuid>/bewerken/", views.bewerken, name="bewerken"),
]
