# SPDX-License-Identifier: EUPL-1.2
"""Services of the LSP monitor: every rule and refusal."""

from datetime import date, timedelta

from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

import pytest

from dekkend.audit.models import AuditEvent
from dekkend.lspmonitor import services
from dekkend.lspmonitor.constants import (
    REDEN_GESTOPT,
    Besluit,
    KandidaatBron,
    RondeStatus,
)
from dekkend.lspmonitor.models import BezoekersTelling, Kandidaat, Ronde
from dekkend.lspmonitor.services import KandidaatGegevens
from dekkend.lspmonitor.tests import factories as f
from dekkend.register import afwegingskader
from dekkend.register.models import Steunpunt

pytestmark = pytest.mark.django_db

ALL_YES = dict.fromkeys(afwegingskader.QUESTION_FIELDS, True)
BASIS = dict.fromkeys(afwegingskader.QUESTION_FIELDS, "online")


@pytest.fixture
def landelijk():
    return f.landelijk()


@pytest.fixture
def ronde(landelijk):
    return f.ronde_2026(landelijk)


# -- rounds -----------------------------------------------------------------


def test_ronde_create_defaults_and_audit(landelijk):
    ronde = f.ronde_2026(landelijk, open_=False)
    assert ronde.status == RondeStatus.VOORBEREIDING
    assert ronde.indeling.naam == "lsp-monitor-2025"
    assert ronde.vragenlijst_versie
    assert AuditEvent.objects.filter(event="ronde.created").exists()


def test_ronde_create_refused_for_others_and_bad_dates(landelijk):
    regio = f.regio_user(f.monitor_regio())
    with pytest.raises(PermissionDenied):
        services.ronde_create(
            user=regio, jaar=2030, open_op=date(2030, 1, 1), sluit_op=date(2030, 2, 1)
        )
    with pytest.raises(ValidationError) as exc:
        services.ronde_create(
            user=landelijk,
            jaar=2030,
            open_op=date(2030, 2, 1),
            sluit_op=date(2030, 1, 1),
        )
    assert "sluit_op" in exc.value.message_dict
    f.ronde_2026(landelijk, open_=False)
    with pytest.raises(ValidationError) as exc:
        f.ronde_2026(landelijk, open_=False)
    assert "jaar" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        services.ronde_create(
            user=landelijk,
            jaar=2031,
            open_op=date(2031, 1, 1),
            sluit_op=date(2031, 2, 1),
            vragenlijst_versie="1999",
        )
    assert "vragenlijst_versie" in exc.value.message_dict


def test_ronde_close_and_close_due(landelijk, ronde):
    with pytest.raises(ValidationError):
        services.ronde_open(user=landelijk, ronde=ronde)
    assert services.ronde_close_due(today=ronde.sluit_op) == []
    closed = services.ronde_close_due(today=ronde.sluit_op + timedelta(days=1))
    assert [r.pk for r in closed] == [ronde.pk]
    ronde.refresh_from_db()
    assert ronde.status == RondeStatus.GESLOTEN and ronde.gesloten_op
    with pytest.raises(ValidationError):
        services.ronde_close(user=landelijk, ronde=ronde)
    services.ronde_publish(user=landelijk, ronde=ronde)
    ronde.refresh_from_db()
    assert ronde.status == RondeStatus.GEPUBLICEERD


# -- base list ----------------------------------------------------------------


def test_basislijst_build_takes_the_register_once(landelijk, ronde):
    added = services.basislijst_build(user=landelijk, ronde=ronde)
    in_division = Steunpunt.objects.filter(
        aanbod__locatie__gemeente__regiogemeente__indeling=ronde.indeling
    ).count()
    assert added == in_division > 300
    assert services.basislijst_build(user=landelijk, ronde=ronde) == 0
    k = ronde.kandidaten.first()
    assert k.bron == KandidaatBron.REGISTER and k.besluit == Besluit.OP_LIJST
    assert k.regio is not None


def test_kandidaat_add_validates(landelijk, ronde):
    with pytest.raises(ValidationError) as exc:
        services.kandidaat_add(
            user=landelijk,
            ronde=ronde,
            gegevens=KandidaatGegevens(naam="", gemeente="X"),
        )
    assert set(exc.value.message_dict) == {"naam", "gemeente"}
    k = services.kandidaat_add(
        user=landelijk,
        ronde=ronde,
        gegevens=KandidaatGegevens(naam="Herstelhuis Noord", gemeente="Middelburg"),
    )
    assert k.bron == KandidaatBron.HANDMATIG and k.besluit == Besluit.OPEN
    assert k.gemeente.code == "GM0687" and k.regio.code == "zeeland"
    by_code = services.kandidaat_add(
        user=landelijk,
        ronde=ronde,
        gegevens=KandidaatGegevens(naam="Herstelhuis Zuid", gemeente="0687"),
    )
    assert by_code.gemeente.code == "GM0687"


