# SPDX-License-Identifier: EUPL-1.2
"""Tests and CI: the database comes from DATABASE_URL (SQLite by default)."""

from dekkend.conf.base import *  # noqa: F403

DEBUG = False
DEKKEND_DEMO_ALLOWED = True
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast tests
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Serve static files straight from the source tree (no collectstatic needed).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Login rate limiting and two-factor stay on: their own tests need them, and
# `Client.force_login` bypasses axes. Holders of the personal-data permission
# log in with `dekkend.accounts.testing.login_with_2fa`. Shorter log lines:
AXES_VERBOSE = False
