# SPDX-License-Identifier: EUPL-1.2
"""The transition table: every action in every state for every role, and
random sequences that must keep the workflow's invariants."""

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dekkend.referrals.workflow import (
    FHIR_TASK_STATUS,
    FINAL,
    OVERGANGEN,
    Actie,
    OvergangGeweigerd,
    Rol,
    Status,
    Uitkomst,
    Weigering,
    overgang,
    toegestane_acties,
)

# (from, action) -> (to, role) as the handreiking's four steps describe them.
EXPECTED = {
    (Status.VERSTUURD, Actie.ACCEPTEREN): (Status.GEACCEPTEERD, Rol.BRUGFUNCTIONARIS),
    (Status.VERSTUURD, Actie.TERUGSTUREN): (Status.TERUGGESTUURD, Rol.BRUGFUNCTIONARIS),
    (Status.GEACCEPTEERD, Actie.TERUGSTUREN): (
        Status.TERUGGESTUURD,
        Rol.BRUGFUNCTIONARIS,
    ),
    (Status.VERSTUURD, Actie.INTREKKEN): (Status.INGETROKKEN, Rol.VERWIJZER),
    (Status.GEACCEPTEERD, Actie.EERSTE_CONTACT): (Status.IN_BEHANDELING, Rol.SYSTEEM),
    (Status.GEACCEPTEERD, Actie.PAUZEREN): (Status.GEPAUZEERD, Rol.BRUGFUNCTIONARIS),
    (Status.IN_BEHANDELING, Actie.PAUZEREN): (Status.GEPAUZEERD, Rol.BRUGFUNCTIONARIS),
    (Status.GEPAUZEERD, Actie.HERVATTEN): (Status.IN_BEHANDELING, Rol.BRUGFUNCTIONARIS),
    (Status.GEACCEPTEERD, Actie.AFSLUITEN): (Status.AFGESLOTEN, Rol.BRUGFUNCTIONARIS),
    (Status.IN_BEHANDELING, Actie.AFSLUITEN): (Status.AFGESLOTEN, Rol.BRUGFUNCTIONARIS),
    (Status.GEPAUZEERD, Actie.AFSLUITEN): (Status.AFGESLOTEN, Rol.BRUGFUNCTIONARIS),
    **{
        (s, Actie.TOESTEMMING_INGETROKKEN): (Status.INGETROKKEN, Rol.SYSTEEM)
        for s in (
            Status.VERSTUURD,
            Status.GEACCEPTEERD,
            Status.IN_BEHANDELING,
            Status.GEPAUZEERD,
        )
    },
}


def _kwargs(actie: Actie) -> dict[str, object]:
    return {"reden": "omdat", "uitkomst": Uitkomst.GEHOLPEN, "heeft_contact": True}


@pytest.mark.parametrize(
    ("status", "actie", "rol"), list(itertools.product(Status, Actie, Rol))
)
def test_every_action_in_every_state_for_every_role(status, actie, rol):
    expected = EXPECTED.get((status, actie))
    if expected is not None and expected[1] == rol:
        assert overgang(status, actie, rol, **_kwargs(actie)) == expected[0]
    else:
        with pytest.raises(OvergangGeweigerd):
            overgang(status, actie, rol, **_kwargs(actie))


def test_the_table_is_exactly_the_expected_one():
    table = {(s, o.actie): (o.naar, o.rol) for o in OVERGANGEN for s in o.van}
    assert table == EXPECTED


def test_final_states_allow_nothing():
    for status, rol in itertools.product(FINAL, Rol):
        assert toegestane_acties(status, rol) == []


@pytest.mark.parametrize("actie", [Actie.TERUGSTUREN, Actie.INTREKKEN, Actie.PAUZEREN])
def test_returning_cancelling_and_pausing_need_a_reason(actie):
    status = Status.GEACCEPTEERD if actie == Actie.PAUZEREN else Status.VERSTUURD
    rol = Rol.VERWIJZER if actie == Actie.INTREKKEN else Rol.BRUGFUNCTIONARIS
    with pytest.raises(OvergangGeweigerd, match="reden"):
        overgang(status, actie, rol, reden="  ")


def test_closing_needs_an_outcome_and_without_contact_only_not_reached_or_declined():
    with pytest.raises(OvergangGeweigerd, match="uitkomst"):
        overgang(
            Status.IN_BEHANDELING,
            Actie.AFSLUITEN,
            Rol.BRUGFUNCTIONARIS,
            heeft_contact=True,
        )
    with pytest.raises(OvergangGeweigerd, match="Zonder contact"):
        overgang(
            Status.GEACCEPTEERD,
            Actie.AFSLUITEN,
            Rol.BRUGFUNCTIONARIS,
            uitkomst=Uitkomst.GEHOLPEN,
        )
    for uitkomst in (Uitkomst.NIET_BEREIKT, Uitkomst.AFGEZIEN):
        assert (
            overgang(
                Status.GEACCEPTEERD,
                Actie.AFSLUITEN,
                Rol.BRUGFUNCTIONARIS,
                uitkomst=uitkomst,
            )
            == Status.AFGESLOTEN
        )


def test_every_status_has_a_fhir_task_status():
    assert set(FHIR_TASK_STATUS) == set(Status)
    assert FHIR_TASK_STATUS[Status.AFGESLOTEN] == "completed"
    assert FHIR_TASK_STATUS[Status.TERUGGESTUURD] == "rejected"


@given(
    st.lists(
        st.tuples(
            st.sampled_from(Actie), st.sampled_from(Rol), st.sampled_from(Uitkomst)
        ),
        max_size=25,
    )
)
def test_random_sequences_keep_the_invariants(steps):
    """Driving random actions: no contact phase after closing, nothing after a
    final state, and in-progress only ever follows an accepted referral."""
    status, heeft_contact, history = Status.VERSTUURD, False, [Status.VERSTUURD]
    for actie, rol, uitkomst in steps:
        try:
            nieuw = overgang(
                status,
                actie,
                rol,
                reden="r",
                uitkomst=uitkomst,
                heeft_contact=heeft_contact,
            )
        except OvergangGeweigerd:
            continue
        assert status not in FINAL
        if nieuw == Status.IN_BEHANDELING:
            assert Status.GEACCEPTEERD in history
        if actie == Actie.EERSTE_CONTACT:
            heeft_contact = True
        if nieuw == Status.AFGESLOTEN and not heeft_contact:
            assert uitkomst in (Uitkomst.NIET_BEREIKT, Uitkomst.AFGEZIEN)
        status = nieuw
        history.append(nieuw)


@pytest.mark.parametrize(
    ("status", "actie", "rol"), list(itertools.product(Status, Actie, Rol))
)
def test_every_refusal_carries_its_kind(status, actie, rol):
    """The API answers 403/409/400 by `soort` alone, so it must be right."""
    try:
        overgang(status, actie, rol)
    except OvergangGeweigerd as exc:
        regels = [o for o in OVERGANGEN if o.actie == actie]
        if not any(o.rol == rol for o in regels):
            assert exc.soort == Weigering.ROL
            assert exc.voor == regels[0].rol
        elif not any(status in o.van and o.rol == rol for o in regels):
            assert exc.soort == Weigering.STATUS
        else:
            assert exc.soort in (Weigering.REDEN, Weigering.UITKOMST)
