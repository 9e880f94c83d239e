# SPDX-License-Identifier: EUPL-1.2
"""Who may use each endpoint of /api/v1/verwijzingen/: anonymous users and
sessions without two-factor verification are refused, roles without referral
permissions and the wrong role get 403, other organisations and other
verwijzers get 404 (as if the referral did not exist), the right user 2xx.
Every refusal is an RFC 9457 problem document."""

from typing import Any

from django.utils import timezone

import pytest
from rest_framework.test import APIClient

from dekkend.accounts.roles import role_group
from dekkend.referrals.models import Contact, Verwijzing
from dekkend.referrals.tests.factories import (
    referral_permission,
    verwijzer_create,
    verwijzing_in_behandeling,
    verwijzing_send,
)
from dekkend.referrals.tests.test_api_verwijzingen import (
    URL,
    client_for,
    opzet,
    payload,
    problem,
)
from dekkend.regions.models import Gemeente
from dekkend.register.tests.factories import OrganisatieLidFactory, UserFactory

pytestmark = pytest.mark.django_db

CONTACT = {"soort": "telefoon", "duurMinuten": 15}
VERBINDING = {"soort": "overig", "omschrijving": "Koor in de wijk"}
TERUGKOPPELING = {"soort": "tussentijds", "aanDeSlagMet": "Gaat naar het koor."}

# (method, path after /verwijzingen/{uuid}/, body, who may use it, success code)
OBJECT_ENDPOINTS = [
    ("get", "", None, "beide", 200),
    ("get", "statussen/", None, "beide", 200),
    ("post", "statussen/", {"actie": "pauzeren", "reden": "Op vakantie."}, "brug", 201),
    ("get", "contacten/", None, "brug", 200),
    ("post", "contacten/", CONTACT, "brug", 201),
    ("get", "verbindingen/", None, "brug", 200),
    ("post", "verbindingen/", VERBINDING, "brug", 201),
    ("get", "terugkoppelingen/", None, "beide", 200),
    ("post", "terugkoppelingen/", TERUGKOPPELING, "brug", 201),
    ("post", "toestemming-intrekking/", None, "beide", 200),
]
ALL = [("get", "", None), ("post", "", "create")] + [
    (m, "{uuid}/" + p, b) for m, p, b, _who, _code in OBJECT_ENDPOINTS
]
IDS = [f"{m} {p}" for m, p, _b in ALL]
OBJECT_IDS = [f"{m} {p}" for m, p, *_ in OBJECT_ENDPOINTS]


def _call(client: APIClient, method: str, path: str, body: Any, uuid: str) -> Any:
    url = URL + path.format(uuid=uuid)
    if method == "get":
        return client.get(url)
    data = payload() if body == "create" else body or {}
    return client.post(url, data, format="json")


@pytest.mark.parametrize(("method", "path", "body"), ALL, ids=IDS)
def test_anonymous_users_are_refused(method, path, body):
    o = opzet()
    verwijzing = verwijzing_in_behandeling(o.keten)
    response = _call(APIClient(), method, path, body, str(verwijzing.uuid))
    assert (
        problem(response, 403)["detail"] == "Authenticatiegegevens zijn niet opgegeven."
    )


@pytest.mark.parametrize(("method", "path", "body"), ALL, ids=IDS)
def test_a_session_without_two_factor_is_refused(method, path, body):
    o = opzet()
    verwijzing = verwijzing_in_behandeling(o.keten)
    for user, rol in (
        (o.keten.verwijzer, "verwijzer"),
        (o.keten.brugfunctionaris, "brugfunctionaris"),
    ):
        user.groups.add(role_group(rol))
        client = APIClient()
        client.force_login(user)
        response = _call(client, method, path, body, str(verwijzing.uuid))
        assert "Tweestapsverificatie" in problem(response, 403)["detail"]
    assert Contact.objects.count() == 1


@pytest.mark.parametrize(("method", "path", "body"), ALL, ids=IDS)
def test_roles_without_referral_permissions_are_forbidden(method, path, body):
    o = opzet()
    verwijzing = verwijzing_in_behandeling(o.keten)
    for rol in ("regio", "landelijk_monitor", "lsp_medewerker"):
        client = client_for(UserFactory(), rol)
        response = _call(client, method, path, body, str(verwijzing.uuid))
        problem(response, 403)


def test_a_brugfunctionaris_cannot_send_a_referral():
    o = opzet()
    body = problem(o.brug.post(URL, payload(), format="json"), 403)
    assert body["detail"] == "Alleen verwijzers kunnen een verwijzing versturen."