def test_kandidaat_add_refused_when_closed(landelijk, ronde):
    services.ronde_close(user=landelijk, ronde=ronde)
    ronde.refresh_from_db()
    with pytest.raises(ValidationError):
        services.kandidaat_add(
            user=landelijk,
            ronde=ronde,
            gegevens=KandidaatGegevens(naam="Te laat", gemeente="GM0687"),
        )


def test_csv_import_writes_all_rows(landelijk, ronde):
    text = (
        "naam;organisatie;gemeente;adres;website\n"
        "Inloop De Brug;MIND;GM0687;Markt 1;https://brug.example\n"
        "Herstelcafé;NVZH;Vlissingen;;\n"
    )
    created = services.kandidaten_import_csv(
        user=landelijk, ronde=ronde, inhoud=text.encode(), bron_naam="MIND-Atlas"
    )
    assert [k.naam for k in created] == ["Inloop De Brug", "Herstelcafé"]
    assert all(k.bron == KandidaatBron.CSV for k in created)
    assert created[0].adres == "Markt 1" and created[1].gemeente.code == "GM0718"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("naam,gemeente\nA,GM0687\n", "Kolom ontbreekt: organisatie"),
        ("naam,organisatie,gemeente\n,Org,GM0687\n", "Rij 2, veld 'naam'"),
        ("naam,organisatie,gemeente\nA,Org,Atlantis\n", "Rij 2, veld 'gemeente'"),
        (
            "naam,organisatie,gemeente\nA,Org,GM0687\nB,Org,\n",
            "Rij 3, veld 'gemeente'",
        ),
        ("naam,organisatie,gemeente\n", "geen rijen"),
    ],
)
def test_csv_import_errors_write_nothing(landelijk, ronde, text, expected):
    before = Kandidaat.objects.count()
    with pytest.raises(ValidationError) as exc:
        services.kandidaten_import_csv(user=landelijk, ronde=ronde, inhoud=text)
    assert expected in " ".join(exc.value.messages)
    assert Kandidaat.objects.count() == before


def test_csv_import_refuses_non_utf8(landelijk, ronde):
    with pytest.raises(ValidationError) as exc:
        services.kandidaten_import_csv(
            user=landelijk,
            ronde=ronde,
            inhoud="naam;organisatie;gemeente\nCafé;X;GM0687".encode("latin-1"),
        )
    assert "UTF-8" in " ".join(exc.value.messages)


# -- afwegingskader -----------------------------------------------------------


@pytest.fixture
def kandidaat(landelijk, ronde):
    return services.kandidaat_add(
        user=landelijk,
        ronde=ronde,
        gegevens=KandidaatGegevens(naam="Nieuw LSP", gemeente="GM0687"),
    )


def test_all_yes_puts_on_list(landelijk, kandidaat):
    services.beoordeling_record(
        user=landelijk,
        kandidaat=kandidaat,
        rol="programma",
        antwoorden=ALL_YES,
        basis=BASIS,
    )
    kandidaat.refresh_from_db()
    assert kandidaat.besluit == Besluit.OP_LIJST and kandidaat.reden == ""


def test_first_failed_question_is_the_reason(landelijk, kandidaat):
    answers = {**ALL_YES, "mentale_gezondheid": False, "herstelaanbod_aanwezig": False}
    services.beoordeling_record(
        user=landelijk,
        kandidaat=kandidaat,
        rol="programma",
        antwoorden=answers,
        basis=BASIS,
    )
    kandidaat.refresh_from_db()
    assert kandidaat.besluit == Besluit.AF
    assert kandidaat.reden == "mentale_gezondheid"


def test_incomplete_review_stays_open(landelijk, kandidaat):
    services.beoordeling_record(
        user=landelijk,
        kandidaat=kandidaat,
        rol="programma",
        antwoorden={"online_vindbaar": True},
        basis={"online_vindbaar": "telefonisch"},
    )
    kandidaat.refresh_from_db()
    assert kandidaat.besluit == Besluit.OPEN


