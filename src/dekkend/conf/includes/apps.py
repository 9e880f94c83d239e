# SPDX-License-Identifier: EUPL-1.2
"""Installed apps, middleware and URL root."""

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "csp",
    "dekkend.accounts",
    "dekkend.audit",
    "dekkend.versions",
    "dekkend.regions",
    "dekkend.register",
    "dekkend.coverage",
    "dekkend.referrals",
    "dekkend.monitoring",
    "dekkend.documents",
    "dekkend.werkagenda",
    "dekkend.lspmonitor",
    "dekkend.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    # Errors under /api/ that no API view shaped (no route, a crash) become
    # problem documents; outside the others so it sees their answers too.
    "dekkend.api.middleware.ProblemDetailsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "dekkend.accounts.request_cache.RequestCacheMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "dekkend.accounts.middleware.TwoFactorRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes requires: turns a lock-out into the 429 response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "dekkend.urls"
WSGI_APPLICATION = "dekkend.wsgi.application"
AUTH_USER_MODEL = "accounts.User"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"
