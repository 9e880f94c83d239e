# SPDX-License-Identifier: EUPL-1.2
"""The monitor's command line: invite, remind, close."""

from datetime import timedelta
from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import TestCase

import pytest

from dekkend.lspmonitor.tests import factories as f

pytestmark = pytest.mark.django_db


def _run(name, *args):
    out = StringIO()
    call_command(name, *args, stdout=out)
    return out.getvalue()


def test_invite_remind_close():
    landelijk = f.landelijk()
    ronde = f.ronde_2026(landelijk)
    f.uitnodiging(landelijk, ronde)
    mail.outbox.clear()
    with TestCase.captureOnCommitCallbacks(execute=True):
        out = _run("monitor_invite", "--ronde", "2026")
    assert "1 uitnodigingen verstuurd" in out
    assert "@" not in out  # counts only, no addresses
    assert len(mail.outbox) == 1 and "/monitor/lsp/vragenlijst/" in mail.outbox[0].body
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert "1 herinneringen" in _run("monitor_remind", "--ronde", "2026")
    assert len(mail.outbox) == 2
    assert "0 rondes gesloten" in _run("monitor_close")
    ronde.sluit_op = ronde.open_op
    ronde.open_op = ronde.open_op - timedelta(days=3)
    ronde.sluit_op = ronde.open_op + timedelta(days=1)
    ronde.save()
    assert "1 rondes gesloten: 2026" in _run("monitor_close")
    with pytest.raises(CommandError, match="open"):
        _run("monitor_invite", "--ronde", "2026")
    with pytest.raises(CommandError, match="geen monitorronde 1999"):
        _run("monitor_remind", "--ronde", "1999")
