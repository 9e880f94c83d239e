# SPDX-License-Identifier: EUPL-1.2
"""Every rule and refusal of the werkagenda services."""

from datetime import date, timedelta
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils import timezone

import pytest

from dekkend.audit.models import AuditEvent
from dekkend.coverage.models import AnalysisRun
from dekkend.importing import ImportFout
from dekkend.regions.models import Gemeente
from dekkend.regions.selectors import regio_gemeenten
from dekkend.werkagenda import services
from dekkend.werkagenda.constants import (
    CollegeUitkomst,
    MijlpaalStatus,
    PartijRol,
    PrefillStatus,
    WerkagendaStatus,
)
from dekkend.werkagenda.models import (
    Bevriezing,
    Prefill,
    Sectie,
    SectieWijziging,
    Verdeelsleutel,
    Werkagenda,
)
from dekkend.werkagenda.tests.factories import regio_user, werkagenda_create, zeeland

pytestmark = pytest.mark.django_db


def _goal(wa: Werkagenda, user, **kw):
    values = {
        "onderdeel": "2a",
        "omschrijving": "Elke gemeente heeft een LSP.",
        "maatstaf": "lsp.gemeenten_met_lsp",
        "streefwaarde": 13,
        "uiterlijk": date(2030, 12, 31),
        "verantwoordelijke": "Mandaatgemeente Middelburg",
        "ingroeipad": [(2027, 10), (2028, 11), (2029, 12), (2030, 13)],
    }
    values.update(kw)
    return services.doelstelling_save(user=user, werkagenda=wa, **values)


def _adopt_all(wa: Werkagenda, user) -> None:
    services.werkagenda_status_change(
        user=user, werkagenda=wa, status=WerkagendaStatus.TER_VASTSTELLING
    )
    for g in regio_gemeenten(regio=wa.regio):
        services.collegebesluit_record(
            user=user,
            werkagenda=wa,
            gemeente=g,
            datum=timezone.localdate(),
            uitkomst=CollegeUitkomst.VASTGESTELD,
            kenmerk=f"B-{g.code}",
        )


def test_create_follows_latest_format_and_stores_a_run() -> None:
    before = AnalysisRun.objects.count()
    wa = werkagenda_create()
    assert (wa.versie, wa.status, wa.periode_van, wa.periode_tot) == (
        1,
        WerkagendaStatus.CONCEPT,
        2027,
        2030,
    )
    assert wa.format_versie == "2026-04-20"
    assert AnalysisRun.objects.count() == before + 1
    assert AuditEvent.objects.filter(event="werkagenda.created").exists()


def test_second_werkagenda_while_one_is_open_is_refused() -> None:
    user = regio_user()
    werkagenda_create(user=user)
    with pytest.raises(ValidationError, match="al een werkagenda"):
        services.werkagenda_create(user=user, regio=zeeland())


def test_sectie_save_keeps_history_and_increments_revision() -> None:
    user = regio_user()
    wa = werkagenda_create(user=user)
    s1 = services.sectie_save(
        user=user, werkagenda=wa, adres="2a.urgentie", tekst="Eerste", revisie=0
    )
    s2 = services.sectie_save(
        user=user, werkagenda=wa, adres="2a.urgentie", tekst="Tweede", revisie=1
    )
    assert (s1.pk, s2.revisie, s2.tekst) == (s2.pk, 2, "Tweede")
    history = list(SectieWijziging.objects.filter(sectie=s2).order_by("revisie"))
    assert [(h.oude_tekst, h.nieuwe_tekst) for h in history] == [
        ("", "Eerste"),
        ("Eerste", "Tweede"),
    ]
    assert all(h.gewijzigd_door == user for h in history)


