# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "dekkend.api"
    label = "api"
    verbose_name = "API"
