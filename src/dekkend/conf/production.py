# SPDX-License-Identifier: EUPL-1.2
"""Production: refuses to start without a secret key, hosts and a database URL."""

import dj_database_url

from dekkend.conf.base import *  # noqa: F403
from dekkend.conf.env import env_required

DEBUG = False
DEKKEND_DEMO_ALLOWED = False
SECRET_KEY = env_required("DEKKEND_SECRET_KEY")
ALLOWED_HOSTS = env_required("DEKKEND_ALLOWED_HOSTS").split(",")
DATABASES = {
    "default": dj_database_url.parse(
        env_required("DATABASE_URL"), conn_max_age=60, conn_health_checks=True
    )
}
SECURE_SSL_REDIRECT = True
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# Asks browsers' preload lists to know the host is HTTPS only (check --deploy
# W021); submitting the domain to the list is a step of its own.
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
