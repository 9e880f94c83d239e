# SPDX-License-Identifier: EUPL-1.2
"""`selectors.verwijzing_herkomst`: the one place where the referring
organisation and the resident's gemeente of a new referral are decided, for
the API, the FHIR import and the form alike."""

import uuid

import pytest

from dekkend.referrals import selectors
from dekkend.referrals.selectors import HerkomstFout
from dekkend.referrals.tests.factories import (
    PraktijkFactory,
    keten_create,
    verwijzer_create,
)
from dekkend.register.tests.factories import OrganisatieLidFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def keten():
    return keten_create()


def _fout(**kwargs) -> HerkomstFout:
    with pytest.raises(HerkomstFout) as info:
        selectors.verwijzing_herkomst(**kwargs)
    return info.value


def test_the_only_organisation_and_the_gemeente_by_code(keten):
    herkomst = selectors.verwijzing_herkomst(
        user=keten.verwijzer, organisatie_uuid=None, gemeente_code="gm0687", postcode=""
    )
    assert herkomst.organisatie == keten.praktijk
    assert herkomst.gemeente.code == "GM0687"


def test_the_postcode_decides_without_a_code(keten):
    herkomst = selectors.verwijzing_herkomst(
        user=keten.verwijzer,
        organisatie_uuid=str(keten.praktijk.uuid),
        gemeente_code="",
        postcode="4331 ab",
    )
    assert herkomst.gemeente == keten.gemeente


def test_a_code_wins_over_the_postcode(keten):
    herkomst = selectors.verwijzing_herkomst(
        user=keten.verwijzer,
        organisatie_uuid=keten.praktijk.uuid,
        gemeente_code="GM0718",
        postcode="4331 AB",
    )
    assert herkomst.gemeente.code == "GM0718"


@pytest.mark.parametrize(
    ("code", "postcode", "veld", "reden"),
    [
        ("GM9999", "", "gemeente", HerkomstFout.ONBEKEND),
        ("", "", "gemeente", HerkomstFout.ONTBREEKT),
        ("", "ABCD", "postcode", HerkomstFout.ONGELDIG),
        ("", "1000 AA", "postcode", HerkomstFout.ONBEKEND),
    ],
)
def test_gemeente_failures_name_the_input(keten, code, postcode, veld, reden):
    fout = _fout(
        user=keten.verwijzer,
        organisatie_uuid=None,
        gemeente_code=code,
        postcode=postcode,
    )
    assert (fout.veld, fout.reden) == (veld, reden)
    assert fout.message


def test_organisation_failures(keten):
    gemeente = {"gemeente_code": "GM0687", "postcode": ""}
    onbekend = _fout(user=keten.verwijzer, organisatie_uuid=uuid.uuid4(), **gemeente)
    assert (onbekend.veld, onbekend.reden) == ("organisatie", HerkomstFout.ONBEKEND)
    kapot = _fout(user=keten.verwijzer, organisatie_uuid="geen-uuid", **gemeente)
    assert kapot.reden == HerkomstFout.ONBEKEND
    andere = PraktijkFactory()
    vreemd = _fout(user=keten.verwijzer, organisatie_uuid=andere.uuid, **gemeente)
    assert vreemd.reden == HerkomstFout.GEEN_LID
    geen = _fout(user=verwijzer_create(), organisatie_uuid=None, **gemeente)
    assert geen.reden == HerkomstFout.GEEN_ORGANISATIE
    OrganisatieLidFactory(user=keten.verwijzer, organisatie=andere)
    meer = _fout(user=keten.verwijzer, organisatie_uuid=None, **gemeente)
    assert meer.reden == HerkomstFout.MEERDERE
    # Named, one of the user's several is fine.
    herkomst = selectors.verwijzing_herkomst(
        user=keten.verwijzer, organisatie_uuid=andere.uuid, **gemeente
    )
    assert herkomst.organisatie == andere


def test_the_organisation_is_checked_before_the_gemeente(keten):
    fout = _fout(
        user=keten.verwijzer,
        organisatie_uuid=PraktijkFactory().uuid,
        gemeente_code="GM9999",
        postcode="",
    )
    assert fout.veld == "organisatie"
