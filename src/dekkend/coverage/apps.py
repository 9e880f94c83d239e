# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoverageConfig(AppConfig):
    name = "dekkend.coverage"
    label = "coverage"
    verbose_name = _("Dekking en streefwaarden")
