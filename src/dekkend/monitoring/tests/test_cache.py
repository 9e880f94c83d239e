# SPDX-License-Identifier: EUPL-1.2
"""The referral indicators kept per process (`versions.cache`): one query
for a year's figures asked again, new figures after any write that changes
them, and writes about another year leave them be."""

import pytest

from dekkend.monitoring.selectors import referral_indicators
from dekkend.monitoring.tests.conftest import (
    GOES,
    JAAR,
    MIDDELBURG,
    PEILDATUM,
    Stap,
    at,
    walk,
)
from dekkend.referrals.constants import version_source_of_year
from dekkend.referrals.models import RegioInstelling
from dekkend.versions.selectors import tokens

pytestmark = pytest.mark.django_db


def _figures(indeling, regio):
    return referral_indicators(
        indeling=indeling, regio=regio, jaar=JAAR, peildatum=PEILDATUM
    )


def _goes(result):
    return next(a for a in result.indicatoren.gemeenten if a.gemeentecode == GOES)


def test_asking_again_is_one_query(
    zeeland_data, indeling, zeeland, django_assert_num_queries
):
    first = _figures(indeling, zeeland)
    with django_assert_num_queries(1):  # the version tokens
        again = _figures(indeling, zeeland)
    assert again.indicatoren is first.indicatoren
    assert again.regio is zeeland
    # The national view is another answer, kept as well.
    national = referral_indicators(
        indeling=indeling, regio=None, jaar=JAAR, peildatum=PEILDATUM
    )
    with django_assert_num_queries(1):
        assert (
            referral_indicators(
                indeling=indeling, regio=None, jaar=JAAR, peildatum=PEILDATUM
            ).indicatoren
            is national.indicatoren
        )


def test_a_referral_of_that_year_gives_new_figures(zeeland_data, indeling, zeeland):
    before = _figures(indeling, zeeland)
    # Goes has 3 referrals, published rounded to 5; five more make 8: 10.
    assert _goes(before).verwijzingen.waarde == 5
    for _ in range(5):
        walk(zeeland_data.ketens[GOES], Stap(at(JAAR, 9, 2), contact=1, feedback=1))
    assert _goes(_figures(indeling, zeeland)).verwijzingen.waarde == 10


def test_a_referral_of_another_year_leaves_the_years_figures(
    zeeland_data, indeling, zeeland, django_assert_num_queries
):
    first = _figures(indeling, zeeland)
    year = tokens([], [version_source_of_year(JAAR)])
    walk(zeeland_data.ketens[MIDDELBURG], Stap(at(JAAR + 1, 1, 12), contact=1))
    assert tokens([], [version_source_of_year(JAAR)]) == year
    assert tokens([], [version_source_of_year(JAAR + 1)]) != ()
    with django_assert_num_queries(1):
        assert _figures(indeling, zeeland).indicatoren is first.indicatoren


def test_a_regional_term_gives_new_figures(zeeland_data, indeling, zeeland):
    first = _figures(indeling, zeeland)
    RegioInstelling.objects.create(
        regio=zeeland, termijn_eerste_terugkoppeling_werkdagen=5
    )
    after = _figures(indeling, zeeland)
    assert first.termijnen_werkdagen == (10,)
    assert after.termijnen_werkdagen == (5,)
