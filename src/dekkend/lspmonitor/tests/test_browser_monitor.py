# SPDX-License-Identifier: EUPL-1.2
"""The issue's "Done when", in a real browser.

The landelijk user opens a 2026 round, builds its base list, adds and
reviews a new candidate with the afwegingskader, invites an LSP and a
coordinator and sends the links. The LSP respondent and the coordinator
answer through their links in their own browser contexts, without an
account: the LSP answers "Niet of nauwelijks" to question 5, so the skip
rule hides question 6; the coordinator picks "Anders, namelijk" at the role
question. The landelijk user closes the round; the round page's Table 2 and
the generated report (Table 2 and graph 2) show the two responses.
"""

import re
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.core import mail
from django.utils import timezone

import pytest
from django_otp.oath import totp
from playwright.sync_api import Browser, Page, expect

from dekkend.accounts.models import User
from dekkend.accounts.roles import role_group
from dekkend.accounts.testing import totp_device_create
from dekkend.lspmonitor.models import Respons
from dekkend.register.models import Steunpunt
from dekkend.register.tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("restore_session_data")]

WACHTWOORD = "geheim-wachtwoord-123"
NIEUW = "Herstelcafé De Kade"


def _code(page: Page, device: Any) -> None:
    """Enter the TOTP code when the page asks for it (at login, or before a
    page with personal data)."""
    if page.get_by_role("heading", level=1).inner_text() == "Code invullen":
        code = page.get_by_label("Code uit uw authenticator-app")
        code.fill(f"{totp(device.bin_key, step=device.step):06d}")
        code.press("Enter")
        expect(page.get_by_role("heading", level=1)).not_to_have_text("Code invullen")


