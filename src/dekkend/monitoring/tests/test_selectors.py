# SPDX-License-Identifier: EUPL-1.2
"""The published referral indicators (`monitoring.selectors`) checked by hand
on the Zeeland data of `conftest`, the rule of who may see which region
(`monitoring.permissions`), and the defaults of the page."""

from datetime import date

from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

import pytest

from dekkend.coverage.models import ParameterAfwijking
from dekkend.monitoring.indicators import Cel
from dekkend.monitoring.permissions import (
    can_view_any_indicatoren,
    can_view_indicatoren,
    regios_with_indicatoren,
)
from dekkend.monitoring.selectors import (
    beschikbare_jaren,
    referral_indicators,
    standaard_jaar,
    standaard_regio,
)
from dekkend.monitoring.tests.conftest import (
    GOES,
    JAAR,
    MIDDELBURG,
    PEILDATUM,
    VLISSINGEN,
    ZEELAND_INWONERS,
    user_with_role,
)
from dekkend.referrals.models import RegioInstelling
from dekkend.regions.models import Regio

pytestmark = pytest.mark.django_db


def _regional(indeling, zeeland, **kwargs):
    return referral_indicators(
        indeling=indeling, regio=zeeland, jaar=JAAR, peildatum=PEILDATUM, **kwargs
    )


def _row(result, code):
    return next(a for a in result.indicatoren.gemeenten if a.gemeentecode == code)


def test_region_per_gemeente_by_hand(zeeland_data, indeling, zeeland):
    result = _regional(indeling, zeeland)
    ind = result.indicatoren

    assert len(ind.gemeenten) == 13
    assert result.namen[MIDDELBURG] == "Middelburg (Z.)"
    middelburg = _row(result, MIDDELBURG)
    assert middelburg.inwoners == 50_004
    # 8 referrals, published rounded to a multiple of 5; the rate follows.
    assert middelburg.verwijzingen == Cel(10, False)
    assert middelburg.verwijzingen_per_10k.waarde == pytest.approx(10 * 10_000 / 50_004)
    assert middelburg.streefwaarde_verwijzingen == pytest.approx(60 * 5.0004)
    assert middelburg.mediaan_dagen_tot_eerste_contact == Cel(5.0, False)
    assert middelburg.aandeel_eerste_terugkoppeling_op_tijd.waarde == pytest.approx(
        2 / 7
    )
    assert middelburg.aandeel_afgesloten_met_terugkoppeling == Cel(0.4, False)
    # 4 overdue: 5.
    assert middelburg.te_laat_zonder_terugkoppeling == Cel(5, False)
    # Five outcomes once each and 3 without one: controlled rounding to the
    # rounded 10 gives the two largest remainders 5 (the 3 without outcome,
    # then the first outcome), so the outcomes never exceed the referrals.
    assert dict(middelburg.uitkomsten) == {
        "verbonden": Cel(5, False),
        "geholpen": Cel(0, False),
        "zelf_verder": Cel(0, False),
        "niet_bereikt": Cel(0, False),
        "afgezien": Cel(0, False),
        "terug_naar_huisarts": Cel(0, False),
    }

    totaal = ind.totaal
    assert totaal.inwoners == ZEELAND_INWONERS
    # The sum of the rounded gemeenten (10 + 5 + 5), not 16 rounded.
    assert totaal.verwijzingen == Cel(20, False)
    assert totaal.verwijzingen_per_10k.waarde == pytest.approx(
        20 * 10_000 / ZEELAND_INWONERS
    )
    # 13 first contacts: 1,1,1,1,1,2,3,4,5,5,6,8,10.
    assert totaal.mediaan_dagen_tot_eerste_contact == Cel(3.0, False)
    assert totaal.aandeel_eerste_terugkoppeling_op_tijd.waarde == pytest.approx(9 / 15)
    assert totaal.aandeel_afgesloten_met_terugkoppeling.waarde == pytest.approx(4 / 7)
    assert totaal.te_laat_zonder_terugkoppeling == Cel(5, False)
    kinds = dict(totaal.verbindingen_per_soort)
    assert kinds["lsp"] == Cel(5, False)  # Middelburg 3 -> 5, Vlissingen 2 -> 0
    assert kinds["welzijn"] == Cel(0, False)  # 1 and 1: each 0
    assert kinds["mantelzorg"] == Cel(0, False)


