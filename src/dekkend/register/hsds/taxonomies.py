# SPDX-License-Identifier: EUPL-1.2
"""The register's own HSDS taxonomies and their terms.

Every choice list that says something about an offer becomes a taxonomy
(LSP-type, elements, the ten kenmerken, doelgroepen, herstelaanbod, soort
aanbod, soort organisatie) plus one for the remaining LSP figures. Terms are
the choices; names are the Dutch labels. Ids are derived (`ids.derived_id`), so
they stay the same across releases as long as the choice values do.
"""

import functools
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import models
from django.utils import translation

from dekkend.register import lsp_type
from dekkend.register.constants import (
    AanbodSoort,
    Doelgroep,
    Element,
    Herstelaanbod,
    Kenmerk,
    LspType,
    OrganisatieSoort,
)
from dekkend.register.hsds.ids import derived_id

LANGUAGE = "nl"

SOORT_AANBOD = "soort_aanbod"
LSP_TYPE = "lsp_type"
LSP_ELEMENT = "lsp_element"
KENMERK = "kenmerk"
DOELGROEP = "doelgroep"
HERSTELAANBOD = "herstelaanbod"
SOORT_ORGANISATIE = "soort_organisatie"
LSP_GEGEVENS = "lsp_gegevens"

# Terms of LSP_GEGEVENS: the attribute value carries the figure itself.
SATELLIET_VAN = "satelliet_van"
BEZOEKERS_PER_DAG = "bezoekers_per_dag"
UNIEKE_BEZOEKERS_PER_JAAR = "unieke_bezoekers_per_jaar"


@dataclass(frozen=True)
class Term:
    taxonomy_key: str
    code: str
    name: str
    description: str

    @property
    def id(self) -> str:
        return derived_id("taxonomy_term", self.taxonomy_key, self.code)


@dataclass(frozen=True)
class Taxonomy:
    key: str
    name: str
    description: str
    terms: tuple[Term, ...]

    @property
    def id(self) -> str:
        return derived_id("taxonomy", self.key)


def _lsp_type_description(code: str) -> str:
    norm = lsp_type.NORMS.get(code)
    if norm is None:
        return "Het aantal openingsdagdelen per week is niet bekend."
    if code == lsp_type.GROOT:
        return f"{norm.dagdelen_min} of meer dagdelen per week open."
    return f"{norm.dagdelen_min} tot en met {norm.dagdelen_max} dagdelen per week open."


def _terms(
    key: str,
    choices: type[models.Choices],
    descriptions: dict[str, str] | None = None,
) -> tuple[Term, ...]:
    descriptions = descriptions or {}
    return tuple(
        Term(
            taxonomy_key=key,
            code=str(value),
            name=str(label),
            description=descriptions.get(str(value), str(label)),
        )
        for value, label in choices.choices
    )


def _build() -> tuple[Taxonomy, ...]:
    def taxonomy(
        key: str, name: str, description: str, terms: Iterable[Term]
    ) -> Taxonomy:
        return Taxonomy(key=key, name=name, description=description, terms=tuple(terms))

    return (
        taxonomy(
            SOORT_AANBOD,
            "Soort aanbod",
            "Soorten aanbod op de sociale kaart; een laagdrempelig steunpunt "
            "(LSP) is er één van.",
            _terms(SOORT_AANBOD, AanbodSoort),
        ),
        taxonomy(
            LSP_TYPE,
            "LSP-type",
            "Grootte van een laagdrempelig steunpunt naar het aantal dagdelen "
            "per week dat het open is.",
            _terms(
                LSP_TYPE,
                LspType,
                {code: _lsp_type_description(code) for code in lsp_type.LSP_TYPES},
            ),
        ),
        taxonomy(
            LSP_ELEMENT,
            "LSP-elementen",
            "De vier elementen van een laagdrempelig steunpunt; een attribuut "
            "betekent dat het element aanwezig is.",
            _terms(LSP_ELEMENT, Element),
        ),
        taxonomy(
            KENMERK,
            "Tien kenmerken",
            "De tien landelijke kenmerken van een laagdrempelig steunpunt. De "
            "waarde van het attribuut is de zelfbeoordeling: 'aanwezig' of 'in "
            "ontwikkeling'.",
            _terms(KENMERK, Kenmerk),
        ),
        taxonomy(
            DOELGROEP,
            "Doelgroepen",
            "Doelgroepen waarop het aanbod zich richt.",
            _terms(DOELGROEP, Doelgroep),
        ),
        taxonomy(
            HERSTELAANBOD,
            "Herstelaanbod",
            "Vormen van herstelaanbod van een laagdrempelig steunpunt. Bij "
            "'Ander herstelaanbod' staat de omschrijving in de waarde.",
            _terms(HERSTELAANBOD, Herstelaanbod),
        ),
        taxonomy(
            SOORT_ORGANISATIE,
            "Soort organisatie",
            "Soorten organisaties op de sociale kaart.",
            _terms(SOORT_ORGANISATIE, OrganisatieSoort),
        ),
        taxonomy(
            LSP_GEGEVENS,
            "LSP-gegevens",
            "Overige gegevens van een laagdrempelig steunpunt; de waarde van het "
            "attribuut is het gegeven zelf.",
            (
                Term(
                    LSP_GEGEVENS,
                    SATELLIET_VAN,
                    "Satelliet van",
                    "Dit steunpunt is een satelliet van een hoofdsteunpunt; de "
                    "waarde is de id van de service van het hoofdsteunpunt.",
                ),
                Term(
                    LSP_GEGEVENS,
                    BEZOEKERS_PER_DAG,
                    "Bezoekers per dag",
                    "Gemiddeld aantal bezoekers per dag, zoals het steunpunt opgeeft.",
                ),
                Term(
                    LSP_GEGEVENS,
                    UNIEKE_BEZOEKERS_PER_JAAR,
                    "Unieke bezoekers per jaar",
                    "Aantal unieke bezoekers per jaar, zoals het steunpunt opgeeft.",
                ),
            ),
        ),
    )


@functools.cache
def taxonomies() -> tuple[Taxonomy, ...]:
    """All taxonomies, labels in Dutch whatever the request's language."""
    with translation.override(LANGUAGE):
        return _build()


@functools.cache
def _by_id() -> dict[str, Taxonomy]:
    return {t.id: t for t in taxonomies()}


@functools.cache
def _by_key() -> dict[str, Taxonomy]:
    return {t.key: t for t in taxonomies()}


@functools.cache
def _terms_by_id() -> dict[str, Term]:
    return {term.id: term for t in taxonomies() for term in t.terms}


@functools.cache
def _terms_by_code() -> dict[tuple[str, str], Term]:
    return {
        (term.taxonomy_key, term.code): term for t in taxonomies() for term in t.terms
    }


def all_terms() -> list[Term]:
    return [term for t in taxonomies() for term in t.terms]


def taxonomy_get(taxonomy_id: str) -> Taxonomy | None:
    return _by_id().get(taxonomy_id)


def taxonomy_of(term: Term) -> Taxonomy:
    return _by_key()[term.taxonomy_key]


def term_get(term_id: str) -> Term | None:
    return _terms_by_id().get(term_id)


def term(taxonomy_key: str, code: object) -> Term | None:
    """The term for a choice value; None for a value the choices lack."""
    return _terms_by_code().get((taxonomy_key, str(code)))
