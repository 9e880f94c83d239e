# SPDX-License-Identifier: EUPL-1.2
"""An empty `?format=` is a 400 naming the parameter; a valid one still works."""

from django.test import Client

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url", ["/api/v1/fhir/NamingSystem?format=", "/api/v1/gemeenten/?format=%20"]
)
def test_empty_format_is_refused(url: str) -> None:
    response = Client().get(url)
    assert response.status_code == 400
    assert "format" in response.content.decode()


def test_a_listed_format_is_served() -> None:
    response = Client().get("/api/v1/fhir/NamingSystem?format=json")
    assert response.status_code == 200
    assert response.json()["resourceType"] == "Bundle"
