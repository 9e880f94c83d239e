# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegionsConfig(AppConfig):
    name = "dekkend.regions"
    label = "regions"
    verbose_name = _("Gemeenten en regio's")

    def ready(self) -> None:
        from dekkend.regions import models
        from dekkend.regions.constants import VERSION_SOURCE
        from dekkend.versions.signals import track

        track(
            VERSION_SOURCE,
            (
                models.Gemeente,
                models.Bevolking,
                models.Postcodegebied,
                models.Indeling,
                models.Regio,
                models.RegioGemeente,
            ),
        )
