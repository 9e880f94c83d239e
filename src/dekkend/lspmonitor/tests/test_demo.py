# SPDX-License-Identifier: EUPL-1.2
"""The demo round: synthetic, marked, repeatable, refused in production."""

from io import StringIO

from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

import pytest

from dekkend.accounts.models import User
from dekkend.accounts.testing import login_with_2fa
from dekkend.lspmonitor.models import Respons, Ronde

pytestmark = pytest.mark.django_db


def _demo(*args):
    out = StringIO()
    call_command("demo_setup", stdout=StringIO())
    call_command("demo_monitor", *args, stdout=out)
    return out.getvalue()


def test_demo_round_is_synthetic_and_visible_to_demo_accounts():
    out = _demo("--responsen", "12")
    assert "SYNTHETISCH" in out
    ronde = Ronde.objects.get(jaar=2026)
    assert ronde.status == "open" and "DEMO" in ronde.uitnodigingstekst
    assert ronde.uitnodigingen.count() == 12
    assert all(u.email.endswith("@example.invalid") for u in ronde.uitnodigingen.all())
    assert all(u.naam.startswith("Demo respondent") for u in ronde.uitnodigingen.all())
    responsen = Respons.objects.filter(ronde=ronde, status="ingediend")
    assert responsen.count() == 9 and not responsen.filter(synthetisch=False).exists()
    assert ronde.kandidaten.filter(beoordelingen__isnull=False).distinct().count() == 3
    landelijk = Client()
    login_with_2fa(landelijk, User.objects.get(username="demo-landelijk"))
    page = landelijk.get("/monitor/lsp/2026/").content.decode()
    assert "Zeeland" in page
    regio = Client()
    login_with_2fa(regio, User.objects.get(username="demo-regio"))
    assert "Zeeland" in regio.get("/monitor/lsp/regio/").content.decode()
    # Again: the synthetic round is replaced, not doubled.
    _demo("--responsen", "6")
    assert Ronde.objects.get(jaar=2026).uitnodigingen.count() == 6


def test_demo_refused_in_production(settings):
    settings.DEKKEND_DEMO_ALLOWED = False
    with pytest.raises(CommandError):
        call_command("demo_monitor", stdout=StringIO())
