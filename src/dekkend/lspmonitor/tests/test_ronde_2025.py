# SPDX-License-Identifier: EUPL-1.2
"""The 2025 round: base list = the loaded register, Tables 2 and 4 = the
published figures; and Table 4 regenerated from the data."""

from collections import Counter
from io import StringIO

from django.core.management import call_command

import pytest

from dekkend.lspmonitor import selectors
from dekkend.lspmonitor.models import Ronde
from dekkend.register.models import MonitorTelling

pytestmark = pytest.mark.django_db


@pytest.fixture
def ronde():
    out = StringIO()
    call_command("monitor_load_2025", stdout=out)
    assert "aangemaakt" in out.getvalue()
    return Ronde.objects.get(jaar=2025)


def test_load_is_idempotent(ronde):
    count = ronde.kandidaten.count()
    out = StringIO()
    call_command("monitor_load_2025", stdout=out)
    assert "0 locaties toegevoegd" in out.getvalue()
    assert ronde.kandidaten.count() == count
    assert Ronde.objects.filter(jaar=2025).count() == 1


def test_base_list_is_annex_a(ronde):
    assert ronde.status == "gepubliceerd" and ronde.gepubliceerde_cijfers
    assert ronde.kandidaten.count() == 318  # 312 annex rows, 6 counted twice or more
    assert not ronde.responsen.exists()  # unpublished answers stay unknown
    per_regio = Counter(ronde.kandidaten.values_list("regio__naam", flat=True))
    for t in MonitorTelling.objects.filter(jaar=2025).select_related("regio"):
        assert per_regio.get(t.regio.naam, 0) == t.totaal, t.regio.naam


def test_table_2_is_published(ronde):
    overzicht = selectors.respons_per_regio(ronde=ronde)
    assert overzicht.gepubliceerd
    assert (overzicht.lsp, overzicht.coordinator) == (63, 59)


def test_table_4_from_the_data(ronde):
    """The split 35 / 62 / 221 cannot come from the base list: Annex A lost
    its size column, so every 2025 location's size is `onbekend`. The
    per-region counts of the published Table 4 (MonitorTelling) give it;
    the base list gives the totals per region (318 in all)."""
    sizes = Counter(ronde.kandidaten.values_list("lsp_type", flat=True))
    assert sizes == {"onbekend": 318}
    rows = selectors.regio_resultaten(user=_landelijk(), ronde=ronde)
    totals = Counter()
    for r in rows:
        totals.update({k: v for k, v in r.locaties.items() if k != "onbekend"})
    assert (totals["groot"], totals["middel"], totals["klein"]) == (35, 62, 221)
    from dekkend.lspmonitor.report.document import rapport_tabellen
    from dekkend.lspmonitor.report.inputs import rapport_invoer

    tables = dict(rapport_tabellen(rapport_invoer(ronde=ronde)))
    text = " ".join(
        str(c.text if hasattr(c, "text") else c)
        for name, t in tables.items()
        if "4" in name
        for row in t.rows
        for c in row
    )
    assert "35" in text and "62" in text and "221" in text


def _landelijk():
    from dekkend.lspmonitor.tests.factories import landelijk

    return landelijk()
