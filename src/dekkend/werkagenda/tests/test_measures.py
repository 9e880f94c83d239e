# SPDX-License-Identifier: EUPL-1.2
"""Measures Dekkend computes for a goal, and the on-track rule."""

from datetime import date

import pytest

from dekkend.monitoring.selectors import referral_indicators
from dekkend.register.selectors import regio_lsp_overview
from dekkend.werkagenda import measures, services
from dekkend.werkagenda.tests.factories import regio_user, werkagenda_create, zeeland

pytestmark = pytest.mark.django_db


def test_on_track_rule() -> None:
    assert measures.on_track(10, 9) == measures.OP_KOERS
    assert measures.on_track(9, 9) == measures.OP_KOERS
    assert measures.on_track(8, 9) == measures.ACHTER
    assert measures.on_track(None, 9) == ""
    assert measures.on_track(9, None) == ""


def test_gemeenten_met_lsp_from_the_register() -> None:
    regio = zeeland()
    vandaag = date(2026, 12, 3)
    m = measures.Metingen(regio, vandaag)
    overzicht = regio_lsp_overview(regio=regio, peildatum=vandaag)
    expected = len(overzicht.gemeenten) - len(overzicht.zonder_lsp)
    meting = m.get("lsp.gemeenten_met_lsp", 2026)
    assert meting is not None and meting.waarde == expected
    assert meting.tekst == f"{expected} van 13 gemeenten"
    assert m.get("lsp.locaties", 2026).waarde == overzicht.totaal["totaal"]
    assert m.get("lsp.gemeenten_met_lsp", 2027) is None  # still to come


def test_share_within_10km_from_the_stored_run() -> None:
    wa = werkagenda_create()
    from dekkend.coverage.selectors import analysis_runs

    run = analysis_runs(wa.regio, limit=1)[0]
    m = measures.Metingen(wa.regio, run.peildatum)
    meting = m.get("lsp.aandeel_binnen_10km", run.peildatum.year)
    assert meting.waarde == round(
        100 * run.resultaat["aandeel_inwoners_binnen_km"]["10"], 1
    )
    assert f"run {run.pk}" in meting.bron


def test_referrals_per_10000_from_the_indicators() -> None:
    regio = zeeland()
    vandaag = date(2026, 12, 3)
    data = referral_indicators(
        indeling=regio.indeling, regio=regio, jaar=2026, peildatum=vandaag
    )
    cel = data.indicatoren.totaal.verwijzingen_per_10k
    meting = measures.Metingen(regio, vandaag).get("sv.verwijzingen_per_10000", 2026)
    if cel.onderdrukt:
        assert meting.onderdrukt and meting.waarde is None
    else:
        assert meting.waarde == round(float(cel.waarde), 1)


def test_goal_progress_per_year_and_status() -> None:
    user = regio_user()
    wa = werkagenda_create(user=user)
    goal = services.doelstelling_save(
        user=user,
        werkagenda=wa,
        onderdeel="2a",
        omschrijving="Elke gemeente een LSP",
        maatstaf="lsp.gemeenten_met_lsp",
        streefwaarde=13,
        uiterlijk=date(2030, 12, 31),
        verantwoordelijke="Regio",
        ingroeipad=[(2027, 9), (2028, 20)],
    )
    # Seen from 2028: realised values for 2026–2028 from the register.
    voortgang = measures.doel_voortgang(
        goal, measures.Metingen(wa.regio, date(2028, 6, 1))
    )
    by_year = {j.jaar: j for j in voortgang.jaren}
    assert sorted(by_year) == [2026, 2027, 2028]
    realised = by_year[2027].realisatie
    assert by_year[2027].status == measures.on_track(realised, 9)
    assert by_year[2028].status == measures.ACHTER  # 20 > 13 gemeenten
    assert voortgang.status == measures.ACHTER
    assert "gerealiseerd 2028" in voortgang.samenvatting


def test_free_measure_uses_entered_values() -> None:
    user = regio_user()
    wa = werkagenda_create(user=user)
    goal = services.doelstelling_save(
        user=user,
        werkagenda=wa,
        onderdeel="5a",
        omschrijving="Meer deelnemers",
        maatstaf="",
        maatstaf_label="Deelnemers",
        streefwaarde=800,
        uiterlijk=date(2030, 12, 31),
        verantwoordelijke="GGD",
        ingroeipad=[(2027, 500)],
    )
    services.doel_realisatie_record(
        user=user, doelstelling=goal, jaar=2027, waarde=520, bron="GGD"
    )
    voortgang = measures.doel_voortgang(
        goal, measures.Metingen(wa.regio, date(2027, 12, 31))
    )
    j = {j.jaar: j for j in voortgang.jaren}[2027]
    assert (j.realisatie, j.status, j.bron) == (520, measures.OP_KOERS, "GGD")
