# SPDX-License-Identifier: EUPL-1.2
"""Prefill texts of Zeeland against the figures of the same selectors."""

from django.utils import timezone

import pytest

from dekkend.coverage.selectors import analysis_runs, parameters_for
from dekkend.coverage.services import parameter_afwijking_record
from dekkend.monitoring.selectors import referral_indicators
from dekkend.regions.constants import INDELING_LSP_MONITOR
from dekkend.regions.selectors import regio_find
from dekkend.register.selectors import regio_lsp_overview
from dekkend.werkagenda import prefill
from dekkend.werkagenda.tests.factories import regio_user, werkagenda_create, zeeland

pytestmark = pytest.mark.django_db


def test_lsp_situatie_cites_the_stored_run_and_its_figures() -> None:
    wa = werkagenda_create()
    run = analysis_runs(wa.regio, limit=1)[0]
    s = prefill.suggesties(wa)["2a.situatie"]
    assert s.bron.startswith(
        f"Dekkingsanalyse van {prefill.datum_nl(run.peildatum)}, run {run.pk}"
    )
    assert s.peildatum == run.peildatum
    r = run.resultaat
    namen = {g["gemeentecode"]: g["gemeentenaam"] for g in r["gemeenten"]}
    zonder = sorted(namen[c] for c in r["gemeenten_zonder_lsp"])
    assert zonder, "Zeeland has gemeenten without an LSP in the 2025 list"
    assert f"Gemeenten zonder LSP: {', '.join(zonder)}." in s.tekst
    for km in ("5", "10", "15"):
        assert prefill.procent(r["aandeel_inwoners_binnen_km"][km]) in s.tekst
    assert (
        f"{prefill.getal(r['capaciteit_personen'])} van {prefill.getal(r['behoefte_personen'])}"
        in s.tekst
    )
    for g in r["gemeenten"]:
        assert f"- {g['gemeentenaam']}: {sum(g['lsp_per_type'].values())} (" in s.tekst
    monitor_regio = regio_find(indeling=INDELING_LSP_MONITOR, code_of_naam="Zeeland")
    monitor = regio_lsp_overview(regio=monitor_regio, peildatum=run.peildatum).monitor
    assert monitor is not None
    assert (
        f"{monitor.groot} groot, {monitor.middel} middel, {monitor.klein} klein; "
        f"{monitor.totaal} in totaal"
    ) in s.tekst
    assert monitor.bron in s.bron


def test_sv_situatie_uses_the_indicators() -> None:
    wa = werkagenda_create()
    vandaag = timezone.localdate()
    data = referral_indicators(
        indeling=wa.regio.indeling, regio=wa.regio, jaar=vandaag.year, peildatum=vandaag
    )
    s = prefill.suggesties(wa, vandaag=vandaag)["2b.situatie"]
    t = data.indicatoren.totaal
    expected = (
        "minder dan 5"
        if t.verwijzingen.onderdrukt
        else prefill.getal(t.verwijzingen.waarde)
    )
    assert f": {expected} verwijzingen" in s.tekst
    assert "streefwaarde 60 per 10.000 inwoners per jaar" in s.tekst
    assert "Eerste terugkoppeling op tijd (binnen 10 werkdagen)" in s.tekst
    assert s.bron.startswith("Indicatoren sociaal verwijzen")


def test_suppressed_cells_stay_suppressed(monkeypatch: pytest.MonkeyPatch) -> None:
    from dekkend.monitoring.indicators import Cel

    wa = werkagenda_create()
    real = prefill.referral_indicators

    def suppressed(**kw):
        data = real(**kw)
        import dataclasses

        totaal = dataclasses.replace(
            data.indicatoren.totaal,
            verwijzingen=Cel(None, onderdrukt=True),
            aandeel_eerste_terugkoppeling_op_tijd=Cel(None, onderdrukt=True),
        )
        ind = dataclasses.replace(data.indicatoren, totaal=totaal)
        return dataclasses.replace(data, indicatoren=ind)

    monkeypatch.setattr(prefill, "referral_indicators", suppressed)
    tekst = prefill.suggesties(wa)["2b.situatie"].tekst
    assert ": minder dan 5 verwijzingen" in tekst
    assert "werkdagen): minder dan 5." in tekst


def test_ambitie_has_streefwaarden_and_recorded_deviations() -> None:
    user = regio_user()
    regio = zeeland()
    parameter_afwijking_record(
        user=user,
        regio=regio,
        sleutel="vp_risico_inschatting_aandeel_65plus",
        waarde=0.10,
        reden="Eerst de Zeeuwse eilanden in beeld.",
    )
    wa = werkagenda_create(regio, user)
    s = prefill.suggesties(wa)
    vp = s["5a.ambitie"].tekst
    assert "10,0% van 65+ in plaats van 14,0% van 65+" in vp
    assert "Eerst de Zeeuwse eilanden in beeld." in vp
    assert "3,0% van 65+" in vp
    run = analysis_runs(regio, limit=1)[0]
    sw = run.resultaat["streefwaarden"]["valpreventie"]["risico_inschattingen_per_jaar"]
    assert prefill.getal(sw["waarde"]) in vp
    assert parameters_for(regio)["vp_risico_inschatting_aandeel_65plus"] == 0.10
    sv = s["2b.ambitie"].tekst
    assert "60 verwijzingen per 10.000 inwoners per jaar" in sv
    assert "0,2 fte per 10.000 inwoners" in sv and "0,5 fte per 10.000 inwoners" in sv
    assert "verdeeld over 3 personen" in s["3a.1.ambitie"].tekst
    assert "1 netwerken per regio" in s["2c.ambitie"].tekst
    assert "0,2 fte per 1.000 jeugdigen" in s["3b.ambitie"].tekst
    assert "004 'Over de basisfunctionaliteiten'" in s["5a.ambitie"].bron


def test_lsp_ambitie_gives_the_placement_advice_in_words() -> None:
    wa = werkagenda_create()
    run = analysis_runs(wa.regio, limit=1)[0]
    tekst = prefill.suggesties(wa)["2a.ambitie"].tekst
    namen = {g["gemeentecode"]: g["gemeentenaam"] for g in run.resultaat["gemeenten"]}
    zonder = sorted(namen[c] for c in run.resultaat["gemeenten_zonder_lsp"])
    assert f"Een LSP nodig in: {', '.join(zonder)}." in tekst
    for naam in zonder:
        assert f"LSP groot in {naam}" in tekst or f"in {naam}" in tekst
    assert "1 LSP per gemeente" in tekst


def test_adopted_version_reads_frozen_suggestions() -> None:
    from dekkend.werkagenda.models import Bevriezing

    wa = werkagenda_create()
    frozen = {
        "peildatum": "2026-11-01",
        "suggesties": {
            "2a.situatie": {
                "adres": "2a.situatie",
                "tekst": "Bevroren tekst",
                "bron": "Dekkingsanalyse van 1 november 2026, run 1",
                "peildatum": "2026-11-01",
            }
        },
    }
    Bevriezing.objects.create(werkagenda=wa, peildatum="2026-11-01", gegevens=frozen)
    wa.status = "vastgesteld"
    wa.save()
    wa.refresh_from_db()
    s = prefill.suggesties(wa)
    assert list(s) == ["2a.situatie"] and s["2a.situatie"].tekst == "Bevroren tekst"
