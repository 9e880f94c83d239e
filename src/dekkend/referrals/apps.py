# SPDX-License-Identifier: EUPL-1.2
from datetime import datetime
from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReferralsConfig(AppConfig):
    name = "dekkend.referrals"
    label = "referrals"
    verbose_name = _("Sociaal verwijzen")

    def ready(self) -> None:
        # Cache invalidation for the indicators (monitoring.selectors): a
        # write to a referral or a connection gives the referral's year a new
        # token; a regional term can change any year's figures.
        from django.db.models.signals import post_delete, post_save

        from dekkend.referrals import models
        from dekkend.referrals.constants import VERSION_SOURCE
        from dekkend.versions.signals import track

        for model in (models.Verwijzing, models.Verbinding):
            uid = f"versions-referrals-{model._meta.label}"
            post_save.connect(_year_changed, sender=model, dispatch_uid=uid)
            post_delete.connect(_year_changed, sender=model, dispatch_uid=f"{uid}-del")
        track(VERSION_SOURCE, (models.RegioInstelling,))


def _year_changed(*, instance: Any, **kwargs: Any) -> None:
    from django.utils import timezone

    from dekkend.referrals.constants import version_source_of_year
    from dekkend.referrals.models import Verwijzing
    from dekkend.versions.services import data_changed

    sent: datetime | None
    if isinstance(instance, Verwijzing):
        pk, sent = instance.pk, instance.aangemaakt_op
    else:  # a Verbinding: its referral is mostly at hand already
        pk = instance.verwijzing_id
        cached = instance._state.fields_cache.get("verwijzing")
        sent = (
            cached.aangemaakt_op
            if cached is not None
            else Verwijzing.objects.filter(pk=pk)
            .values_list("aangemaakt_op", flat=True)
            .first()
        )
    if sent is None:
        return
    jaar = timezone.localdate(sent).year
    data_changed(version_source_of_year(jaar), part=pk)
