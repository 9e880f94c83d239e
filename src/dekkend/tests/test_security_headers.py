# SPDX-License-Identifier: EUPL-1.2
"""Security headers on a public page, a role page and the API (docs/security.md).

The Content-Security-Policy allows nothing inline: a page that needs an inline
script or style attribute breaks under it, so the templates are checked too.
"""

import os
import re
import secrets
import subprocess
import sys

from django.test import Client

import pytest

from dekkend.accounts.roles import role_group
from dekkend.conf.includes.paths import PACKAGE_DIR
from dekkend.register.tests.factories import UserFactory

STRICT = {
    "default-src": "'none'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
    "base-uri": "'none'",
    "object-src": "'none'",
}


def _policy(header: str) -> dict[str, str]:
    parts = (p.strip() for p in header.split(";") if p.strip())
    return {name: value for name, _, value in (p.partition(" ") for p in parts)}


def _assert_strict(response) -> None:
    policy = _policy(response["Content-Security-Policy"])
    for directive, value in STRICT.items():
        assert policy.get(directive) == value, (directive, policy)
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


@pytest.mark.django_db
def test_public_page_has_a_strict_policy(client: Client):
    response = client.get("/")
    assert response.status_code == 200
    _assert_strict(response)


@pytest.mark.django_db
def test_role_page_has_a_strict_policy(client: Client):
    user = UserFactory(username="csp-lsp")
    user.groups.add(role_group("lsp_medewerker"))
    client.force_login(user)
    response = client.get("/mijn/steunpunten/")
    assert response.status_code == 200
    _assert_strict(response)


@pytest.mark.django_db
def test_api_has_a_strict_policy_on_answers_and_errors(client: Client):
    ok = client.get("/api/v1/gemeenten/")
    assert ok.status_code == 200
    _assert_strict(ok)
    missing = client.get("/api/v1/steunpunten/%C2%84/")
    assert missing.status_code == 404
    _assert_strict(missing)


@pytest.mark.django_db
def test_api_documentation_relaxes_only_styles(client: Client):
    response = client.get("/api/v1/schema/swagger/")
    assert response.status_code == 200
    policy = _policy(response["Content-Security-Policy"])
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self' 'unsafe-inline'"
    # The split view loads its start-up script from this origin.
    assert b"<script>" not in response.content
    script = client.get("/api/v1/schema/swagger/?script=")
    assert script.status_code == 200


def test_templates_carry_no_inline_script_or_style_attribute():
    offenders = []
    for path in PACKAGE_DIR.rglob("templates/**/*.html"):
        text = path.read_text(encoding="utf-8")
        if re.search(r"\sstyle=|<script(?![^>]*\ssrc=)|\son[a-z]+=", text):
            offenders.append(str(path.relative_to(PACKAGE_DIR)))
    assert offenders == []


def test_production_settings_pass_the_deploy_check(tmp_path):
    # The browser fixtures set DJANGO_ALLOW_ASYNC_UNSAFE for their own process;
    # a deployment never has it (async.E001), so neither has this check.
    inherited = {
        k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    env = {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "dekkend.conf.production",
        "DEKKEND_SECRET_KEY": secrets.token_urlsafe(50),
        "DEKKEND_ALLOWED_HOSTS": "dekkend.example.nl",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
    }
    result = subprocess.run(  # noqa: S603 - our own interpreter and command
        [
            sys.executable,
            "-m",
            "dekkend",
            "check",
            "--deploy",
            "--fail-level",
            "WARNING",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