def test_stale_save_is_refused_with_both_texts() -> None:
    user = regio_user()
    other = regio_user(username="wa-collega", first_name="Collega")
    wa = werkagenda_create(user=user)
    services.sectie_save(
        user=other, werkagenda=wa, adres="2a.urgentie", tekst="Hun", revisie=0
    )
    with pytest.raises(services.VerouderdeOpslag) as exc:
        services.sectie_save(
            user=user, werkagenda=wa, adres="2a.urgentie", tekst="Mijn", revisie=0
        )
    err = exc.value
    assert (err.hun_tekst, err.uw_tekst, err.revisie) == ("Hun", "Mijn", 1)
    assert "Urgentie" in err.melding and "Collega" in err.melding
    assert "2a. Laagdrempelige steunpunten" in err.label
    assert Sectie.objects.get(werkagenda=wa, adres="2a.urgentie").tekst == "Hun"


def test_unknown_field_is_refused() -> None:
    user = regio_user()
    wa = werkagenda_create(user=user)
    with pytest.raises(ValidationError) as exc:
        services.sectie_save(
            user=user, werkagenda=wa, adres="9z.iets", tekst="x", revisie=0
        )
    assert "adres" in exc.value.message_dict


def test_goal_needs_measure_and_date_within_period() -> None:
    user = regio_user()
    wa = werkagenda_create(user=user)
    with pytest.raises(ValidationError) as exc:
        _goal(wa, user, maatstaf="", maatstaf_label="", uiterlijk=None)
    assert set(exc.value.message_dict) == {"maatstaf", "uiterlijk"}
    assert "2a. Laagdrempelige steunpunten" in exc.value.message_dict["maatstaf"][0]
    with pytest.raises(ValidationError) as exc:
        _goal(wa, user, uiterlijk=date(2031, 1, 1))
    assert "buiten de periode 2027–2030" in exc.value.message_dict["uiterlijk"][0]
    with pytest.raises(ValidationError) as exc:
        _goal(wa, user, ingroeipad=[(2026, 9)])
    assert "ingroeipad" in exc.value.message_dict
    with pytest.raises(ValidationError):
        _goal(wa, user, onderdeel="2")  # a leefgebied has no goals
    assert wa.doelstellingen.count() == 0


def test_goal_with_free_measure_and_its_realisation() -> None:
    user = regio_user()
    wa = werkagenda_create(user=user)
    goal = _goal(
        wa,
        user,
        onderdeel="5a",
        maatstaf="",
        maatstaf_label="Deelnemers In Balans",
        ingroeipad=[(2027, 500)],
    )
    assert goal.maatstaf_label == "Deelnemers In Balans"
    services.doel_realisatie_record(
        user=user, doelstelling=goal, jaar=2027, waarde=520, bron="GGD-monitor"
    )
    assert goal.realisaties.get().waarde == 520
    with pytest.raises(ValidationError, match="bron"):
        services.doel_realisatie_record(
            user=user, doelstelling=goal, jaar=2027, waarde=1, bron=""
        )
    computed = _goal(wa, user)
    with pytest.raises(ValidationError):
        services.doel_realisatie_record(
            user=user, doelstelling=computed, jaar=2027, waarde=1, bron="x"
        )


def test_goal_saves_ingroeipad_and_can_be_edited() -> None:
    user = regio_user()
    wa = werkagenda_create(user=user)
    goal = _goal(wa, user)
    assert [(r.jaar, r.waarde) for r in goal.ingroeipad.all()] == [
        (2027, 10),
        (2028, 11),
        (2029, 12),
        (2030, 13),
    ]
    assert goal.eenheid == "gemeenten"
    _goal(wa, user, doelstelling=goal, ingroeipad=[(2030, 13)])
    assert goal.ingroeipad.count() == 1
    services.doelstelling_delete(user=user, doelstelling=goal)
    assert wa.doelstellingen.count() == 0


