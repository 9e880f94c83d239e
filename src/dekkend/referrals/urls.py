# SPDX-License-Identifier: EUPL-1.2
"""Pages of sociaal verwijzen under /verwijzingen/."""

from django.urls import path

from dekkend.referrals import privacy_views

app_name = "referrals"

urlpatterns: list = [
    # Workflow pages for verwijzer and brugfunctionaris.
    # Privacy pages (inzagelog).
    path("inzagelog/", privacy_views.inzagelog, name="inzagelog"),
]