def _login(page: Page, base: str, user: User) -> Any:
    device = totp_device_create(user)
    page.goto(f"{base}/account/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(user.username)
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_label("Wachtwoord").press("Enter")
    page.wait_for_load_state()
    _code(page, device)
    return device


def _actie(page: Page, label: str) -> None:
    page.get_by_role("button", name=label).click()
    page.wait_for_load_state()


def _link(base: str, email: str) -> str:
    """The link of the latest e-mail to `email`, on the live server (the
    e-mail carries the configured public address)."""
    for message in reversed(mail.outbox):
        if message.to == [email]:
            found = re.search(r"/monitor/lsp/vragenlijst/\S+/", message.body)
            assert found
            return base + found.group(0)
    raise AssertionError(f"no e-mail to {email}")


def _meer_responsen(n: int) -> None:
    from dekkend.lspmonitor import services
    from dekkend.lspmonitor.models import Ronde
    from dekkend.lspmonitor.questionnaire.definition import vragenlijst_get
    from dekkend.lspmonitor.synthetic import synthetische_antwoorden
    from dekkend.regions.models import Regio

    ronde = Ronde.objects.get(jaar=2026)
    vl = vragenlijst_get(ronde.vragenlijst_versie)
    zeeland = Regio.objects.get(indeling=ronde.indeling, code="zeeland")
    landelijk = User.objects.get(username="landelijk-browser")
    orgs = list(
        Steunpunt.objects.filter(
            aanbod__locatie__gemeente__regiogemeente__regio=zeeland
        )
        .values_list("aanbod__organisatie", flat=True)
        .distinct()
    )
    from dekkend.register.models import Organisatie

    for i in range(n):
        for rol, code in (("lsp", "lsp"), ("coordinator", "vng")):
            u = services.uitnodiging_create(
                user=landelijk,
                ronde=ronde,
                gegevens=services.UitnodigingGegevens(
                    rol=rol,
                    naam=f"Demo respondent {i:03d}",
                    email=f"extra-{rol}-{i}@example.invalid",
                    regio=zeeland,
                    organisatie=Organisatie.objects.get(pk=orgs[i % len(orgs)])
                    if rol == "lsp"
                    else None,
                ),
            )
            answers = synthetische_antwoorden(
                vl, rol_code=code, regio="zeeland", gemeente="GM0687", seed=i
            )
            services.respons_save(uitnodiging=u, antwoorden=answers)
            services.respons_submit(uitnodiging=u)


def _kies(page: Page, name: str, value: str) -> None:
    page.locator(f'input[name="{name}"][value="{value}"]').check()


def test_round_from_opening_to_report(
    live_register: Any, browser: Browser, page: Page
) -> None:
    base = live_register.url
    landelijk = UserFactory(username="landelijk-browser", email="l@example.nl")
    landelijk.groups.add(role_group("landelijk_monitor"))
    landelijk = User.objects.get(pk=landelijk.pk)
    sp = (
        Steunpunt.objects.filter(aanbod__locatie__gemeente__code="GM0687")
        .select_related("aanbod__organisatie")
        .first()
    )
    assert sp is not None
    organisatie = sp.aanbod.organisatie.naam
    today = timezone.localdate()

    # -- The landelijk user opens the 2026 round --------------------------
    device = _login(page, base, landelijk)
    page.goto(f"{base}/monitor/lsp/nieuw/")
    page.get_by_label("Jaar").fill("2026")
    page.get_by_label("Open op").fill(today.isoformat())
    page.get_by_label("Sluit op (laatste dag)").fill(
        (today + timedelta(days=21)).isoformat()
    )
    page.get_by_label("Tekst van de uitnodiging").fill("Doe mee aan de monitor 2026.")
    _actie(page, "Ronde aanmaken")
    expect(page.get_by_role("heading", level=1)).to_have_text("Monitorronde 2026")
    _actie(page, "Ronde openen")
    expect(page.locator("#ronde-status")).to_have_text("open")
    _actie(page, "Basislijst uit het register opbouwen")
    expect(page.get_by_role("status").or_(page.locator(".meldingen"))).to_contain_text(
        "locaties uit het register toegevoegd"
    )

    # -- A new candidate, reviewed with the afwegingskader ----------------
    page.goto(f"{base}/monitor/lsp/2026/basislijst/")
    page.get_by_label("Naam van de locatie").fill(NIEUW)
    page.get_by_label("Gemeente", exact=True).fill("Middelburg")
    _actie(page, "Toevoegen")
    expect(page.get_by_role("heading", level=1)).to_have_text(NIEUW)
    expect(page.locator("#besluit")).to_contain_text("nog niet beoordeeld")
    form = page.locator(
        "form", has=page.locator('input[name="rol"][value="programma"]')
    )
    for veld in (
        "online_vindbaar",
        "fysieke_locatie_open",
        "geen_hulpverlening",
        "mentale_gezondheid",
        "herstelaanbod_aanwezig",
        "laagdrempelig_toegankelijk",
    ):
        form.locator(f'input[name="programma-{veld}"][value="ja"]').check()
        form.locator(f'select[name="programma-{veld}_basis"]').select_option("online")
    form.get_by_role("button", name=re.compile("opslaan")).click()
    page.wait_for_load_state()
    expect(page.locator("#besluit")).to_contain_text("op de basislijst")

    # -- Invitations, sent ------------------------------------------------
    page.goto(f"{base}/monitor/lsp/2026/uitnodigingen/")
    # Respondents' names: the password alone is not enough for this page.
    expect(page.get_by_role("heading", level=1)).to_have_text("Code invullen")
    _code(page, device)
    expect(page).to_have_url(re.compile(r"/monitor/lsp/2026/uitnodigingen/$"))
    for rol, naam, email, org in (
        ("lsp", "LSP Respondent", "lsp@example.invalid", organisatie),
        ("coordinator", "Coördinator Zeeland", "coord@example.invalid", ""),
    ):
        page.get_by_label("Rol").select_option(rol)
        page.get_by_label("Naam", exact=True).fill(naam)
        page.get_by_label("E-mailadres").fill(email)
        page.get_by_label("Regio (code)").fill("zeeland")
        page.get_by_label("Organisatie (naam, voor een LSP)").fill(org)
        _actie(page, "Toevoegen")
    mail.outbox.clear()
    _actie(page, "Nog niet verstuurde uitnodigingen versturen")
    expect(page.locator(".meldingen")).to_contain_text("2 uitnodigingen verstuurd")
    expect(page.locator("#uitnodigingen")).to_contain_text("lsp@example.invalid")

    # -- The LSP respondent answers through the link ------------------------
    lsp = browser.new_context(locale="nl-NL").new_page()
    lsp.goto(_link(base, "lsp@example.invalid"))
    expect(lsp.get_by_role("heading", level=1)).to_contain_text("2026")
    lsp.locator('select[name="v_regio"]').select_option("zeeland")
    _kies(lsp, "v_rol", "lsp")
    _actie(lsp, "Opslaan en verder")
    expect(lsp.locator(".regio-lijst").first).to_contain_text(NIEUW)  # region list
    lsp.locator('textarea[name="v_lsp.3"], input[name="v_lsp.3"]').first.fill(
        organisatie
    )
    for cat, n in (("A", "0"), ("B", "0"), ("C", "1")):
        lsp.locator(f'input[name="v_lsp.4_{cat}"]').fill(n)
    _kies(lsp, "v_lsp.5", "niet")
    expect(lsp.locator("#v-lsp-6-vraag")).to_be_visible()
    _actie(lsp, "Opslaan")
    expect(lsp.get_by_text("Uw antwoorden zijn opgeslagen.")).to_be_visible()
    expect(lsp.locator("#v-lsp-6-vraag")).to_have_count(0)  # skip rule
    for name, value in (
        ("v_lsp.7", "vaak"),
        ("v_lsp.9", "af_en_toe"),
        ("v_lsp.14", "nee"),
        ("v_lsp.15", "nee"),
        ("v_lsp.16", "nee"),
    ):
        _kies(lsp, name, value)
    for name, value in (
        ("v_lsp.11", "breed"),
        ("v_lsp.13", "k2"),
        ("v_lsp.18", "kennen"),
    ):
        _kies(lsp, name, value)
    _actie(lsp, "Indienen")
    expect(lsp.get_by_role("heading", level=1)).to_have_text(
        "Bedankt voor het invullen"
    )

    # -- The coordinator answers, with "Anders, namelijk" ------------------
    coord = browser.new_context(locale="nl-NL").new_page()
    coord.goto(_link(base, "coord@example.invalid"))
    coord.locator('select[name="v_regio"]').select_option("zeeland")
    coord.locator('input[name="v_rol_anders"]').fill("Beleidsadviseur GGD")
    _kies(coord, "v_rol", "anders")
    _actie(coord, "Opslaan en verder")
    for name in ("v_coord.3", "v_coord.4", "v_coord.5"):
        _kies(coord, name, "nee")
    for sleutel in ("coord.6", "coord.7", "coord.13"):
        for radio in coord.locator(f'input[type="radio"][name^="v_{sleutel}_"]').all():
            group = radio.get_attribute("name")
            if not coord.locator(f'input[name="{group}"]:checked').count():
                radio.check()
    for name in ("v_coord.8", "v_coord.9", "v_coord.10", "v_coord.11"):
        _kies(coord, name, "tevreden")
    _kies(coord, "v_coord.14", "eens")
    _kies(coord, "v_coord.15", "visie")
    _actie(coord, "Indienen")
    expect(coord.get_by_role("heading", level=1)).to_have_text(
        "Bedankt voor het invullen"
    )
    assert Respons.objects.filter(ronde__jaar=2026, status="ingediend").count() == 2
    coord_respons = Respons.objects.get(uitnodiging__email="coord@example.invalid")
    assert coord_respons.rol == "coordinator"
    assert coord_respons.antwoorden["rol"]["anders"] == "Beleidsadviseur GGD"

    # Four more of each role answer (synthetic, through the services), so
    # that Zeeland passes the suppression threshold of 5 respondents.
    _meer_responsen(4)

    # -- The round closes; Table 2 and the report show the responses -------
    page.goto(f"{base}/monitor/lsp/2026/")
    _actie(page, "Ronde sluiten")
    expect(page.locator("#ronde-status")).to_have_text("gesloten")
    zeeland = page.locator('#respons-per-regio tr[data-regio="zeeland"]')
    expect(zeeland.locator("td").nth(0)).to_have_text("5")
    expect(zeeland.locator("td").nth(1)).to_have_text("5")
    lsp.goto(_link(base, "lsp@example.invalid"))
    expect(lsp.get_by_text("Deze link is verlopen")).to_be_visible()

    page.goto(f"{base}/monitor/lsp/2026/rapport.html")
    report = page.locator("body")
    expect(report).to_contain_text("Tabel 2. Verdeling van de ingevulde vragenlijsten")
    expect(report).to_contain_text("Grafiek 2. Samenwerking met andere laagdrempelige")
    table2 = page.locator("table", has_text="Tabel 2.")
    expect(table2.locator("tr", has_text="Zeeland")).to_contain_text("5")
    Path("/tmp/lspmonitor-rapport-2026.html").write_text(page.content())
    grafiek2 = page.locator("figure", has_text="Grafiek 2.")
    expect(grafiek2.locator("svg")).to_have_count(1)
    expect(grafiek2).to_contain_text("Niet of nauwelijks")
    assert "lsp@example.invalid" not in page.content()
    assert "LSP Respondent" not in page.content()
    pdf = page.request.get(f"{base}/monitor/lsp/2026/rapport.pdf", timeout=60_000)
    assert pdf.ok and pdf.body().startswith(b"%PDF")
    assert "lsp-monitor-2026.pdf" in pdf.headers["content-disposition"]