def test_milestone_quarter_within_period() -> None:
    user = regio_user()
    wa = werkagenda_create(user=user)
    kw = {
        "user": user,
        "werkagenda": wa,
        "onderdeel": "2a",
        "activiteiten": "Kwartiermaker aanstellen",
        "verantwoordelijke": "GGD Zeeland",
    }
    m = services.mijlpaal_save(kwartaal="2027-K2", **kw)
    assert m.status == MijlpaalStatus.GEPLAND
    for bad in ("2031-K1", "2026-K4", "2027-Q1", "2027-K5"):
        with pytest.raises(ValidationError) as exc:
            services.mijlpaal_save(kwartaal=bad, **kw)
        assert "kwartaal" in exc.value.message_dict
        assert "mijlpalenplanning" in exc.value.message_dict["kwartaal"][0]
    assert wa.mijlpalen.count() == 1


def test_partij_from_register_or_typed() -> None:
    from dekkend.register.models import Organisatie

    user = regio_user()
    wa = werkagenda_create(user=user)
    org = Organisatie.objects.first()
    p1 = services.partij_save(
        user=user,
        werkagenda=wa,
        onderdeel="2",
        rol=PartijRol.FINANCIER,
        organisatie=org,
    )
    p2 = services.partij_save(
        user=user,
        werkagenda=wa,
        onderdeel="2",
        rol=PartijRol.UITVOERINGSPARTIJ,
        naam="CZ",
    )
    assert (p1.weergave, p2.weergave) == (org.naam, "CZ")
    with pytest.raises(ValidationError) as exc:
        services.partij_save(user=user, werkagenda=wa, onderdeel="2", rol="financier")
    assert "naam" in exc.value.message_dict
    with pytest.raises(ValidationError):
        services.partij_save(
            user=user, werkagenda=wa, onderdeel="2a", rol="financier", naam="X"
        )


def test_college_decision_for_gemeente_outside_region_is_refused() -> None:
    user = regio_user()
    wa = werkagenda_create(user=user)
    amsterdam = Gemeente.objects.get(code="GM0363")
    with pytest.raises(ValidationError) as exc:
        services.collegebesluit_record(
            user=user,
            werkagenda=wa,
            gemeente=amsterdam,
            datum=timezone.localdate(),
            uitkomst=CollegeUitkomst.VASTGESTELD,
        )
    assert "gemeente" in exc.value.message_dict
    assert "Amsterdam" in exc.value.message_dict["gemeente"][0]
    with pytest.raises(ValidationError) as exc:
        services.collegebesluit_record(
            user=user,
            werkagenda=wa,
            gemeente=Gemeente.objects.get(code="GM0687"),
            datum=timezone.localdate() + timedelta(days=1),
            uitkomst=CollegeUitkomst.VASTGESTELD,
        )
    assert "datum" in exc.value.message_dict
    assert wa.collegebesluiten.count() == 0


def test_status_transitions_follow_the_table() -> None:
    user = regio_user()
    wa = werkagenda_create(user=user)
    with pytest.raises(ValidationError, match="kan niet"):
        services.werkagenda_status_change(
            user=user, werkagenda=wa, status=WerkagendaStatus.VASTGESTELD
        )
    services.werkagenda_status_change(
        user=user, werkagenda=wa, status=WerkagendaStatus.TER_VASTSTELLING
    )
    services.werkagenda_status_change(
        user=user, werkagenda=wa, status=WerkagendaStatus.CONCEPT
    )
    wa.refresh_from_db()
    assert wa.status == WerkagendaStatus.CONCEPT


