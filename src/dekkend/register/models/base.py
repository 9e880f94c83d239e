# SPDX-License-Identifier: EUPL-1.2
"""Validity and provenance shared by every register record (STYLE.md §2)."""

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class RegisterRecord(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    geldig_van = models.DateField(_("geldig van"), null=True, blank=True)
    geldig_tot = models.DateField(
        _("geldig tot"),
        null=True,
        blank=True,
        help_text=_("Eerste dag dat het niet meer geldt."),
    )
    bron = models.CharField(_("bron"), max_length=300, blank=True)
    bron_peildatum = models.DateField(_("peildatum bron"), null=True, blank=True)
    geregistreerd_op = models.DateTimeField(_("geregistreerd op"), auto_now_add=True)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        abstract = True


def valid_on(date: object, prefix: str = "") -> Q:
    """Q for records valid on `date` (geldig_van ≤ date < geldig_tot)."""
    return (
        Q(**{f"{prefix}geldig_van__isnull": True})
        | Q(**{f"{prefix}geldig_van__lte": date})
    ) & (
        Q(**{f"{prefix}geldig_tot__isnull": True})
        | Q(**{f"{prefix}geldig_tot__gt": date})
    )
