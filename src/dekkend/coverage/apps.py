# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoverageConfig(AppConfig):
    name = "dekkend.coverage"
    label = "coverage"
    verbose_name = _("Dekking en streefwaarden")

    def ready(self) -> None:
        from dekkend.coverage.constants import VERSION_SOURCE
        from dekkend.coverage.models import ParameterAfwijking
        from dekkend.versions.signals import track

        track(VERSION_SOURCE, (ParameterAfwijking,))
