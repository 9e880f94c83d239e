# SPDX-License-Identifier: EUPL-1.2
"""Language and time: Dutch first, English available, Amsterdam time."""

from django.utils.translation import gettext_lazy as _

from dekkend.conf.includes.paths import PACKAGE_DIR

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("Engels"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
USE_THOUSAND_SEPARATOR = True
USE_TZ = True
TIME_ZONE = "Europe/Amsterdam"
