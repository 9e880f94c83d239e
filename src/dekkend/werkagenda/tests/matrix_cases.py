# SPDX-License-Identifier: EUPL-1.2
"""This app's lines of the authorisation matrix (dekkend/tests/matrix.py).

Region A (Zeeland) gets a werkagenda the first time a line asks for it.
Members of region A and the landelijk role see and change it; a member of
region B and every other role are refused. Every request is rolled back, so
writes by one subject do not reach the next."""

from dekkend.tests.matrix import Case, World
from dekkend.werkagenda.models import Werkagenda

EIGEN = frozenset({"regio_eigen", "landelijk", "beheerder"})
GEBRUIKERS = frozenset({"regio_eigen", "regio_ander", "landelijk", "beheerder"})
LANDELIJK = frozenset({"landelijk", "beheerder"})


def _wa(w: World) -> Werkagenda:
    from dekkend.werkagenda import services

    bestaand = Werkagenda.objects.filter(regio=w.regio_a).first()
    return bestaand or services.werkagenda_create(
        user=None, regio=w.regio_a, store_run=False
    )


def _p(w: World, rest: str = "") -> str:
    return f"/werkagenda/{_wa(w).uuid}/{rest}"


def _a(w: World, rest: str = "") -> str:
    return f"/api/v1/werkagenda/{_wa(w).uuid}/{rest}"


CASES: tuple[Case, ...] = (
    Case("werkagenda overzicht", "get", lambda w: "/werkagenda/", GEBRUIKERS),
    Case("werkagenda landelijk", "get", lambda w: "/werkagenda/landelijk/", LANDELIJK),
    Case("werkagenda document", "get", _p, EIGEN),
    Case("werkagenda sectie", "post", lambda w: _p(w, "sectie/"), EIGEN),
    Case("werkagenda voorstel", "post", lambda w: _p(w, "voorstel/"), EIGEN),
    Case("werkagenda doelstelling", "post", lambda w: _p(w, "doelstelling/"), EIGEN),
    Case("werkagenda mijlpaal", "post", lambda w: _p(w, "mijlpaal/"), EIGEN),
    Case("werkagenda partij", "post", lambda w: _p(w, "partij/"), EIGEN),
    Case("werkagenda colleges", "get", lambda w: _p(w, "colleges/"), EIGEN),
    Case("werkagenda colleges vastleggen", "post", lambda w: _p(w, "colleges/"), EIGEN),
    Case("werkagenda status", "post", lambda w: _p(w, "status/"), EIGEN),
    Case("werkagenda historie", "get", lambda w: _p(w, "historie/"), EIGEN),
    Case("werkagenda vergelijk", "get", lambda w: _p(w, "vergelijk/"), EIGEN),
    Case("werkagenda financiering", "get", lambda w: _p(w, "financiering/"), EIGEN),
    Case("werkagenda importeren", "get", lambda w: _p(w, "importeren/"), EIGEN),
    Case("werkagenda importeren post", "post", lambda w: _p(w, "importeren/"), EIGEN),
    Case("werkagenda download", "get", lambda w: _p(w, "download.docx"), EIGEN),
    Case("api werkagendas", "get", lambda w: "/api/v1/werkagenda/", GEBRUIKERS),
    Case("api werkagenda", "get", _a, EIGEN),
    Case("api werkagenda secties", "get", lambda w: _a(w, "secties/"), EIGEN),
    Case(
        "api werkagenda sectie", "get", lambda w: _a(w, "secties/2a.situatie/"), EIGEN
    ),
    Case(
        "api werkagenda doelstellingen",
        "get",
        lambda w: _a(w, "doelstellingen/"),
        EIGEN,
    ),
    Case(
        "api werkagenda doelstelling aanmaken",
        "post",
        lambda w: _a(w, "doelstellingen/"),
        EIGEN,
    ),
    Case("api werkagenda mijlpalen", "get", lambda w: _a(w, "mijlpalen/"), EIGEN),
    Case(
        "api werkagenda collegebesluiten",
        "get",
        lambda w: _a(w, "collegebesluiten/"),
        EIGEN,
    ),
    Case(
        "api werkagenda status",
        "post",
        lambda w: _a(w, "statussen/"),
        EIGEN,
        data={"status": "ter_vaststelling"},
    ),
    Case("api werkagenda versies", "get", lambda w: _a(w, "versies/"), EIGEN),
)
