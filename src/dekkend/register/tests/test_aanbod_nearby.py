# SPDX-License-Identifier: EUPL-1.2
"""`aanbod_nearby`: offers of every kind near a resident's postcode, for the
brugfunctionaris who connects a resident to the register."""

from datetime import date

import pytest

from dekkend.regions.models import Gemeente
from dekkend.regions.selectors import OngeldigePostcode, postcode_punt
from dekkend.register.constants import AanbodSoort, AanbodStatus
from dekkend.register.models import Aanbod
from dekkend.register.selectors import aanbod_get, aanbod_nearby
from dekkend.register.tests.factories import AanbodFactory, LocatieFactory

pytestmark = pytest.mark.django_db

PEILDATUM = date(2025, 6, 1)


@pytest.fixture
def middelburg() -> Gemeente:
    return Gemeente.objects.get(code="GM0687")


def _aanbod(naam: str, lat: float, lon: float, **kwargs) -> Aanbod:
    gemeente = kwargs.pop("gemeente", None) or Gemeente.objects.get(code="GM0687")
    locatie = LocatieFactory(gemeente=gemeente, lat=lat, lon=lon, plaats="Teststad")
    return AanbodFactory(
        naam=naam, locatie=locatie, organisatie=locatie.organisatie, **kwargs
    )


def test_nearest_first_all_kinds_including_the_lsp_register(middelburg) -> None:
    punt = postcode_punt("4331")
    assert punt is not None
    dichtbij = _aanbod(
        "Schuldhulp Dichtbij", punt.lat + 0.001, punt.lon, soort=AanbodSoort.SCHULDHULP
    )
    verder = _aanbod(
        "Wandelclub Verderop",
        punt.lat + 0.05,
        punt.lon,
        soort=AanbodSoort.SPORT_BEWEGEN,
    )

    result = aanbod_nearby(postcode="4331 AB", limit=15, peildatum=PEILDATUM)

    assert len(result) == 15
    afstanden = [n.afstand_km for n in result]
    assert all(a is not None for a in afstanden)
    assert afstanden == sorted(afstanden)  # type: ignore[type-var]
    assert result[0].aanbod == dichtbij
    assert result[0].afstand_km == pytest.approx(0.1, abs=0.05)
    soorten = {n.aanbod.soort for n in result}
    # The 2025 LSP list around Middelburg is on the register too.
    assert AanbodSoort.LSP in soorten
    assert verder in [n.aanbod for n in result]


def test_filters_on_kind_and_search_term(middelburg) -> None:
    punt = postcode_punt("4331")
    assert punt is not None
    schuld = _aanbod(
        "Geldzorgen Spreekuur", punt.lat, punt.lon, soort=AanbodSoort.SCHULDHULP
    )
    _aanbod("Koor De Stem", punt.lat, punt.lon, soort=AanbodSoort.CULTUUR_CREATIEF)

    alleen_schuld = aanbod_nearby(
        postcode="4331", soort=AanbodSoort.SCHULDHULP, limit=10, peildatum=PEILDATUM
    )
    assert [n.aanbod for n in alleen_schuld] == [schuld]

    koor = aanbod_nearby(
        postcode="4331", zoekterm="koor de", limit=10, peildatum=PEILDATUM
    )
    assert [n.aanbod.naam for n in koor] == ["Koor De Stem"]


def test_stopped_and_expired_offers_are_left_out(middelburg) -> None:
    punt = postcode_punt("4331")
    assert punt is not None
    _aanbod("Gestopt Praathuisje", punt.lat, punt.lon, status=AanbodStatus.GESTOPT)
    _aanbod("Verlopen Praathuisje", punt.lat, punt.lon, geldig_tot=date(2025, 1, 1))
    _aanbod("Toekomstig Praathuisje", punt.lat, punt.lon, geldig_van=date(2026, 1, 1))
    geldig = _aanbod("Geldig Praathuisje", punt.lat, punt.lon)

    result = aanbod_nearby(
        postcode="4331", zoekterm="praathuisje", limit=10, peildatum=PEILDATUM
    )

    assert [n.aanbod for n in result] == [geldig]
    with pytest.raises(Aanbod.DoesNotExist):
        aanbod_get(
            uuid=Aanbod.objects.get(naam="Gestopt Praathuisje").uuid,
            peildatum=PEILDATUM,
        )
    assert aanbod_get(uuid=geldig.uuid, peildatum=PEILDATUM) == geldig


def test_offers_without_location_follow_the_located_ones(middelburg) -> None:
    punt = postcode_punt("4331")
    assert punt is not None
    ergens = _aanbod("Zorgmaatjes Ergens", punt.lat + 0.02, punt.lon)
    zonder = AanbodFactory(naam="Zorgmaatjes Telefonisch", locatie=None)

    result = aanbod_nearby(
        postcode="4331", zoekterm="zorgmaatjes", limit=10, peildatum=PEILDATUM
    )

    assert [(n.aanbod, n.afstand_km is None) for n in result] == [
        (ergens, False),
        (zonder, True),
    ]


def test_limit_is_respected_far_from_everything() -> None:
    # 9999 (Stitswerd, far north): the search widens until it finds enough.
    result = aanbod_nearby(postcode="9999", limit=3, peildatum=PEILDATUM)
    assert len(result) == 3
    assert all(n.afstand_km is not None for n in result)


def test_unknown_or_empty_postcode_lists_by_name_without_distance() -> None:
    b = AanbodFactory(naam="Bbb Buurtkamer Onbekend")
    a = AanbodFactory(naam="Aaa Buurtkamer Onbekend")
    for postcode in ("1000", ""):
        result = aanbod_nearby(
            postcode=postcode, zoekterm="buurtkamer onbekend", peildatum=PEILDATUM
        )
        assert [(n.aanbod, n.afstand_km) for n in result] == [(a, None), (b, None)]


def test_invalid_postcode_raises() -> None:
    with pytest.raises(OngeldigePostcode):
        aanbod_nearby(postcode="abc", peildatum=PEILDATUM)
