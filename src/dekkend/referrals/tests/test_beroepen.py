# SPDX-License-Identifier: EUPL-1.2
"""Who may refer is agreed per region (003 §3): huisarts and POH-GGZ by
default; wijkverpleegkundige, fysiotherapeut or ergotherapeut where the region
adds them. A gemeente in regions of several divisions gets what all agree."""

from django.core.exceptions import ValidationError

import pytest

from dekkend.accounts.constants import Beroep
from dekkend.referrals.services import verwijzende_beroepen
from dekkend.referrals.tests.factories import (
    Keten,
    RegioInstellingFactory,
    keten_create,
    verwijzer_create,
    verwijzing_send,
)
from dekkend.regions.tests.factories import regio_add

pytestmark = pytest.mark.django_db


@pytest.fixture
def keten() -> Keten:
    return keten_create()


def _send_as(keten: Keten, beroep: str):
    return verwijzing_send(keten, user=verwijzer_create(keten.praktijk, beroep=beroep))


@pytest.mark.parametrize("beroep", [Beroep.HUISARTS, Beroep.POH_GGZ])
def test_huisarts_and_poh_refer_by_default(keten, beroep):
    assert _send_as(keten, beroep.value).pk


@pytest.mark.parametrize("beroep", [Beroep.FYSIOTHERAPEUT, Beroep.OVERIG, ""])
def test_others_do_not_unless_the_region_says_so(keten, beroep):
    with pytest.raises(ValidationError) as exc:
        _send_as(keten, beroep)
    assert "huisarts" in exc.value.message_dict["gemeente"][0]


def test_a_region_adds_professions(keten):
    instelling = RegioInstellingFactory(
        verwijzende_beroepen=["huisarts", "poh_ggz", "fysiotherapeut"]
    )
    regio_add(instelling.regio, keten.gemeente)
    assert _send_as(keten, "fysiotherapeut").pk
    assert verwijzende_beroepen(keten.gemeente) == [
        "fysiotherapeut",
        "huisarts",
        "poh_ggz",
    ]


def test_divisions_that_differ_give_what_all_agree(keten):
    ruim = RegioInstellingFactory(
        verwijzende_beroepen=["huisarts", "poh_ggz", "wijkverpleegkundige"]
    )
    smal = RegioInstellingFactory(verwijzende_beroepen=["huisarts"])
    regio_add(ruim.regio, keten.gemeente)
    regio_add(smal.regio, keten.gemeente)
    assert verwijzende_beroepen(keten.gemeente) == ["huisarts"]
    with pytest.raises(ValidationError):
        _send_as(keten, "wijkverpleegkundige")
