# SPDX-License-Identifier: EUPL-1.2
"""`PermissionsBackend` answers exactly as Django's ModelBackend, with one
query per user object instead of two, and logs nobody in or out."""

from typing import Any

from django.contrib.auth import authenticate
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission

import pytest

from dekkend.accounts.backends import PermissionsBackend
from dekkend.accounts.models import User
from dekkend.register.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _perm(dotted: str) -> Permission:
    app, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app, codename=codename)


def _user_with_own_and_group_perms() -> User:
    user = UserFactory()
    user.user_permissions.add(_perm("referrals.add_verwijzing"))
    group = Group.objects.create(name="test-backend")
    group.permissions.add(
        _perm("referrals.change_verwijzing"), _perm("referrals.add_verwijzing")
    )
    user.groups.add(group)
    return User.objects.get(pk=user.pk)


def test_same_permissions_as_model_backend() -> None:
    user = _user_with_own_and_group_perms()
    ours = PermissionsBackend().get_all_permissions(user)
    theirs = ModelBackend().get_all_permissions(User.objects.get(pk=user.pk))
    assert ours == theirs
    assert {"referrals.add_verwijzing", "referrals.change_verwijzing"} <= ours


def test_one_query_per_user_object(django_assert_num_queries: Any) -> None:
    user = _user_with_own_and_group_perms()
    with django_assert_num_queries(1):
        assert user.has_perm("referrals.add_verwijzing")
        assert user.has_perm("referrals.change_verwijzing")
        # A "no" falls through to ModelBackend, which reads the same cache.
        assert not user.has_perm("referrals.delete_verwijzing")
        assert not user.has_module_perms("werkagenda")


def test_inactive_anonymous_and_object_checks_have_no_permissions() -> None:
    user = _user_with_own_and_group_perms()
    backend = PermissionsBackend()
    assert backend.get_all_permissions(user, obj=object()) == set()
    user.is_active = False
    assert backend.get_all_permissions(user) == set()
    assert not user.has_perm("referrals.add_verwijzing")


def test_superusers_have_every_permission() -> None:
    user = UserFactory(is_superuser=True)
    assert PermissionsBackend().get_all_permissions(user) == (
        ModelBackend().get_all_permissions(User.objects.get(pk=user.pk))
    )


def test_it_authenticates_nobody_and_logins_keep_model_backend() -> None:
    user = UserFactory()
    user.set_password("een-lang-wachtwoord-42")
    user.save()
    backend = PermissionsBackend()
    assert (
        backend.authenticate(
            None, username=user.username, password="een-lang-wachtwoord-42"
        )
        is None
    )
    assert not hasattr(backend, "get_user")
    # Without a request the rate-limit backend steps aside (see its docstring);
    # the user comes from ModelBackend, whose path the session then stores.
    found = authenticate(username=user.username, password="een-lang-wachtwoord-42")
    assert found == user
    assert found.backend == "django.contrib.auth.backends.ModelBackend"


def test_force_login_keeps_model_backend(client: Any) -> None:
    user = UserFactory()
    client.force_login(user)
    assert client.session["_auth_user_backend"] == (
        "django.contrib.auth.backends.ModelBackend"
    )
