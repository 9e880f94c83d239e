# SPDX-License-Identifier: EUPL-1.2
"""Translation of the package's user-facing messages without importing Django.

Messages are written in Dutch and marked with `_()` so message extraction
finds them. At run time they go through Django's `gettext` when Django is
already loaded (inside the web application), and stay Dutch otherwise (plain
Python use, tests of the engine). The package itself never imports Django.
"""

import sys


def _(message: str) -> str:
    translation = sys.modules.get("django.utils.translation")
    if translation is None:
        return message
    try:
        result = translation.gettext(message)
    except Exception:  # noqa: BLE001 - settings not configured: stay Dutch
        return message
    return str(result)
