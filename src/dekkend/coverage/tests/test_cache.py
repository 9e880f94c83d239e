# SPDX-License-Identifier: EUPL-1.2
"""The coverage analysis and the gemeente map kept per process
(`versions.cache`): one query when nothing changed, a new answer as soon as
the register, the population or a region's parameters change."""

from datetime import date

from django.utils import translation

import pytest

from dekkend.coverage import presenters, services
from dekkend.coverage.models import ParameterAfwijking
from dekkend.regions.constants import INDELING_ZORGKANTOOR
from dekkend.regions.models import Bevolking, Gemeente, Regio
from dekkend.register.tests.factories import SteunpuntFactory

pytestmark = pytest.mark.django_db

PEILDATUM = date(2025, 11, 1)
VEERE = "GM0717"  # a Zeeland gemeente without an LSP on the 2025 list


@pytest.fixture
def zeeland() -> Regio:
    return Regio.objects.select_related("indeling").get(
        indeling__naam=INDELING_ZORGKANTOOR, code="ZK27"
    )


def _compute(regio: Regio, peildatum: date = PEILDATUM):
    return services.analysis_compute(
        indeling=regio.indeling, regio=regio, peildatum=peildatum
    )


def test_the_second_analysis_is_one_query_and_the_same_answer(
    zeeland, django_assert_num_queries
):
    first = _compute(zeeland)
    with django_assert_num_queries(1):  # the version tokens
        second = _compute(zeeland)
    assert second is first
    # Another reference date is another analysis.
    assert _compute(zeeland, date(2025, 6, 1)) is not first


def test_the_shared_arrays_are_read_only(zeeland):
    inp, _result = _compute(zeeland)
    with pytest.raises(ValueError, match="read-only"):
        inp.pc4.inwoners[0] = 1.0


def test_a_new_lsp_gives_a_new_analysis(zeeland):
    _inp, before = _compute(zeeland)
    veere = Gemeente.objects.get(code=VEERE)
    SteunpuntFactory(
        aanbod__locatie__gemeente=veere,
        aanbod__locatie__lat=veere.popw_lat,
        aanbod__locatie__lon=veere.popw_lon,
    )
    _inp, after = _compute(zeeland)
    row = {g.code: g for g in after.gemeenten}[VEERE]
    assert row.heeft_lsp
    assert not {g.code: g for g in before.gemeenten}[VEERE].heeft_lsp


def test_a_population_change_gives_a_new_analysis(zeeland):
    inp, _result = _compute(zeeland)
    bevolking = (
        Bevolking.objects.filter(gemeente__code=VEERE, peiljaar__lte=2025)
        .order_by("-peiljaar")
        .first()
    )
    bevolking.inwoners += 1000
    bevolking.save()
    after, _result = _compute(zeeland)
    inwoners = {g.code: g.inwoners for g in after.gemeenten}
    assert inwoners[VEERE] == {g.code: g.inwoners for g in inp.gemeenten}[VEERE] + 1000


def test_a_parameter_deviation_gives_a_new_analysis(zeeland):
    inp, _result = _compute(zeeland)
    ParameterAfwijking.objects.create(
        regio=zeeland, sleutel="afstand_drempel_km", waarde=12.0, reden="Test"
    )
    after, _result = _compute(zeeland)
    assert after.parameters["afstand_drempel_km"] == 12.0
    assert inp.parameters["afstand_drempel_km"] != 12.0


def test_the_map_is_kept_per_language_and_follows_the_register(
    zeeland, django_assert_num_queries
):
    rows = [
        {"gemeentecode": g.code, "heeft_lsp": g.code != VEERE}
        for g in Gemeente.objects.filter(regiogemeente__regio=zeeland)
    ]
    with translation.override("nl"):
        kaart = presenters.gemeente_map(rows, [], naam="Zeeland")
        with django_assert_num_queries(1):
            assert presenters.gemeente_map(rows, [], naam="Zeeland") is kaart
    assert "Veere" in kaart.titel and "<path" in kaart.inhoud
    with translation.override("en"):
        english = presenters.gemeente_map(rows, [], naam="Zeeland")
    assert english.titel != kaart.titel
    # Veere gets an LSP: another key, another map.
    everywhere = [{**r, "heeft_lsp": True} for r in rows]
    with translation.override("nl"):
        assert (
            "Veere" not in presenters.gemeente_map(everywhere, [], naam="Zeeland").titel
        )