def test_two_reviewers_disagree(landelijk, kandidaat):
    services.beoordeling_record(
        user=landelijk,
        kandidaat=kandidaat,
        rol="programma",
        antwoorden=ALL_YES,
        basis=BASIS,
    )
    services.beoordeling_record(
        user=landelijk,
        kandidaat=kandidaat,
        rol="nvzh",
        antwoorden={**ALL_YES, "geen_hulpverlening": False},
        basis=BASIS,
        toelichtingen={"geen_hulpverlening": "Is een behandelaanbod."},
    )
    kandidaat.refresh_from_db()
    assert kandidaat.besluit == Besluit.AF and kandidaat.reden == "geen_hulpverlening"
    verschil = services.beoordeling_verschillen(list(kandidaat.beoordelingen.all()))
    assert verschil == ["geen_hulpverlening"]
    # The same reviewer role replaces its own review, and the decision follows.
    services.beoordeling_record(
        user=landelijk, kandidaat=kandidaat, rol="nvzh", antwoorden=ALL_YES, basis=BASIS
    )
    kandidaat.refresh_from_db()
    assert kandidaat.besluit == Besluit.OP_LIJST
    assert kandidaat.beoordelingen.count() == 2


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"rol": "buurman", "antwoorden": ALL_YES, "basis": BASIS}, "rol"),
        ({"rol": "nvzh", "antwoorden": {"bestaat_niet": True}}, "antwoorden"),
        (
            {
                "rol": "nvzh",
                "antwoorden": {"online_vindbaar": "ja"},
                "basis": {"online_vindbaar": "online"},
            },
            "online_vindbaar",
        ),
        (
            {"rol": "nvzh", "antwoorden": {"online_vindbaar": True}},
            "online_vindbaar_basis",
        ),
        (
            {
                "rol": "nvzh",
                "antwoorden": {"online_vindbaar": True},
                "basis": {"online_vindbaar": "post"},
            },
            "online_vindbaar_basis",
        ),
    ],
)
def test_review_refusals(landelijk, kandidaat, kwargs, field):
    with pytest.raises(ValidationError) as exc:
        services.beoordeling_record(user=landelijk, kandidaat=kandidaat, **kwargs)
    assert field in exc.value.message_dict
    assert not kandidaat.beoordelingen.exists()


def test_review_refused_for_regio(kandidaat):
    with pytest.raises(PermissionDenied):
        services.beoordeling_record(
            user=f.regio_user(f.monitor_regio()),
            kandidaat=kandidaat,
            rol="programma",
            antwoorden=ALL_YES,
            basis=BASIS,
        )


def test_mark_gestopt_and_undo(landelijk, ronde):
    services.basislijst_build(user=landelijk, ronde=ronde)
    k = ronde.kandidaten.first()
    services.kandidaat_mark_gestopt(user=landelijk, kandidaat=k)
    k.refresh_from_db()
    assert (k.besluit, k.reden) == (Besluit.AF, REDEN_GESTOPT)
    services.kandidaat_mark_gestopt(user=landelijk, kandidaat=k, gestopt=False)
    k.refresh_from_db()
    assert (k.besluit, k.reden) == (Besluit.OP_LIJST, "")


# -- invitations and tokens ---------------------------------------------------


def test_invitation_validation(landelijk, ronde):
    with pytest.raises(ValidationError) as exc:
        services.uitnodiging_create(
            user=landelijk,
            ronde=ronde,
            gegevens=services.UitnodigingGegevens(
                rol="coordinator", naam="", email="geen-adres"
            ),
        )
    assert set(exc.value.message_dict) == {"naam", "email", "regio"}
    f.uitnodiging(landelijk, ronde)
    with pytest.raises(ValidationError) as exc:
        f.uitnodiging(landelijk, ronde)
    assert "email" in exc.value.message_dict


def test_send_stores_only_the_hash_and_mails_the_link(landelijk, ronde):
    u = f.uitnodiging(landelijk, ronde)
    mail.outbox.clear()
    with pytest.raises(ValidationError):  # nothing is sent before the round opens
        services.uitnodigingen_send(
            user=landelijk, ronde=f.ronde_2026(landelijk, open_=False, jaar=2027)
        )
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        assert services.uitnodigingen_send(user=landelijk, ronde=ronde) == 1
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    token = body.split("/monitor/lsp/vragenlijst/")[1].split("/")[0]
    assert len(token) >= 43
    u.refresh_from_db()
    from dekkend.lspmonitor.tokens import token_hash

    assert u.token_hash == token_hash(token) and token not in u.token_hash
    assert u.verstuurd_op is not None
    assert services.uitnodiging_by_token(token=token).pk == u.pk
    # Sent once: a second run sends nothing new.
    assert services.uitnodigingen_send(user=landelijk, ronde=ronde) == 0


def _send_one(landelijk, ronde, **kwargs):
    from django.test import TestCase

    u = f.uitnodiging(landelijk, ronde, **kwargs)
    mail.outbox.clear()
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.uitnodigingen_send(user=landelijk, ronde=ronde, uitnodigingen=[u])
    token = mail.outbox[-1].body.split("/monitor/lsp/vragenlijst/")[1].split("/")[0]
    return u, token


