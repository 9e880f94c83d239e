# SPDX-License-Identifier: EUPL-1.2
"""The national werkagenda format as versioned data (see `definition`)."""

from dekkend.werkagenda.format.definition import (
    FormatDefinitie,
    OnbekendFormat,
    OnderdeelDefinitie,
    VeldDefinitie,
    format_get,
    format_latest,
    format_versies,
)

__all__ = [
    "FormatDefinitie",
    "OnbekendFormat",
    "OnderdeelDefinitie",
    "VeldDefinitie",
    "format_get",
    "format_latest",
    "format_versies",
]
