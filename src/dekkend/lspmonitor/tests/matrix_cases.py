# SPDX-License-Identifier: EUPL-1.2
"""This app's lines of the authorisation matrix (dekkend/tests/matrix.py).

The monitor's world: a 2026 round with one candidate, one invitation with a
known link, and one location proposal, made on first use.
"""

from datetime import timedelta
from typing import Any

from django.utils import timezone

from dekkend.lspmonitor.constants import STANDAARD_INDELING
from dekkend.lspmonitor.models import (
    Kandidaat,
    LocatieVoorstel,
    Respons,
    Ronde,
    Uitnodiging,
)
from dekkend.lspmonitor.tokens import token_new
from dekkend.regions.models import Indeling, Regio
from dekkend.tests.matrix import ALL, Case, World

LANDELIJK = frozenset({"landelijk", "beheerder"})
REGIO = frozenset({"regio_eigen", "regio_ander", "landelijk", "beheerder"})
LSP = frozenset({"lsp_eigen", "lsp_ander", "beheerder"})
JAAR = 2026

_state: dict[str, Any] = {}


def _world(w: World) -> dict[str, Any]:
    """Build (once per world) the round the cases point at."""
    if _state.get("world") is w and Ronde.objects.filter(jaar=JAAR).exists():
        return _state
    today = timezone.localdate()
    indeling = Indeling.objects.get(naam=STANDAARD_INDELING)
    ronde = Ronde.objects.create(
        jaar=JAAR,
        open_op=today - timedelta(days=1),
        sluit_op=today + timedelta(days=10),
        indeling=indeling,
        peildatum=today,
        vragenlijst_versie="2025",
        status="open",
    )
    sp = w.steunpunt
    locatie = sp.aanbod.locatie
    assert locatie is not None
    regio = Regio.objects.filter(indeling=indeling, gemeenten=locatie.gemeente).first()
    kandidaat = Kandidaat.objects.create(
        ronde=ronde,
        steunpunt=sp,
        naam=sp.aanbod.naam,
        gemeente=locatie.gemeente,
        regio=regio,
        bron="register",
        besluit="op_lijst",
    )
    token, digest = token_new()
    uitnodiging = Uitnodiging.objects.create(
        ronde=ronde,
        rol="lsp",
        naam="Matrix Respondent",
        email="matrix@example.invalid",
        regio=regio,
        organisatie=sp.aanbod.organisatie,
        token_hash=digest,
        verstuurd_op=timezone.now(),
    )
    respons = Respons.objects.create(
        uitnodiging=uitnodiging,
        ronde=ronde,
        rol="lsp",
        regio=regio,
        organisatie=sp.aanbod.organisatie,
        vragenlijst_versie="2025",
    )
    voorstel = LocatieVoorstel.objects.create(
        respons=respons, locatie=locatie, steunpunt=sp, bevestigd=True
    )
    _state.clear()
    _state.update(
        world=w,
        token=token,
        kandidaat=kandidaat,
        uitnodiging=uitnodiging,
        voorstel=voorstel,
    )
    return _state


def _r(rest: str = "") -> str:
    return f"/monitor/lsp/{JAAR}/{rest}"


CASES: tuple[Case, ...] = (
    Case(
        "monitor vragenlijst (token)",
        "get",
        lambda w: f"/monitor/lsp/vragenlijst/{_world(w)['token']}/",
        ALL,
    ),
    Case("monitor rondes", "get", lambda w: "/monitor/lsp/", LANDELIJK),
    Case("monitor ronde nieuw", "get", lambda w: "/monitor/lsp/nieuw/", LANDELIJK),
    Case("monitor ronde", "get", lambda w: (_world(w), _r())[1], LANDELIJK),
    Case(
        "monitor ronde status",
        "post",
        lambda w: (_world(w), _r("status/"))[1],
        LANDELIJK,
        data={"actie": "herinneren"},
    ),
    Case(
        "monitor basislijst",
        "get",
        lambda w: (_world(w), _r("basislijst/"))[1],
        LANDELIJK,
    ),
    Case(
        "monitor kandidaten import",
        "get",
        lambda w: (_world(w), _r("basislijst/import/"))[1],
        LANDELIJK,
    ),
    Case(
        "monitor kandidaat",
        "get",
        lambda w: _r(f"basislijst/{_world(w)['kandidaat'].uuid}/"),
        LANDELIJK,
    ),
    Case(
        "monitor uitnodigingen",
        "get",
        lambda w: (_world(w), _r("uitnodigingen/"))[1],
        LANDELIJK,
    ),
    Case(
        "monitor uitnodiging intrekken",
        "post",
        lambda w: _r(f"uitnodigingen/{_world(w)['uitnodiging'].uuid}/intrekken/"),
        LANDELIJK,
    ),
    Case(
        "monitor voorstellen",
        "get",
        lambda w: (_world(w), _r("voorstellen/"))[1],
        LANDELIJK,
    ),
    Case(
        "monitor voorstel besluit",
        "post",
        lambda w: _r(f"voorstellen/{_world(w)['voorstel'].uuid}/"),
        LANDELIJK,
        data={"actie": "afwijzen", "reden": "Klopt niet."},
    ),
    Case(
        "monitor rapport",
        "get",
        lambda w: (_world(w), _r("rapport.xlsx"))[1],
        LANDELIJK,
    ),
    Case("api monitor rondes", "get", lambda w: "/api/v1/monitor/rondes/", LANDELIJK),
    Case(
        "api monitor ronde",
        "get",
        lambda w: (_world(w), f"/api/v1/monitor/rondes/{JAAR}/")[1],
        LANDELIJK,
    ),
    Case(
        "api monitor basislijst",
        "get",
        lambda w: (_world(w), f"/api/v1/monitor/rondes/{JAAR}/basislijst/")[1],
        LANDELIJK,
    ),
    Case(
        "api monitor beoordelingen",
        "get",
        lambda w: (_world(w), f"/api/v1/monitor/rondes/{JAAR}/beoordelingen/")[1],
        LANDELIJK,
    ),
    Case(
        "api monitor tabellen",
        "get",
        # The matrix's regio users are members of zorgkantoor regions, not of
        # a monitor region: they are refused; test_api covers a monitor member.
        lambda w: (_world(w), f"/api/v1/monitor/rondes/{JAAR}/tabellen/?regio=zeeland")[
            1
        ],
        LANDELIJK,
    ),
    Case("monitor regio", "get", lambda w: "/monitor/lsp/regio/", REGIO),
    Case("monitor mijn", "get", lambda w: "/monitor/lsp/mijn/", LSP),
    Case("monitor telling", "get", lambda w: "/monitor/lsp/telling/", LSP),
)