def test_adoption_needs_every_college() -> None:
    user = regio_user()
    wa = werkagenda_create(user=user)
    _adopt_all(wa, user)
    laatste = wa.collegebesluiten.order_by("gemeente__naam").last()
    services.collegebesluit_record(
        user=user,
        werkagenda=wa,
        gemeente=laatste.gemeente,
        datum=timezone.localdate(),
        uitkomst=CollegeUitkomst.AANGEHOUDEN,
    )
    with pytest.raises(ValidationError) as exc:
        services.werkagenda_status_change(
            user=user, werkagenda=wa, status=WerkagendaStatus.VASTGESTELD
        )
    assert laatste.gemeente.naam in exc.value.message_dict["status"][0]
    assert not Bevriezing.objects.filter(werkagenda=wa).exists()
    services.collegebesluit_record(
        user=user,
        werkagenda=wa,
        gemeente=laatste.gemeente,
        datum=timezone.localdate(),
        uitkomst=CollegeUitkomst.VASTGESTELD,
    )
    assert wa.collegebesluiten.count() == 13
    services.werkagenda_status_change(
        user=user, werkagenda=wa, status=WerkagendaStatus.VASTGESTELD
    )
    wa.refresh_from_db()
    assert wa.status == WerkagendaStatus.VASTGESTELD
    assert wa.vastgesteld_op == timezone.localdate()


def test_adopted_werkagenda_is_immutable_and_frozen() -> None:
    user = regio_user()
    wa = werkagenda_create(user=user)
    goal = _goal(wa, user)
    m = services.mijlpaal_save(
        user=user,
        werkagenda=wa,
        onderdeel="2a",
        kwartaal="2027-K1",
        activiteiten="Start",
        verantwoordelijke="GGD",
    )
    _adopt_all(wa, user)
    services.werkagenda_status_change(
        user=user, werkagenda=wa, status=WerkagendaStatus.VASTGESTELD
    )
    bevriezing = Bevriezing.objects.get(werkagenda=wa)
    assert "2a.situatie" in bevriezing.gegevens["suggesties"]
    assert "run" in bevriezing.gegevens["suggesties"]["2a.situatie"]["bron"]
    assert str(goal.uuid) in bevriezing.gegevens["doelstellingen"]
    refusals = [
        lambda: services.sectie_save(
            user=user, werkagenda=wa, adres="2a.urgentie", tekst="x", revisie=0
        ),
        lambda: _goal(wa, user),
        lambda: services.doelstelling_delete(user=user, doelstelling=goal),
        lambda: services.mijlpaal_save(
            user=user,
            werkagenda=wa,
            onderdeel="2a",
            kwartaal="2027-K1",
            activiteiten="x",
            verantwoordelijke="x",
        ),
        lambda: services.partij_save(
            user=user, werkagenda=wa, onderdeel="2", rol="financier", naam="X"
        ),
        lambda: services.collegebesluit_record(
            user=user,
            werkagenda=wa,
            gemeente=Gemeente.objects.get(code="GM0687"),
            datum=timezone.localdate(),
            uitkomst=CollegeUitkomst.AFGEWEZEN,
        ),
        lambda: services.prefill_accept(
            user=user, werkagenda=wa, adres="2a.situatie", revisie=0
        ),
        lambda: services.financieel_plan_save(
            user=user, werkagenda=wa, onderdeel="2a", jaar=2027, bedrag=Decimal(1)
        ),
    ]
    for refuse in refusals:
        with pytest.raises(services.WerkagendaVastgesteld):
            refuse()
    # Progress is still recorded on the adopted version.
    services.mijlpaal_status_set(user=user, mijlpaal=m, status=MijlpaalStatus.GEREED)
    m.refresh_from_db()
    assert m.status == MijlpaalStatus.GEREED


def test_vws_submission_only_after_adoption() -> None:
    user = regio_user()
    wa = werkagenda_create(user=user)
    with pytest.raises(ValidationError):
        services.vws_submission_record(
            user=user, werkagenda=wa, datum=timezone.localdate()
        )
    _adopt_all(wa, user)
    services.werkagenda_status_change(
        user=user, werkagenda=wa, status=WerkagendaStatus.VASTGESTELD
    )
    services.vws_submission_record(user=user, werkagenda=wa, datum=timezone.localdate())
    wa.refresh_from_db()
    assert wa.ingediend_bij_vws_op == timezone.localdate()


