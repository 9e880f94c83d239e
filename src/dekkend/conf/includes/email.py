# SPDX-License-Identifier: EUPL-1.2
"""E-mail: notifications of sociaal verwijzen (never with personal data).

Django's SMTP backend reads EMAIL_HOST/EMAIL_PORT/EMAIL_HOST_USER/... from
the environment here; dev prints mails on the console and CI keeps them in
memory (see dev.py and ci.py).
"""

from dekkend.conf.env import env, env_bool

EMAIL_BACKEND = env(
    "DEKKEND_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = env("DEKKEND_EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("DEKKEND_EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("DEKKEND_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("DEKKEND_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DEKKEND_EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env("DEKKEND_FROM_EMAIL", "Dekkend <noreply@dekkend.invalid>")
# Links in e-mails point here (no request is at hand in a cron job).
DEKKEND_BASE_URL = env("DEKKEND_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