@pytest.mark.parametrize(
    ("method", "path", "body", "who", "code"),
    [e for e in OBJECT_ENDPOINTS if e[3] == "brug"],
    ids=[
        i for i, e in zip(OBJECT_IDS, OBJECT_ENDPOINTS, strict=True) if e[3] == "brug"
    ],
)
def test_the_verwijzer_may_not_see_or_record_the_work(method, path, body, who, code):
    o = opzet()
    verwijzing = verwijzing_in_behandeling(o.keten)
    response = _call(o.verwijzer, method, "{uuid}/" + path, body, str(verwijzing.uuid))
    problem(response, 403)
    assert Contact.objects.count() == 1
    assert Verwijzing.objects.get(pk=verwijzing.pk).status == "in_behandeling"


@pytest.mark.parametrize(
    ("method", "path", "body", "who", "code"), OBJECT_ENDPOINTS, ids=OBJECT_IDS
)
def test_other_organisations_and_verwijzers_get_404(method, path, body, who, code):
    o = opzet()
    verwijzing = verwijzing_in_behandeling(o.keten)
    andere = opzet(Gemeente.objects.get(code="GM0718"))
    collega = client_for(verwijzer_create(o.keten.praktijk), "verwijzer")
    outsiders = [andere.brug]
    if who == "beide":
        outsiders += [andere.verwijzer, collega]
    for client in outsiders:
        response = _call(client, method, "{uuid}/" + path, body, str(verwijzing.uuid))
        assert problem(response, 404)["detail"] == "Verwijzing niet gevonden."
    verwijzing.refresh_from_db()
    assert verwijzing.status == "in_behandeling"
    assert verwijzing.toestemming.ingetrokken_op is None


@pytest.mark.parametrize(
    ("method", "path", "body", "who", "code"), OBJECT_ENDPOINTS, ids=OBJECT_IDS
)
def test_the_right_user_succeeds(method, path, body, who, code):
    o = opzet()
    verwijzing = verwijzing_in_behandeling(o.keten)
    clients = [o.brug] if who == "brug" else [o.verwijzer]
    if who == "beide" and method == "get":
        clients.append(o.brug)
    for client in clients:
        response = _call(client, method, "{uuid}/" + path, body, str(verwijzing.uuid))
        assert response.status_code == code, response.content
        assert response["Content-Type"] == "application/json"


def test_the_verwijzer_can_withdraw_only_while_sent_and_the_list_needs_a_role():
    o = opzet()
    verwijzing = verwijzing_send(o.keten, now=timezone.now())
    url = f"{URL}{verwijzing.uuid}/statussen/"
    response = o.verwijzer.post(
        url, {"actie": "intrekken", "reden": "Zelf opgelost."}, format="json"
    )
    assert response.status_code == 201
    assert response.json()["naar"] == "ingetrokken"
    assert o.verwijzer.get(URL).status_code == 200
    problem(client_for(UserFactory()).get(URL), 403)


def test_a_verwijzer_who_is_also_a_brugfunctionaris_elsewhere_sees_no_contacts():
    """The role counts per referral: brugfunctionaris permissions from another
    organisation do not open the contacts of one's own referral."""
    o = opzet()
    verwijzing = verwijzing_in_behandeling(o.keten)
    andere = opzet(Gemeente.objects.get(code="GM0718"))
    o.keten.verwijzer.user_permissions.add(referral_permission("change_verwijzing"))
    OrganisatieLidFactory(user=o.keten.verwijzer, organisatie=andere.keten.welzijn)
    for path in ("contacten/", "verbindingen/"):
        response = o.verwijzer.get(f"{URL}{verwijzing.uuid}/{path}")
        assert "ontvangende organisatie" in problem(response, 403)["detail"]
        response = o.verwijzer.post(
            f"{URL}{verwijzing.uuid}/{path}",
            CONTACT if path == "contacten/" else VERBINDING,
            format="json",
        )
        problem(response, 403)
    assert o.verwijzer.get(f"{URL}{verwijzing.uuid}/").json()["rol"] == "verwijzer"


def test_an_invalid_step_on_a_referral_out_of_sight_is_a_404_first():
    """Not being able to see the referral wins over an invalid body, as it
    did when the referral was found before the body was read."""
    o = opzet()
    verwijzing = verwijzing_in_behandeling(o.keten)
    andere = opzet(Gemeente.objects.get(code="GM0718"))
    url = f"{URL}{verwijzing.uuid}/statussen/"
    response = andere.brug.post(url, {"actie": "vliegen"}, format="json")
    assert problem(response, 404)["detail"] == "Verwijzing niet gevonden."
    problem(o.brug.post(url, {"actie": "vliegen"}, format="json"), 400)
