# SPDX-License-Identifier: EUPL-1.2
"""The `--ronde JJJJ` argument the monitor commands share."""

from django.core.management.base import CommandError, CommandParser

from dekkend.lspmonitor.models import Ronde


def add_ronde(parser: CommandParser) -> None:
    parser.add_argument("--ronde", type=int, required=True, help="jaar van de ronde")


def ronde_of(jaar: int) -> Ronde:
    ronde = Ronde.objects.filter(jaar=jaar).first()
    if ronde is None:
        raise CommandError(f"geen monitorronde {jaar}")
    return ronde
