# SPDX-License-Identifier: EUPL-1.2
"""Pages of sociaal verwijzen under /verwijzingen/."""

from django.urls import path

from dekkend.referrals import privacy_views, views

app_name = "referrals"

urlpatterns: list = [
    # Workflow pages for verwijzer and brugfunctionaris.
    path("nieuw/", views.nieuw, name="nieuw"),
    path("mijn/", views.mijn, name="mijn"),
    path("mijn/<uuid:uuid>/", views.mijn_detail, name="mijn-detail"),
    path("inbox/", views.inbox, name="inbox"),
    path("<uuid:uuid>/", views.detail, name="detail"),
    path("<uuid:uuid>/stap/<slug:actie>/", views.actie, name="actie"),
    path("<uuid:uuid>/contact/", views.contact, name="contact"),
    path("<uuid:uuid>/verbinden/", views.verbinden, name="verbinden"),
    path("<uuid:uuid>/terugkoppeling/", views.terugkoppeling, name="terugkoppeling"),
    path(
        "<uuid:uuid>/toestemming-intrekken/",
        views.toestemming_intrekken,
        name="toestemming-intrekken",
    ),
    # Privacy pages (inzagelog).
    path("inzagelog/", privacy_views.inzagelog, name="inzagelog"),
]
