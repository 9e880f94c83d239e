# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VersionsConfig(AppConfig):
    name = "dekkend.versions"
    label = "versions"
    verbose_name = _("Gegevensversies")
