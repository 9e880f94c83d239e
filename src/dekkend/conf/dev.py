# SPDX-License-Identifier: EUPL-1.2
"""Local development and the demo: SQLite, debug on, demo accounts allowed."""

from dekkend.conf.base import *  # noqa: F403
from dekkend.conf.env import env_bool

DEBUG = env_bool("DEKKEND_DEBUG", True)
DEKKEND_DEMO_ALLOWED = True
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Serve static files straight from the source tree (no collectstatic needed).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
