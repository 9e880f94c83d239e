# SPDX-License-Identifier: EUPL-1.2
"""Authentication: login rate limiting (django-axes) and two-factor (django-otp).

Apps and middleware are listed in `apps.py`; password hashing stays in
`security.py`. See docs/security.md for what each value means in practice.
"""

from datetime import timedelta

from dekkend.conf.env import env

# The rate-limit backend comes first: it refuses locked-out username + IP pairs
# and locked-out accounts before any password is checked. ModelBackend does the actual authentication.
# PermissionsBackend, before ModelBackend, answers permission checks with one
# query instead of two; it authenticates nobody, so sessions keep naming
# ModelBackend (which must stay last: accounts.testing stores that path).
AUTHENTICATION_BACKENDS = [
    "dekkend.accounts.backends.RateLimitBackend",
    "dekkend.accounts.backends.PermissionsBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# -- django-axes: 5 failed attempts per username + IP lock that pair for 15 min.
AXES_ENABLED = True
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# Attempts during a lock-out do not extend it: it ends 15 minutes after the
# attempt that caused it.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
AXES_HTTP_RESPONSE_CODE = 429
AXES_LOCKOUT_CALLABLE = "dekkend.accounts.views.lockout_response"
AXES_CLIENT_IP_CALLABLE = "dekkend.accounts.backends.client_ip"
# Successful logins are audit events (`user.logged_in`); axes keeps only the
# failed attempts it needs for counting, without passwords or CSRF tokens.
AXES_DISABLE_ACCESS_LOG = True
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "csrfmiddlewaretoken"]
# Per account, from any address (ASVS 2.2.1): 20 failures within the cool-off
# lock the username for 15 minutes and the holder gets an e-mail. Higher than
# the per-pair limit so that one guesser cannot lock an account in 5 tries.
# Counted by `accounts.backends.account_locked` from axes' records.
DEKKEND_ACCOUNT_FAILURE_LIMIT = int(env("DEKKEND_ACCOUNT_FAILURE_LIMIT", "20"))
# Number of reverse proxies in front of the application that append to
# X-Forwarded-For. 0 (the default) means: use the connection's address.
DEKKEND_TRUSTED_PROXY_COUNT = int(env("DEKKEND_TRUSTED_PROXY_COUNT", "0"))

# -- django-otp: TOTP as in RFC 6238 (6 digits, 30 s), authenticator apps.
OTP_TOTP_ISSUER = "Dekkend"
# Wait 1, 2, 4, 8 … seconds after successive wrong codes.
OTP_TOTP_THROTTLE_FACTOR = 1
# Beheerders see devices in the admin but never their secret keys.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
