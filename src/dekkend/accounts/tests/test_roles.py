# SPDX-License-Identifier: EUPL-1.2
"""Roles are permission groups; `roles_sync()` keeps them exactly as defined."""

from django.contrib.auth.models import Group, Permission

import pytest

from dekkend.accounts.roles import ROLES, role_group, roles_sync
from dekkend.register.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _permissions(group: Group) -> set[str]:
    return {
        f"{app}.{codename}"
        for app, codename in group.permissions.values_list(
            "content_type__app_label", "codename"
        )
    }


def test_role_codes_and_names_are_unique():
    assert len({r.code for r in ROLES}) == len(ROLES)
    assert len({r.name for r in ROLES}) == len(ROLES)


def test_every_role_permission_exists():
    for role in ROLES:
        for dotted in role.permissions:
            app, codename = dotted.split(".")
            assert Permission.objects.filter(
                content_type__app_label=app, codename=codename
            ).exists(), dotted


def test_each_group_has_exactly_its_permissions():
    roles_sync()
    for role in ROLES:
        assert _permissions(role_group(role.code)) == set(role.permissions)


def test_roles_sync_is_idempotent():
    first = roles_sync()
    groups_before = Group.objects.count()
    second = roles_sync()
    assert [g.pk for g in first] == [g.pk for g in second]
    assert Group.objects.count() == groups_before
    for role in ROLES:
        assert Group.objects.filter(name=role.name).count() == 1
        assert _permissions(role_group(role.code)) == set(role.permissions)


def test_roles_sync_removes_permissions_added_by_hand():
    group = role_group("verwijzer")
    group.permissions.add(Permission.objects.get(codename="change_any_steunpunt"))
    roles_sync()
    assert _permissions(role_group("verwijzer")) == {
        "accounts.persoonsgegevens_verwerken",
        "referrals.add_verwijzing",
        "referrals.view_verwijzing",
    }


def test_roles_sync_restores_a_deleted_group():
    role_group("regio").delete()
    roles_sync()
    regio = next(r for r in ROLES if r.code == "regio")
    assert _permissions(role_group("regio")) == set(regio.permissions)
    assert "coverage.add_parameterafwijking" in regio.permissions


def test_roles_give_the_expected_rights():
    def user(code: str):
        u = UserFactory()
        u.groups.add(role_group(code))
        return u

    lsp, monitor, verwijzer = (
        user("lsp_medewerker"),
        user("landelijk_monitor"),
        user("verwijzer"),
    )
    assert lsp.has_perm("register.change_steunpunt")
    assert not lsp.has_perm("register.change_any_steunpunt")
    assert not lsp.has_perm("register.add_afweging")
    assert monitor.has_perm("register.change_any_steunpunt")
    assert monitor.has_perm("register.add_afweging")
    assert verwijzer.get_all_permissions() == {
        "accounts.persoonsgegevens_verwerken",
        "referrals.add_verwijzing",
        "referrals.view_verwijzing",
    }
    assert not verwijzer.has_perm("referrals.change_verwijzing")


def test_roles_with_personal_data_require_two_factor():
    """Verwijzer and brugfunctionaris handle personal data; the others do not."""
    holders = {
        r.code for r in ROLES if "accounts.persoonsgegevens_verwerken" in r.permissions
    }
    assert holders == {"verwijzer", "brugfunctionaris"}
    brug = next(r for r in ROLES if r.code == "brugfunctionaris")
    assert "register.view_aanbod" in brug.permissions


def test_unknown_role_code_is_an_error():
    with pytest.raises(StopIteration):
        role_group("koning")
