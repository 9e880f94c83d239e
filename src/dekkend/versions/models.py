# SPDX-License-Identifier: EUPL-1.2
"""The version token of each source of data that a process keeps a
computed answer of (see `versions/cache.py`)."""

from django.db import models


class DataVersion(models.Model):
    """One row per source (`register`, `regions`, `referrals:2025#3`, …).

    `token` is random, not a counter: a rolled-back write takes its token
    away again, so an old answer can never look current."""

    source = models.CharField(max_length=64, primary_key=True)
    token = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = "gegevensversie"
        verbose_name_plural = "gegevensversies"

    def __str__(self) -> str:
        return f"{self.source}: {self.token}"