def test_token_revoke_and_expiry(landelijk, ronde):
    u, token = _send_one(landelijk, ronde)
    with pytest.raises(services.TokenOngeldig) as exc:
        services.uitnodiging_by_token(token=token[:-2] + "xx")
    assert exc.value.status == 404
    with pytest.raises(services.TokenOngeldig) as exc:
        services.uitnodiging_by_token(
            token=token, today=ronde.sluit_op + timedelta(days=1)
        )
    assert exc.value.status == 410
    ronde.refresh_from_db()
    assert ronde.status == RondeStatus.GESLOTEN  # closed automatically on access


def test_revoked_token_is_gone(landelijk, ronde):
    u, token = _send_one(landelijk, ronde)
    services.uitnodiging_revoke(user=landelijk, uitnodiging=u)
    with pytest.raises(services.TokenOngeldig) as exc:
        services.uitnodiging_by_token(token=token)
    assert (exc.value.status, exc.value.reden) == (410, "ingetrokken")


def test_reminder_gives_a_fresh_link_and_skips_the_revoked(landelijk, ronde):
    from django.test import TestCase

    u, token = _send_one(landelijk, ronde)
    gone, _t = _send_one(landelijk, ronde, email="ander@example.invalid")
    services.uitnodiging_revoke(user=landelijk, uitnodiging=gone)
    mail.outbox.clear()
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert services.uitnodigingen_remind(user=landelijk, ronde=ronde) == 1
    assert mail.outbox[0].to == [u.email]
    assert "Herinnering" in mail.outbox[0].subject
    new = mail.outbox[0].body.split("/monitor/lsp/vragenlijst/")[1].split("/")[0]
    assert new != token
    with pytest.raises(services.TokenOngeldig):
        services.uitnodiging_by_token(token=token)
    assert services.uitnodiging_by_token(token=new).pk == u.pk


def test_bulk_invites_coordinators_and_organisations(landelijk, ronde):
    services.basislijst_build(user=landelijk, ronde=ronde)
    sp = f.zeeland_steunpunt()
    org = sp.aanbod.organisatie
    org.email = "info@lsp.example.invalid"
    org.save()
    f.regio_user(f.monitor_regio())
    created = services.uitnodigingen_create_bulk(user=landelijk, ronde=ronde)
    assert created >= 2
    assert ronde.uitnodigingen.filter(rol="coordinator", regio__code="zeeland").exists()
    assert ronde.uitnodigingen.filter(rol="lsp", organisatie=org).exists()
    assert services.uitnodigingen_create_bulk(user=landelijk, ronde=ronde) == 0


# -- visitor tally ----------------------------------------------------------


def test_tally_own_organisation_only():
    sp = f.zeeland_steunpunt()
    staff = f.lsp_user(sp.aanbod.organisatie)
    today = timezone.localdate()
    services.bezoekers_telling_record(
        user=staff, steunpunt=sp, datum=today, dagdeel="ochtend", aantal=12
    )
    services.bezoekers_telling_record(
        user=staff, steunpunt=sp, datum=today, dagdeel="ochtend", aantal=14
    )
    assert BezoekersTelling.objects.get(steunpunt=sp).aantal == 14
    other = Steunpunt.objects.exclude(aanbod__organisatie=sp.aanbod.organisatie).first()
    with pytest.raises(PermissionDenied):
        services.bezoekers_telling_record(
            user=staff, steunpunt=other, datum=today, dagdeel="ochtend", aantal=1
        )
    for kwargs, field in (
        ({"aantal": -1, "dagdeel": "ochtend", "datum": today}, "aantal"),
        ({"aantal": 1, "dagdeel": "nacht", "datum": today}, "dagdeel"),
        (
            {"aantal": 1, "dagdeel": "avond", "datum": today + timedelta(days=1)},
            "datum",
        ),
    ):
        with pytest.raises(ValidationError) as exc:
            services.bezoekers_telling_record(user=staff, steunpunt=sp, **kwargs)
        assert field in exc.value.message_dict
    with pytest.raises(PermissionDenied):
        services.bezoekers_telling_record(
            user=f.landelijk("lm2"),
            steunpunt=sp,
            datum=today,
            dagdeel="avond",
            aantal=1,
        )


def test_ronde_model_refuses_close_before_open():
    from django.db import IntegrityError, transaction

    ronde = Ronde(
        jaar=2040,
        open_op=date(2040, 2, 1),
        sluit_op=date(2040, 1, 1),
        peildatum=date(2040, 1, 1),
        vragenlijst_versie="2025",
        indeling=f.monitor_regio().indeling,
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        ronde.save()
