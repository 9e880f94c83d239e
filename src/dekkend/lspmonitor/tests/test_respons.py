# SPDX-License-Identifier: EUPL-1.2
"""Responses: save and resume, one submission, what answers feed into the
base list and the location proposals."""

import pytest

from dekkend.lspmonitor import services
from dekkend.lspmonitor.constants import KandidaatBron, ResponsStatus
from dekkend.lspmonitor.models import Kandidaat, LocatieVoorstel
from dekkend.lspmonitor.questionnaire.definition import vragenlijst_get
from dekkend.lspmonitor.services.respons import ResponsFout
from dekkend.lspmonitor.synthetic import synthetische_antwoorden
from dekkend.lspmonitor.tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def landelijk():
    return f.landelijk()


@pytest.fixture
def ronde(landelijk):
    ronde = f.ronde_2026(landelijk)
    services.basislijst_build(user=landelijk, ronde=ronde)
    return ronde


@pytest.fixture
def vl(ronde):
    return vragenlijst_get(ronde.vragenlijst_versie)


def _lsp(vl, **vast):
    return synthetische_antwoorden(
        vl, rol_code="lsp", regio="zeeland", gemeente="GM0687", seed=1, vast=vast
    )


def test_save_partial_and_resume(landelijk, ronde):
    u = f.uitnodiging(landelijk, ronde)
    services.respons_save(uitnodiging=u, antwoorden={"regio": {"regio": "zeeland"}})
    services.respons_save(uitnodiging=u, antwoorden={"rol": {"keuze": "lsp"}})
    respons = services.respons_get_or_start(uitnodiging=u)
    assert respons.antwoorden == {
        "regio": {"regio": "zeeland"},
        "rol": {"keuze": "lsp"},
    }
    assert respons.status == ResponsStatus.CONCEPT


@pytest.mark.parametrize(
    ("antwoorden", "sleutel", "tekst"),
    [
        ({"rol": {"keuze": "astronaut"}}, "rol", "Vraag 2"),
        ({"lsp.4": {"A": "veel"}}, "lsp.4", "Vraag 4"),
        ({"lsp.3": 12}, "lsp.3", "Vraag 3"),
        ({"regio": {"regio": "atlantis"}}, "regio", "Vraag 1"),
        ({"bestaat.niet": "x"}, "bestaat.niet", "Onbekende vraag"),
    ],
)
def test_save_refuses_bad_answers_and_stores_nothing(
    landelijk, ronde, antwoorden, sleutel, tekst
):
    u = f.uitnodiging(landelijk, ronde)
    services.respons_save(uitnodiging=u, antwoorden={"regio": {"regio": "zeeland"}})
    with pytest.raises(ResponsFout) as exc:
        services.respons_save(uitnodiging=u, antwoorden=antwoorden)
    assert tekst in exc.value.fouten[sleutel]
    assert services.respons_get_or_start(uitnodiging=u).antwoorden == {
        "regio": {"regio": "zeeland"}
    }


def test_submit_needs_required_questions(landelijk, ronde):
    u = f.uitnodiging(landelijk, ronde)
    services.respons_save(
        uitnodiging=u,
        antwoorden={"regio": {"regio": "zeeland"}, "rol": {"keuze": "lsp"}},
    )
    with pytest.raises(ResponsFout) as exc:
        services.respons_submit(uitnodiging=u)
    assert "lsp.5" in exc.value.fouten and "verplicht" in exc.value.fouten["lsp.5"]
    assert "coord.3" not in exc.value.fouten  # the other part is not asked
    assert services.respons_get_or_start(uitnodiging=u).status == ResponsStatus.CONCEPT


def test_submit_once_then_read_only(landelijk, ronde, vl):
    u = f.uitnodiging(landelijk, ronde)
    services.respons_save(uitnodiging=u, antwoorden=_lsp(vl))
    respons = services.respons_submit(uitnodiging=u)
    assert respons.status == ResponsStatus.INGEDIEND and respons.ingediend_op
    assert respons.regio.code == "zeeland" and respons.rol == "lsp"
    with pytest.raises(Exception, match="al ingediend"):
        services.respons_submit(uitnodiging=u)
    with pytest.raises(Exception, match="al ingediend"):
        services.respons_save(uitnodiging=u, antwoorden={"lsp.19": "later"})


def test_skip_rule_drops_hidden_answer_on_submit(landelijk, ronde, vl):
    u = f.uitnodiging(landelijk, ronde)
    answers = _lsp(vl, **{"lsp.5": {"keuze": "niet"}})
    answers["lsp.6"] = {"keuzes": ["inspiratie"]}  # hidden: Q5 = niet
    services.respons_save(uitnodiging=u, antwoorden=answers)
    respons = services.respons_submit(uitnodiging=u)
    assert "lsp.6" not in respons.antwoorden


