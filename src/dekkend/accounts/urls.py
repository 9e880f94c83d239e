# SPDX-License-Identifier: EUPL-1.2
"""Login, logout and the two-factor pages under /account/."""

from django.contrib.auth import views as auth_views
from django.urls import path

from dekkend.accounts import views

app_name = "accounts"

urlpatterns = [
    path("inloggen/", views.LoginView.as_view(), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("tweestaps/instellen/", views.two_factor_setup, name="two_factor_setup"),
    path("tweestaps/controleren/", views.two_factor_verify, name="two_factor_verify"),
]
