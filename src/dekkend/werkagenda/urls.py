# SPDX-License-Identifier: EUPL-1.2
"""Pages of the werkagenda under /werkagenda/."""

from django.urls import path

from dekkend.werkagenda import views

app_name = "werkagenda"

urlpatterns: list = [
    path("", views.overzicht, name="overzicht"),
    path("landelijk/", views.landelijk, name="landelijk"),
    path("<uuid:uuid>/", views.document, name="document"),
    path("<uuid:uuid>/sectie/", views.sectie, name="sectie"),
    path("<uuid:uuid>/voorstel/", views.voorstel, name="voorstel"),
    path("<uuid:uuid>/doelstelling/", views.doelstelling, name="doelstelling"),
    path("<uuid:uuid>/mijlpaal/", views.mijlpaal, name="mijlpaal"),
    path("<uuid:uuid>/partij/", views.partij, name="partij"),
    path("<uuid:uuid>/colleges/", views.colleges, name="colleges"),
    path("<uuid:uuid>/status/", views.status, name="status"),
    path("<uuid:uuid>/historie/", views.historie, name="historie"),
    path("<uuid:uuid>/vergelijk/", views.vergelijk, name="vergelijk"),
    path("<uuid:uuid>/financiering/", views.financiering, name="financiering"),
    path("<uuid:uuid>/importeren/", views.importeren, name="importeren"),
    path("<uuid:uuid>/download.<str:formaat>", views.download, name="download"),
]
