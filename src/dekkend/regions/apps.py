# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegionsConfig(AppConfig):
    name = "dekkend.regions"
    label = "regions"
    verbose_name = _("Gemeenten en regio's")
