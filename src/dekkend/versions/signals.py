# SPDX-License-Identifier: EUPL-1.2
"""Connecting models to their source: any save or delete of a row, also from
the admin and the importers, gives the source a new token.

Cache invalidation, not a business rule, so a signal receiver is the right
place (STYLE §2 keeps business rules out of receivers). Writes that send no
signal (`bulk_create`, `QuerySet.update`) call `services.data_changed`
themselves, or run inside `services.one_change`.
"""

from collections.abc import Iterable
from typing import Any

from django.db import models
from django.db.models.signals import post_delete, post_save

from dekkend.versions.services import data_changed


def track(source: str, tracked: Iterable[type[models.Model]]) -> None:
    """Give `source` a new token on every save and delete of `tracked`."""

    def changed(**kwargs: Any) -> None:
        data_changed(source)

    # The receiver lives as long as the process: keep a strong reference.
    _receivers.append(changed)
    for model in tracked:
        label = f"versions-{source}-{model._meta.label}"
        post_save.connect(changed, sender=model, dispatch_uid=label, weak=False)
        post_delete.connect(
            changed, sender=model, dispatch_uid=f"{label}-del", weak=False
        )


_receivers: list[Any] = []
