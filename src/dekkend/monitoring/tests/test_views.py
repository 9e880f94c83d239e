# SPDX-License-Identifier: EUPL-1.2
"""The indicator page /monitor/verwijzen/ and its Excel export: per role
(region member, other region, national monitor, verwijzer, brugfunctionaris,
anonymous), the default choice, the table with suppressed cells shown as
"–", the charts as accessible SVG, and the menu link."""

import re
from io import BytesIO

from django.test import Client
from django.urls import reverse

import pytest
from openpyxl import load_workbook

from dekkend.accounts.testing import login_with_2fa
from dekkend.monitoring.tests.conftest import JAAR

pytestmark = pytest.mark.django_db

URL = "/monitor/verwijzen/"
EXPORT = "/monitor/verwijzen/export.xlsx"
ZEELAND = {"indeling": "zorgkantoorregio-2025", "regio": "ZK27", "jaar": str(JAAR)}


def _client(user, *, two_factor: bool = False) -> Client:
    client = Client()
    if two_factor:
        login_with_2fa(client, user)
    else:
        client.force_login(user)
    return client


def _row(html: str, name: str) -> str:
    match = re.search(rf'<th scope="row">{re.escape(name)}.*?</tr>', html, re.S)
    assert match is not None, name
    return match.group(0)


def _cells(row: str) -> list[str]:
    return re.findall(r'<td class="getal">([^<]*)</td>', row)


def test_urls():
    assert reverse("monitoring:verwijzen") == URL
    assert reverse("monitoring:verwijzen-export") == EXPORT


def test_region_member_sees_own_region_by_default(zeeland_data, regio_lid):
    response = _client(regio_lid).get(URL, {"jaar": str(JAAR)})

    assert response.status_code == 200
    html = response.content.decode()
    assert "Sociaal verwijzen in Zeeland, 2025" in html
    assert response.context["keuze"].regio.code == "ZK27"
    middelburg = _cells(_row(html, "Middelburg (Z.)"))
    # inhabitants, referrals, per 10,000, target, share of target, median,
    # on time, closed with feedback, overdue now
    # (8 referrals and 4 overdue, both shown rounded to multiples of 5)
    assert middelburg == ["50.004", "10", "2,0", "300", "3%", "5,0", "29%", "40%", "5"]
    totaal = _cells(_row(html, "Totaal"))
    assert totaal[:2] == ["391.634", "20"]
    assert totaal[5:] == ["3,0", "60%", "57%", "5"]


def test_a_gemeente_with_three_referrals_shows_five(zeeland_data, regio_lid):
    html = _client(regio_lid).get(URL, ZEELAND).content.decode()
    goes = _row(html, "Goes")

    # referrals rounded, the rate follows; the target (60 x 39,682 / 10,000)
    # is public; the median of 3 referrals is not shown
    assert _cells(goes)[1:4] == ["5", "1,3", "238"]
    assert _cells(goes)[5] == "–"
    assert ">3<" not in goes
    assert 'href="#uitleg-onderdrukking"' in goes
    assert 'id="uitleg-onderdrukking"' in html
    assert "minder dan 5 verwijzingen" in html


def test_charts_are_accessible_svg_with_a_target_line(zeeland_data, regio_lid):
    html = _client(regio_lid).get(URL, ZEELAND).content.decode()

    charts = re.findall(r"<svg[^>]*>", html)
    assert len(charts) == 3
    assert all('role="img"' in c and "aria-labelledby=" in c for c in charts)
    assert html.count("<desc id=") == 3
    assert "streefwaarde 60" in html
    assert "<line " in html
    # Coordinates are never written with a decimal comma.
    assert not re.search(r'(?:x|width)="\d+,\d', html)
    assert "Verwijzingen met een verbinding, per soort aanbod" in html


def test_other_region_is_forbidden(zeeland_data, ander_regio_lid, regio_lid):
    assert _client(ander_regio_lid).get(URL, ZEELAND).status_code == 403
    assert _client(regio_lid).get(URL, {**ZEELAND, "regio": "ZK09"}).status_code == 403
    assert _client(ander_regio_lid).get(EXPORT, ZEELAND).status_code == 403


def test_region_member_asking_for_the_national_view_gets_their_region(regio_lid):
    response = _client(regio_lid).get(URL, {**ZEELAND, "regio": ""})

    assert response.status_code == 200
    assert response.context["keuze"].regio.code == "ZK27"
    assert "Alle regio" not in response.content.decode()


def test_national_monitor_sees_every_region(zeeland_data, landelijk):
    response = _client(landelijk).get(URL, {"jaar": str(JAAR)})

    assert response.status_code == 200
    html = response.content.decode()
    assert response.context["keuze"].regio is None
    assert "alle regio&#x27;s" in html or "alle regio's" in html
    assert _cells(_row(html, "Zeeland"))[:2] == ["391.634", "20"]
    assert "Per regio" in html
    assert _client(landelijk).get(URL, ZEELAND).status_code == 200


@pytest.mark.parametrize("role", ["verwijzer", "brugfunctionaris"])
def test_referral_roles_are_forbidden(request, role):
    user = request.getfixturevalue(role)
    client = _client(user, two_factor=True)

    assert client.get(URL, ZEELAND).status_code == 403
    assert client.get(EXPORT, ZEELAND).status_code == 403
    assert client.get(URL).status_code == 403


def test_anonymous_is_sent_to_login():
    for url in (URL, EXPORT):
        response = Client().get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))


def test_unknown_division(regio_lid):
    assert _client(regio_lid).get(URL, {"indeling": "bestaat-niet"}).status_code == 404


def test_region_of_another_division_counts_as_no_choice(regio_lid, landelijk):
    """The form keeps the old region when only the division changes."""
    ggd = {"indeling": "ggd-regio-2022", "regio": "ZK27", "jaar": str(JAAR)}
    response = _client(landelijk).get(URL, ggd)
    assert response.status_code == 200
    assert response.context["keuze"].regio is None
    assert response.context["keuze"].indeling.naam == "ggd-regio-2022"

    own = _client(regio_lid).get(URL, {**ZEELAND, "regio": "ZK99"})
    assert own.status_code == 200
    assert own.context["keuze"].regio.code == "ZK27"


def test_member_without_region_in_a_division(regio_lid):
    response = _client(regio_lid).get(URL, {"indeling": "ggd-regio-2022"})

    assert response.status_code == 200
    assert "nog niet aan een regio" in response.content.decode()


def test_excel_export(zeeland_data, regio_lid):
    response = _client(regio_lid).get(EXPORT, ZEELAND)

    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert (
        "verwijsindicatoren-zorgkantoorregio-2025-ZK27-2025.xlsx"
        in (response["Content-Disposition"])
    )
    wb = load_workbook(BytesIO(response.content))
    assert "Per gemeente" in wb.sheetnames


def test_menu_link_only_for_indicator_roles(regio_lid, verwijzer):
    link = 'href="/monitor/verwijzen/"'
    assert link in _client(regio_lid).get("/").content.decode()
    assert link not in _client(verwijzer, two_factor=True).get("/").content.decode()
