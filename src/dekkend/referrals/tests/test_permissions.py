# SPDX-License-Identifier: EUPL-1.2
"""Who may see a referral (`can_view_verwijzing`) and in which role they act
(`rol_for`): the referring verwijzer and the receiving organisation's
brugfunctionaris while consent holds, nobody else (PRODUCT.md: regions, the
national monitor and the beheerder never see persons).

What the services do with these rules is tested in `test_services.py`.
"""

from datetime import timedelta

from django.contrib.auth.models import AnonymousUser

import pytest

from dekkend.accounts.roles import role_group
from dekkend.referrals import workflow
from dekkend.referrals.constants import Status
from dekkend.referrals.models import Toestemming, Verwijzing
from dekkend.referrals.permissions import (
    can_view_verwijzing,
    is_brugfunctionaris_for,
    is_verwijzer_of,
    rol_for,
)
from dekkend.referrals.tests.factories import (
    BRUGFUNCTIONARIS_PERMS,
    T0,
    VERWIJZER_PERMS,
    Keten,
    VerwijzingFactory,
    WelzijnsorganisatieFactory,
    brugfunctionaris_create,
    keten_create,
    user_with_permissions,
    verwijzer_create,
    verwijzing_send,
)
from dekkend.regions.models import Regio, RegioLid
from dekkend.register.tests.factories import OrganisatieLidFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def keten() -> Keten:
    return keten_create()


@pytest.fixture
def verwijzing(keten: Keten) -> Verwijzing:
    return Verwijzing.objects.get(pk=verwijzing_send(keten).pk)


def test_the_referring_verwijzer_sees_the_referral(keten, verwijzing):
    assert can_view_verwijzing(keten.verwijzer, verwijzing)
    assert is_verwijzer_of(keten.verwijzer, verwijzing)
    assert rol_for(keten.verwijzer, verwijzing) == workflow.Rol.VERWIJZER


def test_another_verwijzer_of_the_same_practice_does_not(keten, verwijzing):
    collega = verwijzer_create(keten.praktijk)

    assert not can_view_verwijzing(collega, verwijzing)
    assert rol_for(collega, verwijzing) is None


def test_the_receiving_organisations_brugfunctionaris_sees_it(keten, verwijzing):
    collega = brugfunctionaris_create(keten.welzijn)

    for brug in (keten.brugfunctionaris, collega):
        assert can_view_verwijzing(brug, verwijzing)
        assert rol_for(brug, verwijzing) == workflow.Rol.BRUGFUNCTIONARIS


def test_a_brugfunctionaris_of_another_organisation_does_not(verwijzing):
    elders = brugfunctionaris_create(WelzijnsorganisatieFactory())
    zonder_organisatie = brugfunctionaris_create()

    for user in (elders, zonder_organisatie):
        assert not can_view_verwijzing(user, verwijzing)
        assert rol_for(user, verwijzing) is None


def test_membership_without_the_referral_permission_is_not_enough(keten, verwijzing):
    """A colleague at the welfare organisation who is not a brugfunctionaris
    (e.g. the LSP staff role) and a colleague at the practice."""
    lsp_medewerker = UserFactory()
    lsp_medewerker.groups.add(role_group("lsp_medewerker"))
    OrganisatieLidFactory(user=lsp_medewerker, organisatie=keten.welzijn)
    alleen_lezen = user_with_permissions(("view_verwijzing",), keten.welzijn)
    assistent = UserFactory()
    OrganisatieLidFactory(user=assistent, organisatie=keten.praktijk)

    for user in (lsp_medewerker, alleen_lezen, assistent):
        assert not can_view_verwijzing(user, verwijzing)


def test_the_verwijzer_loses_sight_without_the_permission_to_refer(keten):
    """The verwijzer's rights come from the permission, not only from the
    author field (e.g. after leaving the practice's role)."""
    verwijzing = VerwijzingFactory(
        verwijzer=UserFactory(),
        gemeente=keten.gemeente,
        ontvanger_organisatie=keten.welzijn,
    )
    assert not can_view_verwijzing(verwijzing.verwijzer, verwijzing)