def test_small_numbers_are_rounded(zeeland_data, indeling, zeeland):
    result = _regional(indeling, zeeland)
    goes, vlissingen = _row(result, GOES), _row(result, VLISSINGEN)

    # Goes has 3 referrals: shown as 5, its statistics not at all.
    assert goes.verwijzingen == Cel(5, False)
    assert goes.verwijzingen_per_10k.waarde == pytest.approx(5 * 10_000 / 39_682)
    assert goes.mediaan_dagen_tot_eerste_contact == Cel(None, True)
    assert goes.aandeel_eerste_terugkoppeling_op_tijd == Cel(None, True)
    # The total (20) minus the other rows gives Goes' 5, never its 3.
    assert vlissingen.verwijzingen == Cel(5, False)
    # Its statistics over 5 referrals are shown.
    assert vlissingen.mediaan_dagen_tot_eerste_contact == Cel(3.0, False)
    assert vlissingen.aandeel_eerste_terugkoppeling_op_tijd == Cel(0.8, False)
    data = result.as_dict()
    goes_json = next(g for g in data["gemeenten"] if g["gemeentecode"] == GOES)
    assert goes_json["verwijzingen"] == 5
    assert goes_json["mediaan_dagen_tot_eerste_contact"] is None
    assert goes_json["mediaan_dagen_tot_eerste_contact_onderdrukt"] is True
    assert goes_json["naam"] == "Goes"


def test_a_gemeente_without_referrals_shows_zero(zeeland_data, indeling, zeeland):
    veere = _row(_regional(indeling, zeeland), "GM0717")

    assert veere.verwijzingen == Cel(0, False)
    assert veere.verwijzingen_per_10k == Cel(0.0, False)
    assert veere.mediaan_dagen_tot_eerste_contact == Cel(None, False)


def test_the_regions_own_term_and_target(zeeland_data, indeling, zeeland):
    RegioInstelling.objects.create(
        regio=zeeland, termijn_eerste_terugkoppeling_werkdagen=5
    )
    ParameterAfwijking.objects.create(
        regio=zeeland, sleutel="sv_verwijzingen_per_10k", waarde=50, reden="Afspraak"
    )

    result = _regional(indeling, zeeland)
    middelburg = _row(result, MIDDELBURG)

    assert result.termijnen_werkdagen == (5,)
    assert result.indicatoren.parameters.streefwaarde_per_10k == 50
    assert middelburg.streefwaarde_verwijzingen == pytest.approx(50 * 5.0004)
    # Within 5 working days (until 10 March) only the answer on day 2 is on time.
    assert middelburg.aandeel_eerste_terugkoppeling_op_tijd.waarde == pytest.approx(
        1 / 7
    )
    assert result.as_dict()["parameters"]["termijnen_werkdagen"] == [5]


def test_the_term_is_the_one_the_reminders_use(zeeland_data, indeling, zeeland):
    """Middelburg also lies in a GGD region with a 5-day term: the shortest
    applies, for the reminders and so for "first feedback in time" too."""
    RegioInstelling.objects.create(
        regio=zeeland, termijn_eerste_terugkoppeling_werkdagen=15
    )
    ggd = Regio.objects.get(indeling__naam="ggd-regio-2022", gemeenten__code=MIDDELBURG)
    RegioInstelling.objects.create(regio=ggd, termijn_eerste_terugkoppeling_werkdagen=5)

    result = _regional(indeling, zeeland)

    assert 5 in result.termijnen_werkdagen
    # As in the test above: within 5 working days only the answer on day 2.
    assert _row(result, MIDDELBURG).aandeel_eerste_terugkoppeling_op_tijd.waarde == (
        pytest.approx(1 / 7)
    )


