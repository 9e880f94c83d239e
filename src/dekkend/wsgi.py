# SPDX-License-Identifier: EUPL-1.2
"""WSGI entry point."""

import os

from django.core.wsgi import get_wsgi_application

from dekkend.runtime import tune_gc

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dekkend.conf.production")
application = get_wsgi_application()
tune_gc()  # after Django and the apps are loaded (dekkend/runtime.py)