def test_regions_the_national_monitor_and_the_beheerder_do_not_see_referrals(
    keten, verwijzing
):
    regio_user = UserFactory()
    regio_user.groups.add(role_group("regio"))
    for regio in Regio.objects.filter(gemeenten=keten.gemeente):
        RegioLid.objects.create(user=regio_user, regio=regio)
    monitor = UserFactory()
    monitor.groups.add(role_group("landelijk_monitor"))
    beheerder = UserFactory(is_staff=True)
    beheerder.groups.add(role_group("regio"))

    assert Regio.objects.filter(gemeenten=keten.gemeente).exists()
    for user in (regio_user, monitor, beheerder):
        assert not can_view_verwijzing(user, verwijzing)
        assert rol_for(user, verwijzing) is None


def test_a_superuser_outside_both_organisations_does_not_see_referrals(verwijzing):
    """has_perm() is always true for a superuser; the organisation rules
    still keep personal data out of sight."""
    superuser = UserFactory(is_staff=True, is_superuser=True)
    assert not can_view_verwijzing(superuser, verwijzing)


def test_anonymous_users_see_nothing(verwijzing):
    assert not can_view_verwijzing(AnonymousUser(), verwijzing)
    assert rol_for(AnonymousUser(), verwijzing) is None


def test_the_brugfunctionaris_sees_it_only_while_consent_holds(keten, verwijzing):
    Toestemming.objects.filter(verwijzing=verwijzing).update(
        ingetrokken_op=T0 + timedelta(days=1)
    )
    verwijzing = Verwijzing.objects.get(pk=verwijzing.pk)

    assert not can_view_verwijzing(keten.brugfunctionaris, verwijzing)
    assert not is_brugfunctionaris_for(keten.brugfunctionaris, verwijzing)
    assert can_view_verwijzing(keten.verwijzer, verwijzing)


def test_without_a_consent_record_the_brugfunctionaris_sees_nothing(keten):
    verwijzing = VerwijzingFactory(
        gemeente=keten.gemeente,
        ontvanger_organisatie=keten.welzijn,
        met_toestemming=False,
    )
    assert not can_view_verwijzing(keten.brugfunctionaris, verwijzing)
    assert can_view_verwijzing(verwijzing.verwijzer, verwijzing)


@pytest.mark.parametrize("status", list(Status))
def test_visibility_does_not_depend_on_the_status(keten, status):
    verwijzing = VerwijzingFactory(
        gemeente=keten.gemeente,
        ontvanger_organisatie=keten.welzijn,
        verwijzer_organisatie=keten.praktijk,
        verwijzer=keten.verwijzer,
        status=status,
    )
    assert can_view_verwijzing(keten.verwijzer, verwijzing)
    assert can_view_verwijzing(keten.brugfunctionaris, verwijzing)


def test_the_factories_give_exactly_the_referral_permissions():
    verwijzer = verwijzer_create()
    brug = brugfunctionaris_create()

    assert {
        f"referrals.{p}" for p in VERWIJZER_PERMS
    } == verwijzer.get_all_permissions()
    assert {
        f"referrals.{p}" for p in BRUGFUNCTIONARIS_PERMS
    } == brug.get_all_permissions()


def test_the_verwijzer_and_brugfunctionaris_roles_grant_the_same_access(keten):
    """Users who get the permissions through their role, as in production."""
    huisarts = UserFactory(beroep="huisarts")
    huisarts.groups.add(role_group("verwijzer"))
    OrganisatieLidFactory(user=huisarts, organisatie=keten.praktijk)
    coach = UserFactory()
    coach.groups.add(role_group("brugfunctionaris"))
    OrganisatieLidFactory(user=coach, organisatie=keten.welzijn)
    verwijzing = verwijzing_send(keten, user=huisarts)

    assert can_view_verwijzing(huisarts, verwijzing)
    assert rol_for(huisarts, verwijzing) == workflow.Rol.VERWIJZER
    assert can_view_verwijzing(coach, verwijzing)
    assert rol_for(coach, verwijzing) == workflow.Rol.BRUGFUNCTIONARIS
    assert not can_view_verwijzing(keten.verwijzer, verwijzing)
