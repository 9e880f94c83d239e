# SPDX-License-Identifier: EUPL-1.2
"""The werkagenda pages: document with editing and stale saves, goals,
milestones, parties, college decisions, status, downloads, import, history,
comparison, financing and the national overview."""

import io
from datetime import date

from django.test import Client
from django.utils import timezone

import pytest

from dekkend.regions.selectors import regio_gemeenten
from dekkend.werkagenda import services
from dekkend.werkagenda.constants import WerkagendaStatus
from dekkend.werkagenda.tests.factories import (
    landelijk_user,
    regio_user,
    werkagenda_create,
    zeeland,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def client_regio() -> tuple[Client, object]:
    user = regio_user()
    client = Client()
    client.force_login(user)
    return client, user


def _url(wa, rest: str = "") -> str:
    return f"/werkagenda/{wa.uuid}/{rest}"


def test_overview_creates_a_werkagenda(client_regio) -> None:
    client, _user = client_regio
    response = client.get("/werkagenda/")
    assert response.status_code == 200
    assert "Werkagenda Zeeland aanmaken" in response.content.decode()
    response = client.post("/werkagenda/", {"regio": str(zeeland().uuid)})
    assert response.status_code == 302
    wa = zeeland().werkagendas.get()
    assert response["Location"] == _url(wa)
    page = client.get("/werkagenda/").content.decode()
    assert "Colleges vastgesteld" in page and "0/13" in page
    assert "15 november 2026" in page


def test_document_shows_the_format_in_order_with_suggestions(client_regio) -> None:
    client, user = client_regio
    wa = werkagenda_create(user=user)
    page = client.get(_url(wa)).content.decode()
    koppen = [
        "1. Regionale preventie-infrastructuur",
        "2. Mentale gezondheid",
        "2a. Laagdrempelige steunpunten",
        "2b. Sociaal verwijzen",
        "6a. Multiproblematiek aanpak (NPLV)",
    ]
    posities = [page.index(k) for k in koppen]
    assert posities == sorted(posities)
    assert "Voorstel uit Dekkend" in page and "Gemeenten zonder LSP" in page
    assert 'name="revisie" value="0"' in page


def test_edit_and_stale_save(client_regio) -> None:
    client, user = client_regio
    wa = werkagenda_create(user=user)
    response = client.post(
        _url(wa, "sectie/"),
        {"adres": "2a.urgentie", "revisie": 0, "tekst": "Mijn tekst"},
    )
    assert response.status_code == 302
    other = regio_user(username="wa-ander")
    services.sectie_save(
        user=other, werkagenda=wa, adres="2a.urgentie", tekst="Hun tekst", revisie=1
    )
    response = client.post(
        _url(wa, "sectie/"), {"adres": "2a.urgentie", "revisie": 1, "tekst": "Nog een"}
    )
    assert response.status_code == 409
    page = response.content.decode()
    assert "intussen gewijzigd" in page
    assert "Hun tekst" in page and "Nog een" in page
    assert wa.secties.get(adres="2a.urgentie").tekst == "Hun tekst"


def test_goal_form_errors_name_section_and_field(client_regio) -> None:
    client, user = client_regio
    wa = werkagenda_create(user=user)
    data = {
        "sleutel": "2a",
        "doel-2a-onderdeel": "2a",
        "doel-2a-omschrijving": "Elke gemeente een LSP",
        "doel-2a-maatstaf": "",
        "doel-2a-uiterlijk": "",
        "doel-2a-verantwoordelijke": "Regio",
    }
    response = client.post(_url(wa, "doelstelling/"), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "foutsamenvatting" in page and "2a. Laagdrempelige steunpunten" in page
    data.update(
        {
            "doel-2a-maatstaf": "lsp.gemeenten_met_lsp",
            "doel-2a-uiterlijk": "2030-12-31",
            "doel-2a-streefwaarde": "13",
            "doel-2a-ingroeipad_2027": "10",
            "doel-2a-ingroeipad_2030": "13",
        }
    )
    response = client.post(_url(wa, "doelstelling/"), data)
    assert response.status_code == 302
    goal = wa.doelstellingen.get()
    assert [(r.jaar, r.waarde) for r in goal.ingroeipad.all()] == [
        (2027, 10),
        (2030, 13),
    ]


def test_milestone_outside_period_and_overdue(client_regio) -> None:
    client, user = client_regio
    wa = werkagenda_create(user=user)
    base = {
        "sleutel": "2a",
        "mijlpaal-2a-onderdeel": "2a",
        "mijlpaal-2a-activiteiten": "Kwartiermaker",
        "mijlpaal-2a-verantwoordelijke": "GGD",
        "mijlpaal-2a-status": "gepland",
    }
    response = client.post(
        _url(wa, "mijlpaal/"), {**base, "mijlpaal-2a-kwartaal": "2031-K1"}
    )
    assert response.status_code == 400
    assert "buiten de periode" in response.content.decode()
    response = client.post(
        _url(wa, "mijlpaal/"), {**base, "mijlpaal-2a-kwartaal": "2027-K1"}
    )
    assert response.status_code == 302
    # Seen from 2027-06: the first quarter is over and not done.
    from dekkend.werkagenda import selectors

    o = selectors.regio_overzicht(wa.regio, vandaag=date(2027, 6, 1))
    assert [m.kwartaal for m in o.te_laat] == ["2027-K1"]
    m = wa.mijlpalen.get()
    response = client.post(
        _url(wa, "mijlpaal/"),
        {"actie": "status", "mijlpaal": str(m.uuid), "status": "gereed"},
    )
    assert response.status_code == 302
    assert selectors.regio_overzicht(wa.regio, vandaag=date(2027, 6, 1)).te_laat == []


def test_partij_from_register(client_regio) -> None:
    from dekkend.register.models import Organisatie

    client, user = client_regio
    wa = werkagenda_create(user=user)
    org = Organisatie.objects.order_by("naam").first()
    response = client.post(
        _url(wa, "partij/"),
        {
            "sleutel": "2",
            "partij-2-onderdeel": "2",
            "partij-2-rol": "financier",
            "partij-2-organisatie": org.pk,
        },
    )
    assert response.status_code == 302
    from django.utils.html import escape

    assert escape(org.naam) in client.get(_url(wa)).content.decode()


def test_colleges_and_adoption(client_regio) -> None:
    client, user = client_regio
    wa = werkagenda_create(user=user)
    assert (
        client.post(_url(wa, "status/"), {"status": "vastgesteld"}).status_code == 400
    )
    client.post(_url(wa, "status/"), {"status": "ter_vaststelling"})
    vandaag = timezone.localdate().isoformat()
    for g in regio_gemeenten(regio=wa.regio):
        p = f"c-{g.code}"
        response = client.post(
            _url(wa, "colleges/"),
            {
                "prefix": p,
                f"{p}-gemeente": g.code,
                f"{p}-datum": vandaag,
                f"{p}-uitkomst": "vastgesteld",
            },
        )
        assert response.status_code == 302, response.content.decode()[:500]
    p = "c-GM0363"
    response = client.post(
        _url(wa, "colleges/"),
        {
            "prefix": p,
            f"{p}-gemeente": "GM0363",
            f"{p}-datum": vandaag,
            f"{p}-uitkomst": "vastgesteld",
        },
    )
    assert response.status_code == 400
    assert "Amsterdam hoort niet bij regio Zeeland" in response.content.decode()
    assert "13 van 13" in client.get(_url(wa, "colleges/")).content.decode()
    response = client.post(_url(wa, "status/"), {"status": "vastgesteld"})
    assert response.status_code == 302
    wa.refresh_from_db()
    assert wa.status == WerkagendaStatus.VASTGESTELD
    page = client.get(_url(wa)).content.decode()
    assert "<textarea" not in page.split('id="inhoud"')[1]
    response = client.post(
        _url(wa, "sectie/"), {"adres": "2a.urgentie", "revisie": 0, "tekst": "x"}
    )
    assert response.status_code == 400 and "vastgesteld" in response.content.decode()
    assert "Herziening maken" in page
    response = client.post(
        "/werkagenda/", {"regio": str(wa.regio.uuid), "herziening": str(wa.uuid)}
    )
    assert response.status_code == 302
    assert wa.herzieningen.get().versie == 2


def test_downloads(client_regio) -> None:
    client, user = client_regio
    wa = werkagenda_create(user=user)
    services.sectie_save(
        user=user,
        werkagenda=wa,
        adres="2a.urgentie",
        tekst="Zeeuwse urgentie",
        revisie=0,
    )
    docx = client.get(_url(wa, "download.docx"))
    assert docx.status_code == 200 and docx.content[:2] == b"PK"
    import docx as python_docx

    text = "\n".join(
        p.text for p in python_docx.Document(io.BytesIO(docx.content)).paragraphs
    )
    tables = python_docx.Document(io.BytesIO(docx.content)).tables
    cells = " ".join(c.text for t in tables for r in t.rows for c in r.cells)
    assert "Zeeuwse urgentie" in text + cells
    pdf = client.get(_url(wa, "download.pdf"))
    assert pdf.status_code == 200 and pdf.content[:4] == b"%PDF"
    assert client.get(_url(wa, "download.odt")).status_code == 404


def test_import_refuses_a_non_docx_and_writes_nothing(client_regio) -> None:
    client, user = client_regio
    wa = werkagenda_create(user=user)
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(
        _url(wa, "importeren/"),
        {"bestand": SimpleUploadedFile("plan.docx", b"geen docx")},
    )
    assert response.status_code == 400
    assert "geen leesbaar Word-document" in response.content.decode()
    assert wa.secties.count() == 0


def test_import_round_trip_through_the_page(client_regio) -> None:
    client, user = client_regio
    wa = werkagenda_create(user=user)
    services.sectie_save(
        user=user,
        werkagenda=wa,
        adres="2b.ambitie",
        tekst="Zestig per tienduizend.",
        revisie=0,
    )
    data = client.get(_url(wa, "download.docx")).content
    services.sectie_save(
        user=user, werkagenda=wa, adres="2b.ambitie", tekst="Anders", revisie=1
    )
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(
        _url(wa, "importeren/"), {"bestand": SimpleUploadedFile("w.docx", data)}
    )
    assert response.status_code == 200, response.content.decode()[:800]
    assert "Geïmporteerd" in response.content.decode()
    assert wa.secties.get(adres="2b.ambitie").tekst == "Zestig per tienduizend."


def test_history_and_compare(client_regio) -> None:
    client, user = client_regio
    wa = werkagenda_create(user=user)
    services.sectie_save(
        user=user, werkagenda=wa, adres="2a.urgentie", tekst="Een", revisie=0
    )
    page = client.get(_url(wa, "historie/")).content.decode()
    assert "2a. Laagdrempelige steunpunten, Urgentie" in page and "Een" in page
    services.werkagenda_status_change(
        user=user, werkagenda=wa, status="ter_vaststelling"
    )
    for g in regio_gemeenten(regio=wa.regio):
        services.collegebesluit_record(
            user=user,
            werkagenda=wa,
            gemeente=g,
            datum=timezone.localdate(),
            uitkomst="vastgesteld",
        )
    services.werkagenda_status_change(user=user, werkagenda=wa, status="vastgesteld")
    v2 = services.werkagenda_create(user=user, regio=wa.regio, herziening_van=wa)
    services.sectie_save(
        user=user, werkagenda=v2, adres="2a.urgentie", tekst="Twee", revisie=0
    )
    page = client.get(_url(v2, "vergelijk/")).content.decode()
    assert "1 veld verschilt." in page and "Een" in page and "Twee" in page


def test_financing_view(client_regio) -> None:
    client, user = client_regio
    wa = werkagenda_create(user=user)
    services.spuk_bedragen_load()
    codes = [g.code for g in regio_gemeenten(regio=wa.regio)]
    csv = "gemeentecode,aandeel\n" + "".join(
        f"{c},{'0.01' if i else str(round(0.01 - 0.01 * 13 + 1, 4))}\n"
        for i, c in enumerate(codes)
    )
    # Zeeland's gemeenten get 1 in total here: the region's share is 1.
    services.verdeelsleutel_load(naam="SPUK IZA", data=csv.encode())
    response = client.post(
        _url(wa, "financiering/"),
        {"actie": "plan", "onderdeel": "2a", "jaar": 2027, "bedrag": 250000},
    )
    assert response.status_code == 302
    page = client.get(_url(wa, "financiering/")).content.decode()
    assert "€ 231.000.000" in page and "004 §4" in page
    assert "€ 250.000" in page
    assert "€ 194.000.000" in page  # regional part at a share of 1


def test_landelijk_page_and_refusals(client_regio) -> None:
    client, user = client_regio
    werkagenda_create(user=user)
    assert client.get("/werkagenda/landelijk/").status_code == 403
    c = Client()
    c.force_login(landelijk_user())
    page = c.get("/werkagenda/landelijk/").content.decode()
    assert "Zeeland" in page and "ja (versie 1)" in page and "0/13" in page
    assert user.username not in page


@pytest.mark.parametrize(
    ("pad", "veld", "actie", "melding"),
    [
        ("doelstelling/", "doelstelling", "verwijderen", "Doelstelling niet gevonden."),
        ("mijlpaal/", "mijlpaal", "verwijderen", "Mijlpaal niet gevonden."),
        ("mijlpaal/", "mijlpaal", "status", "Mijlpaal niet gevonden."),
    ],
)
def test_unknown_or_malformed_row_is_refused_by_name(
    client_regio, pad: str, veld: str, actie: str, melding: str
) -> None:
    client, user = client_regio
    wa = werkagenda_create(user=user)
    for waarde in ("geen-uuid", "00000000-0000-0000-0000-000000000000"):
        response = client.post(_url(wa, pad), {"actie": actie, veld: waarde})
        assert response.status_code == 400
        assert melding in response.content.decode()
