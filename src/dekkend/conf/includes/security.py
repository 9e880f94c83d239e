# SPDX-License-Identifier: EUPL-1.2
"""Secret key, hosts, password hashing and security headers.

Development defaults live here; `conf/production.py` overrides and refuses to
start without real values.
"""

from csp.constants import NONE, SELF

from dekkend.conf.env import env, env_bool, env_list

DEBUG = env_bool("DEKKEND_DEBUG", False)
SECRET_KEY = env("DEKKEND_SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
ALLOWED_HOSTS = env_list(
    "DEKKEND_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"]
)

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.ScryptPasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 60 * 60 * 8
CSRF_COOKIE_HTTPONLY = False

# -- Content-Security-Policy (django-csp, OWASP ASVS 14.4.3). The pages work
# without JavaScript and carry no inline script or style attribute, so nothing
# inline is allowed: scripts, styles, images and fonts come from this origin
# only. The API's own pages (Swagger UI, Redoc) relax it in `api/urls.py`.
# See docs/security.md.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}
