# SPDX-License-Identifier: EUPL-1.2
"""How many SQL queries one referral write through the API costs.

The counts are part of the performance budget of sociaal verwijzen
(bench/README.md): a change that adds a query to creating a referral or to
a status step fails here, on purpose. If a new query is really needed, raise
the number in the same commit and say why. What the queries are:

- every request: the session, the user, the 2FA device (django-otp), the
  user's own and group permissions (one UNION, read once per request:
  `accounts.backends.PermissionsBackend`);
- create: the user's organisations with their rows (once per request;
  the referring organisation is one of them), the gemeente (the view),
  inside the transaction the region settings and the Werkgebied, then four
  inserts (referral, consent, status record, audit event) and the new
  version token of the referral's year (one upsert, `versions`: what keeps
  the indicators' cache current, ADR 0020); after commit the notification
  looks up the addresses of the receiving organisation's members (one; the
  organisation's own address, used when no member has one, comes from the
  row read with the Werkgebied);
- status step: the user's organisations (once), inside the transaction
  the referral as the caller may see it, found and locked in one query,
  the update, the year's version token, two inserts (status record, audit
  event). The answer is built from what was written.

Savepoints count as queries here (the test runs inside a transaction).
"""

from typing import Any

from django.http import HttpRequest, HttpResponse

import pytest

from dekkend.accounts.request_cache import RequestCacheMiddleware
from dekkend.audit.models import AuditEvent
from dekkend.referrals.models import StatusWijziging, Verwijzing
from dekkend.referrals.tests.test_api_verwijzingen import URL, opzet, payload
from dekkend.register.models import OrganisatieLid
from dekkend.register.permissions import user_organisatie_ids, user_organisaties
from dekkend.register.tests.factories import OrganisatieFactory, OrganisatieLidFactory

pytestmark = pytest.mark.django_db

CREATE_QUERIES = 15
STATUS_QUERIES = 12


def _post(client: Any, url: str, data: dict[str, Any]) -> Any:
    return client.post(url, data, format="json")


def test_create_costs_a_fixed_number_of_queries(
    django_assert_num_queries: Any, django_capture_on_commit_callbacks: Any
) -> None:
    o = opzet()
    _post(o.verwijzer, URL, payload())  # warm: content types, first-use caches
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        django_assert_num_queries(CREATE_QUERIES),
    ):
        response = _post(o.verwijzer, URL, payload())
    assert response.status_code == 201, response.content
    body = response.json()
    # The answer is complete although nothing was read back.
    assert [s["actie"] for s in body["statussen"]] == ["aanmaken"]
    assert body["terugkoppelingen"] == []
    assert body["status"] == "verstuurd"
    verwijzing = Verwijzing.objects.get(uuid=body["uuid"])
    assert AuditEvent.objects.filter(
        event="verwijzing.created", object_id=str(verwijzing.uuid)
    ).exists()
    assert len(callbacks) == 1  # the notification is still scheduled after commit


def test_status_change_costs_a_fixed_number_of_queries(
    django_assert_num_queries: Any,
) -> None:
    o = opzet()
    uuids = [_post(o.verwijzer, URL, payload()).json()["uuid"] for _ in range(2)]
    _post(o.brug, f"{URL}{uuids[0]}/statussen/", {"actie": "accepteren"})  # warm
    with django_assert_num_queries(STATUS_QUERIES):
        response = _post(o.brug, f"{URL}{uuids[1]}/statussen/", {"actie": "accepteren"})
    assert response.status_code == 201, response.content
    body = response.json()
    last = StatusWijziging.objects.filter(verwijzing__uuid=uuids[1]).last()
    assert last is not None
    assert (body["van"], body["naar"], body["actie"]) == (
        "verstuurd",
        "geaccepteerd",
        "accepteren",
    )
    assert (last.van, last.naar, last.actie) == (
        "verstuurd",
        "geaccepteerd",
        "accepteren",
    )
    assert (
        AuditEvent.objects.filter(
            event="verwijzing.accepted", object_id=uuids[1]
        ).count()
        == 1
    )


def test_membership_added_in_a_request_is_seen_later_in_it(rf: Any) -> None:
    """The per-request cache of a user's organisations forgets a membership
    written in the same request (no stale permission answer), and nothing
    is cached outside a request."""
    o = opzet()
    user = o.keten.verwijzer
    andere = OrganisatieFactory()
    seen: list[set[int]] = []

    def view(request: HttpRequest) -> HttpResponse:
        seen.append(user_organisatie_ids(user))
        seen.append(user_organisatie_ids(user))
        OrganisatieLidFactory(user=user, organisatie=andere)
        seen.append(user_organisatie_ids(user))
        return HttpResponse()

    RequestCacheMiddleware(view)(rf.get("/"))
    assert andere.pk not in seen[0]
    assert seen[1] == seen[0]
    assert andere.pk in seen[2]
    OrganisatieLid.objects.filter(user=user, organisatie=andere).delete()
    assert andere.pk not in user_organisatie_ids(user)


def test_organisations_are_read_once_per_request(
    rf: Any, django_assert_num_queries: Any
) -> None:
    o = opzet()
    user = o.keten.verwijzer

    def view(request: HttpRequest) -> HttpResponse:
        with django_assert_num_queries(1):
            for _ in range(3):
                user_organisatie_ids(user)
        return HttpResponse()

    def view_rows(request: HttpRequest) -> HttpResponse:
        # The rows first (a create), then the ids: answered from the rows.
        with django_assert_num_queries(1):
            assert [org.pk for org in user_organisaties(user).values()] == [
                o.keten.praktijk.pk
            ]
            assert user_organisatie_ids(user) == {o.keten.praktijk.pk}
            assert set(user_organisaties(user)) == user_organisatie_ids(user)
        return HttpResponse()

    RequestCacheMiddleware(view)(rf.get("/"))
    RequestCacheMiddleware(view_rows)(rf.get("/"))
    with django_assert_num_queries(2):
        user_organisatie_ids(user)
        user_organisatie_ids(user)
