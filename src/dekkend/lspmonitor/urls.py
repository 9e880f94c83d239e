# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from dekkend.lspmonitor.views import eigen, landelijk, telling, vragenlijst

app_name = "lspmonitor"

urlpatterns = [
    path("vragenlijst/<str:token>/", vragenlijst.vragenlijst, name="vragenlijst"),
    path("", landelijk.ronde_list, name="rondes"),
    path("nieuw/", landelijk.ronde_create, name="ronde-nieuw"),
    path("<int:jaar>/", landelijk.ronde_detail, name="ronde"),
    path("<int:jaar>/status/", landelijk.ronde_status, name="ronde-status"),
    path("<int:jaar>/basislijst/", landelijk.basislijst, name="basislijst"),
    path(
        "<int:jaar>/basislijst/import/",
        landelijk.kandidaten_import,
        name="kandidaten-import",
    ),
    path(
        "<int:jaar>/basislijst/<uuid:uuid>/",
        landelijk.kandidaat_detail,
        name="kandidaat",
    ),
    path("<int:jaar>/uitnodigingen/", landelijk.uitnodigingen, name="uitnodigingen"),
    path(
        "<int:jaar>/uitnodigingen/<uuid:uuid>/intrekken/",
        landelijk.uitnodiging_revoke,
        name="uitnodiging-intrekken",
    ),
    path("<int:jaar>/voorstellen/", landelijk.voorstellen, name="voorstellen"),
    path(
        "<int:jaar>/voorstellen/<uuid:uuid>/",
        landelijk.voorstel_besluit,
        name="voorstel",
    ),
    path("<int:jaar>/rapport.<str:formaat>", landelijk.rapport, name="rapport"),
    path("regio/", eigen.regio_resultaten, name="regio"),
    path("mijn/", eigen.eigen_antwoorden, name="mijn"),
    path("telling/", telling.telling, name="telling"),
]
