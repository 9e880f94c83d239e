# SPDX-License-Identifier: EUPL-1.2
"""URL root: public pages, accounts, admin, the API and HSDS."""

from django.contrib import admin
from django.urls import include, path
from django.views.generic import TemplateView

urlpatterns = [
    path("", TemplateView.as_view(template_name="home.html"), name="home"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("account/", include("dekkend.accounts.urls")),
    path("admin/", admin.site.urls),
    path("", include("dekkend.regions.urls", namespace="regions")),
    path("", include("dekkend.register.urls", namespace="register")),
    path("", include("dekkend.coverage.urls", namespace="coverage")),
    path("verwijzingen/", include("dekkend.referrals.urls", namespace="referrals")),
    path("monitor/lsp/", include("dekkend.lspmonitor.urls", namespace="lspmonitor")),
    path("monitor/", include("dekkend.monitoring.urls", namespace="monitoring")),
    path("werkagenda/", include("dekkend.werkagenda.urls", namespace="werkagenda")),
    path("api/v1/", include("dekkend.api.urls")),
    path("api/hsds/", include("dekkend.register.hsds.urls")),
]
