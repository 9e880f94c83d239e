# SPDX-License-Identifier: EUPL-1.2
"""Pages of sociaal verwijzen under /verwijzingen/."""

from django.urls import path  # noqa: F401

app_name = "referrals"

urlpatterns: list = [
    # Workflow pages for verwijzer and brugfunctionaris.
    # Privacy pages (inzagelog).
]
