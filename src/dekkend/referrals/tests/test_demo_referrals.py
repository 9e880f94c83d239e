# SPDX-License-Identifier: EUPL-1.2
"""`dekkend demo-referrals`: a synthetic history for a demo region, refused
with production settings, and `--reset` replaces only synthetic referrals."""

from io import StringIO

from django.core.management import call_command
from django.core.management.base import CommandError

import pytest

from dekkend.accounts.models import User
from dekkend.accounts.testing import login_with_2fa
from dekkend.referrals.models import StatusWijziging, Verwijzing
from dekkend.referrals.synthetic import synthetic_verwijzingen
from dekkend.referrals.tests.factories import keten_create, verwijzing_send
from dekkend.regions.models import Gemeente
from dekkend.register.models import Organisatie, OrganisatieLid

pytestmark = pytest.mark.django_db

ZEELAND = 13  # gemeenten of ZK27


def _run(*args: str) -> str:
    out = StringIO()
    call_command("demo_referrals", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_demo_referrals_fills_the_region_and_links_the_demo_accounts(client):
    call_command("demo_setup", stdout=StringIO())
    out = _run("--regio", "Zeeland", "--jaren", "1")
    zeeland = Gemeente.objects.filter(
        regios__code="ZK27", regios__indeling__naam="zorgkantoorregio-2025"
    )
    assert zeeland.count() == ZEELAND
    synthetic = synthetic_verwijzingen()
    # About 45-70 per 10,000 of Zeeland's ~390,000 inhabitants in a year.
    assert 1500 < synthetic.count() < 2900
    assert set(synthetic.values_list("gemeente__code", flat=True)) == set(
        zeeland.values_list("code", flat=True)
    )
    assert f"  {'Verwijzing':<16} {synthetic.count():>8}" in out
    assert "Verwijzingen per 10.000 inwoners per jaar" in out

    # The demo accounts see a small part: their own and their organisation's.
    verwijzer = User.objects.get(username="demo-verwijzer")
    brug = User.objects.get(username="demo-brugfunctionaris")
    own = Verwijzing.objects.filter(verwijzer=verwijzer)
    inbox = Verwijzing.objects.filter(
        ontvanger_organisatie__in=OrganisatieLid.objects.filter(user=brug).values(
            "organisatie"
        )
    )
    assert 0 < own.count() < synthetic.count() / 10
    assert 0 < inbox.count() < synthetic.count() / 10
    assert set(inbox.values_list("gemeente__code", flat=True)) == {"GM1695"}
    assert StatusWijziging.objects.filter(door=brug).exists()
    assert f"demo-verwijzer: {own.count()} eigen verwijzingen (Noord-Beveland)" in out
    # The inbox count is the one the API lists: referrals whose consent was
    # withdrawn are no longer the organisation's to see.
    login_with_2fa(client, brug)
    listed = client.get("/api/v1/verwijzingen/?richting=ontvangen").json()["count"]
    withdrawn = inbox.filter(toestemming__ingetrokken_op__isnull=False).count()
    assert listed == inbox.count() - withdrawn
    assert f"demo-brugfunctionaris: {listed} ontvangen verwijzingen" in out
    assert f"; {withdrawn} na intrekking van de toestemming" in out
    # Most referrals are the fake users' work.
    assert (
        synthetic.filter(verwijzer__username__startswith="synth-vw-").count()
        > 0.9 * synthetic.count()
    )


def test_demo_referrals_again_without_reset_changes_nothing():
    first = _run("--regio", "ZK27", "--jaren", "0.5")
    count = synthetic_verwijzingen().count()
    organisaties, users = Organisatie.objects.count(), User.objects.count()
    out = _run("--regio", "ZK27", "--jaren", "0.5")
    assert "Demo-accounts ontbreken" in first
    assert f"al {count} synthetische verwijzingen" in out
    assert synthetic_verwijzingen().count() == count
    assert (Organisatie.objects.count(), User.objects.count()) == (organisaties, users)


def test_reset_replaces_only_synthetic_referrals():
    keten = keten_create(Gemeente.objects.get(code="GM0687"))  # Middelburg
    real = verwijzing_send(keten)
    _run("--regio", "ZK27", "--jaren", "0.5", "--seed", "5")
    before = set(synthetic_verwijzingen().values_list("uuid", flat=True))
    organisaties, users = Organisatie.objects.count(), User.objects.count()
    assert real.uuid not in before and len(before) > 500

    out = _run("--regio", "ZK27", "--jaren", "0.5", "--seed", "5", "--reset")

    after = set(synthetic_verwijzingen().values_list("uuid", flat=True))
    assert f"{len(before)} synthetische verwijzingen verwijderd." in out
    assert len(after) == len(before) and not after & before
    assert Verwijzing.objects.filter(uuid=real.uuid).exists()
    assert real.statussen.count() == 1
    assert Verwijzing.objects.count() == len(after) + 1
    # Fake organisations and users are reused, not made twice; Middelburg's
    # existing bridging organisation receives its synthetic referrals.
    assert (Organisatie.objects.count(), User.objects.count()) == (organisaties, users)
    assert (
        synthetic_verwijzingen()
        .filter(gemeente__code="GM0687", ontvanger_organisatie=keten.welzijn)
        .exists()
    )


def test_demo_referrals_is_refused_with_production_settings(settings):
    settings.DEKKEND_DEMO_ALLOWED = False
    with pytest.raises(CommandError) as info:
        _run("--regio", "ZK27")
    assert "niet toegestaan" in str(info.value)
    assert not Verwijzing.objects.exists()
    assert not Organisatie.objects.filter(naam__endswith=" (demo)").exists()


def test_unknown_region_is_an_error():
    with pytest.raises(CommandError) as info:
        _run("--regio", "Atlantis")
    assert "Geen regio 'Atlantis'" in str(info.value)


@pytest.mark.parametrize(
    ("args", "message"),
    [(("--seed", "-1"), "--seed"), (("--jaren", "0"), "--jaren")],
)
def test_bad_options_are_refused_before_anything_is_removed(args, message):
    _run("--regio", "ZK27", "--jaren", "0.1")
    before = synthetic_verwijzingen(
        list(Gemeente.objects.filter(regiogemeente__regio__code="ZK27").distinct())
    ).count()
    assert before > 0
    with pytest.raises(CommandError) as info:
        _run("--regio", "ZK27", "--reset", *args)
    assert message in str(info.value)
    after = synthetic_verwijzingen(
        list(Gemeente.objects.filter(regiogemeente__regio__code="ZK27").distinct())
    ).count()
    assert after == before