def test_coordinator_role_counts_as_coordinator(landelijk, ronde, vl):
    u = f.uitnodiging(
        landelijk, ronde, rol="coordinator", email="coord@example.invalid"
    )
    answers = synthetische_antwoorden(
        vl,
        rol_code="anders",
        regio="zeeland",
        gemeente="GM0687",
        seed=3,
        vast={"rol": {"keuze": "anders", "anders": "Beleidsadviseur"}},
    )
    services.respons_save(uitnodiging=u, antwoorden=answers)
    respons = services.respons_submit(uitnodiging=u)
    assert respons.rol == "coordinator"
    assert respons.antwoorden["rol"]["anders"] == "Beleidsadviseur"


def test_new_and_stopped_become_candidates(landelijk, ronde, vl):
    bestaand = ronde.kandidaten.filter(regio__code="zeeland").first()
    u = f.uitnodiging(landelijk, ronde)
    answers = _lsp(
        vl,
        **{
            "lsp.14": [
                {"naam": "Herstelcafé Veere", "gemeente": "Veere", "organisatie": "X"}
            ],
            "lsp.15": [{"naam": bestaand.naam, "gemeente": bestaand.gemeente.code}],
        },
    )
    services.respons_save(uitnodiging=u, antwoorden=answers)
    respons = services.respons_submit(uitnodiging=u)
    nieuw = Kandidaat.objects.get(ronde=ronde, naam="Herstelcafé Veere")
    assert nieuw.bron == KandidaatBron.ANTWOORD and nieuw.respons == respons
    assert nieuw.besluit == "open" and nieuw.regio.code == "zeeland"
    bestaand.refresh_from_db()
    assert bestaand.gemeld_gestopt and bestaand.besluit == "op_lijst"


def test_location_confirmation_becomes_a_proposal_and_is_accepted(landelijk, ronde, vl):
    sp = f.zeeland_steunpunt()
    u = f.uitnodiging(landelijk, ronde, organisatie=sp.aanbod.organisatie)
    respons = services.respons_get_or_start(uitnodiging=u)
    respons.antwoorden = _lsp(vl)
    respons.save()
    # The proposal as the questionnaire's own-locations answer gives it.
    from dekkend.lspmonitor.models import LocatieVoorstel as LV

    voorstel = LV.objects.create(
        respons=respons,
        locatie=sp.aanbod.locatie,
        steunpunt=sp,
        bevestigd=False,
        velden={
            "straat": "Markt",
            "huisnummer": "1",
            "dagdelen": ["1:ochtend", "3:middag"],
            "elementen": ["inloop"],
            "telefoon": "0113 123456",
            "email": "info@voorbeeld.nl",
            "website": "https://www.voorbeeld.nl",
        },
    )
    services.voorstel_accept(user=landelijk, voorstel=voorstel)
    sp.refresh_from_db()
    sp.aanbod.refresh_from_db()
    sp.aanbod.locatie.refresh_from_db()
    assert sp.aanbod.locatie.straat == "Markt"
    assert (sp.aanbod.telefoon, sp.aanbod.email, sp.aanbod.website) == (
        "0113 123456",
        "info@voorbeeld.nl",
        "https://www.voorbeeld.nl",
    )
    assert sp.dagdelen_per_week == 2 and sp.lsp_type == "klein"
    assert sp.element_inloop and not sp.element_groeivijver
    from dekkend.lspmonitor.selectors import gecontroleerd_op

    assert sp.pk in gecontroleerd_op(steunpunt_ids=[sp.pk])
    with pytest.raises(Exception, match="al beoordeeld"):
        services.voorstel_accept(user=landelijk, voorstel=voorstel)


def test_reject_needs_a_reason(landelijk, ronde):
    sp = f.zeeland_steunpunt()
    u = f.uitnodiging(landelijk, ronde, organisatie=sp.aanbod.organisatie)
    respons = services.respons_get_or_start(uitnodiging=u)
    voorstel = LocatieVoorstel.objects.create(
        respons=respons, locatie=sp.aanbod.locatie, steunpunt=sp, velden={"straat": "X"}
    )
    with pytest.raises(Exception, match="reden"):
        services.voorstel_reject(user=landelijk, voorstel=voorstel, reden=" ")
    services.voorstel_reject(user=landelijk, voorstel=voorstel, reden="Adres onbekend")
    voorstel.refresh_from_db()
    assert voorstel.status == "afgewezen"
    sp.aanbod.locatie.refresh_from_db()
    assert sp.aanbod.locatie.straat != "X"