def test_herziening_copies_the_adopted_version() -> None:
    user = regio_user()
    wa = werkagenda_create(user=user)
    services.sectie_save(
        user=user, werkagenda=wa, adres="2a.urgentie", tekst="Urgent", revisie=0
    )
    _goal(wa, user)
    with pytest.raises(ValidationError):
        services.werkagenda_create(user=user, regio=wa.regio, herziening_van=wa)
    _adopt_all(wa, user)
    services.werkagenda_status_change(
        user=user, werkagenda=wa, status=WerkagendaStatus.VASTGESTELD
    )
    v2 = services.werkagenda_create(user=user, regio=wa.regio, herziening_van=wa)
    assert (v2.versie, v2.vorige, v2.status) == (2, wa, WerkagendaStatus.CONCEPT)
    assert v2.secties.get(adres="2a.urgentie").tekst == "Urgent"
    assert v2.doelstellingen.get().ingroeipad.count() == 4
    assert v2.collegebesluiten.count() == 0


def test_prefill_accept_edit_and_reject() -> None:
    user = regio_user()
    wa = werkagenda_create(user=user)
    sectie = services.prefill_accept(
        user=user, werkagenda=wa, adres="2a.situatie", revisie=0
    )
    assert "Gemeenten zonder LSP" in sectie.tekst
    p = Prefill.objects.get(werkagenda=wa, adres="2a.situatie")
    assert p.status == PrefillStatus.GEACCEPTEERD and "run" in p.bron
    edited = services.prefill_accept(
        user=user, werkagenda=wa, adres="2b.situatie", revisie=0, tekst="Eigen versie"
    )
    assert edited.tekst == "Eigen versie"
    services.prefill_reject(user=user, werkagenda=wa, adres="5a.ambitie")
    assert Prefill.objects.get(werkagenda=wa, adres="5a.ambitie").status == "afgewezen"
    assert not Sectie.objects.filter(werkagenda=wa, adres="5a.ambitie").exists()
    with pytest.raises(ValidationError):
        services.prefill_reject(user=user, werkagenda=wa, adres="rpi.toelichting")


def _csv(rows: list[tuple[str, str]]) -> bytes:
    return ("gemeentecode,aandeel\n" + "".join(f"{c},{a}\n" for c, a in rows)).encode()


def test_verdeelsleutel_load_and_its_refusals() -> None:
    codes = [g.code for g in regio_gemeenten(regio=zeeland())]
    share = Decimal(1) / len(codes)
    rows = [(c, f"{share:.6f}") for c in codes]
    assert services.verdeelsleutel_load(naam="SPUK IZA", data=_csv(rows)) == 13
    assert Verdeelsleutel.objects.filter(naam="SPUK IZA").count() == 13
    cases = [
        (
            _csv([*rows[:-1], ("GM9999", "0.1")]),
            14,
            "gemeentecode",
            "onbekende gemeente",
        ),
        (_csv([*rows[:-1], (codes[-1], "abc")]), 14, "aandeel", "geen getal"),
        (_csv(rows[:-1]), None, "aandeel", "tellen op"),
        (_csv([*rows, (codes[0], "0")]), 15, "gemeentecode", "twee keer"),
        (b"code,aandeel\nGM0687,1\n", 1, None, "kolom ontbreekt"),
    ]
    for data, rij, veld, melding in cases:
        with pytest.raises(ImportFout) as exc:
            services.verdeelsleutel_load(naam="SPUK IZA", data=data)
        assert (exc.value.rij, exc.value.veld) == (rij, veld), melding
        assert melding in exc.value.melding
    # Nothing half-written: the first load stands.
    assert Verdeelsleutel.objects.filter(naam="SPUK IZA").count() == 13


def test_spuk_amounts_are_reference_data() -> None:
    from dekkend.werkagenda.models import SpukBedrag

    services.spuk_bedragen_load()
    lokaal = SpukBedrag.objects.get(regeling="SPUK AZWA", onderdeel="lokaal", jaar=2027)
    assert lokaal.bedrag == 231_000_000 and "004 §4" in lokaal.bron
    assert SpukBedrag.objects.count() == 15