def test_national_view_per_region(zeeland_data, indeling, zeeland):
    RegioInstelling.objects.create(
        regio=zeeland, termijn_eerste_terugkoppeling_werkdagen=5
    )
    ParameterAfwijking.objects.create(
        regio=zeeland, sleutel="sv_verwijzingen_per_10k", waarde=50, reden="Afspraak"
    )
    result = referral_indicators(
        indeling=indeling, regio=None, jaar=JAAR, peildatum=PEILDATUM
    )
    ind = result.indicatoren

    assert result.landelijk
    assert len(ind.gemeenten) == Regio.objects.filter(indeling=indeling).count() == 31
    zk27 = next(a for a in ind.gemeenten if a.gemeentecode == "ZK27")
    assert result.namen["ZK27"] == "Zeeland"
    assert zk27.inwoners == ZEELAND_INWONERS
    # The same rounded gemeente counts as the region's own view, summed.
    assert zk27.verwijzingen == Cel(20, False)
    # Zeeland's own term applies to its referrals; the national target is 60.
    regional = _regional(indeling, zeeland).indicatoren.totaal
    assert (
        zk27.aandeel_eerste_terugkoppeling_op_tijd
        == regional.aandeel_eerste_terugkoppeling_op_tijd
    )
    assert ind.parameters.streefwaarde_per_10k == 60
    assert result.termijnen_werkdagen == (5, 10)
    assert ind.totaal.verwijzingen == Cel(20, False)
    assert zk27.uitkomsten == regional.uitkomsten
    assert zk27.verbindingen_per_soort == regional.verbindingen_per_soort
    assert ind.totaal.inwoners == 17_942_942
    data = result.as_dict()
    assert data["niveau"] == "landelijk"
    assert "gemeenten" not in data
    assert {"regiocode": "ZK27", "naam": "Zeeland"}.items() <= next(
        r for r in data["regios"] if r["regiocode"] == "ZK27"
    ).items()


def test_a_region_of_another_division_is_refused(indeling):
    ggd = Regio.objects.exclude(indeling=indeling).first()
    with pytest.raises(ValueError):
        referral_indicators(indeling=indeling, regio=ggd, jaar=JAAR)


def test_who_may_see_which_region(
    zeeland,
    utrecht,
    indeling,
    regio_lid,
    ander_regio_lid,
    landelijk,
    verwijzer,
    brugfunctionaris,
):
    assert can_view_indicatoren(regio_lid, zeeland)
    assert not can_view_indicatoren(regio_lid, utrecht)
    assert not can_view_indicatoren(regio_lid, None)
    assert not can_view_indicatoren(ander_regio_lid, zeeland)
    assert can_view_indicatoren(landelijk, zeeland)
    assert can_view_indicatoren(landelijk, None)
    for user in (verwijzer, brugfunctionaris, AnonymousUser()):
        assert not can_view_any_indicatoren(user)
        assert not can_view_indicatoren(user, zeeland)
        assert not regios_with_indicatoren(user, indeling).exists()
    # Membership without the role is not enough.
    assert not can_view_indicatoren(user_with_role(None, zeeland), zeeland)

    assert list(regios_with_indicatoren(regio_lid, indeling)) == [zeeland]
    assert regios_with_indicatoren(landelijk, indeling).count() == 31


def test_defaults(zeeland_data, zeeland, regio_lid, landelijk):
    vandaag = date(2026, 11, 22)

    assert standaard_jaar(vandaag=vandaag) == 2025
    assert standaard_jaar() == timezone.localdate().year - 1
    assert beschikbare_jaren(vandaag=vandaag) == [2026, 2025, 2024]
    assert standaard_regio(user=regio_lid) == zeeland
    assert standaard_regio(user=landelijk) is None
