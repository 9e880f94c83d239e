# SPDX-License-Identifier: EUPL-1.2
"""The afwegingskader of the national base list: six questions, all must be yes."""

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dekkend.register.afwegingskader import QUESTION_FIELDS, QUESTIONS, op_basislijst
from dekkend.register.models import Afweging

ALL_YES = dict.fromkeys(QUESTION_FIELDS, True)
answers = st.fixed_dictionaries(
    {f: st.sampled_from([True, False, None]) for f in QUESTION_FIELDS}
)


def test_there_are_six_questions_each_a_field_of_the_afweging():
    assert len(QUESTIONS) == 6
    assert len(set(QUESTION_FIELDS)) == 6
    model_fields = {f.name for f in Afweging._meta.get_fields()}
    assert set(QUESTION_FIELDS) <= model_fields


def test_all_yes_puts_the_lsp_on_the_base_list():
    assert op_basislijst(ALL_YES) is True


@pytest.mark.parametrize("field", QUESTION_FIELDS)
def test_one_no_keeps_it_off_the_base_list(field):
    assert op_basislijst({**ALL_YES, field: False}) is False


@pytest.mark.parametrize("field", QUESTION_FIELDS)
def test_one_open_answer_leaves_the_outcome_open(field):
    assert op_basislijst({**ALL_YES, field: None}) is None
    assert op_basislijst({k: v for k, v in ALL_YES.items() if k != field}) is None


def test_no_answers_at_all_leave_the_outcome_open():
    assert op_basislijst({}) is None


def test_a_no_outweighs_open_answers():
    assert op_basislijst({"online_vindbaar": False}) is False


def test_every_combination_of_answers():
    for values in itertools.product([True, False, None], repeat=6):
        result = op_basislijst(dict(zip(QUESTION_FIELDS, values, strict=True)))
        if False in values:
            assert result is False
        elif None in values:
            assert result is None
        else:
            assert result is True


@given(answers)
def test_outcome_is_true_only_when_every_answer_is_yes(given_answers):
    result = op_basislijst(given_answers)
    assert (result is True) == all(v is True for v in given_answers.values())
    assert (result is False) == any(v is False for v in given_answers.values())


@given(answers, st.dictionaries(st.text(min_size=1), st.booleans(), max_size=3))
def test_unknown_keys_do_not_change_the_outcome(given_answers, extra):
    extra = {k: v for k, v in extra.items() if k not in QUESTION_FIELDS}
    assert op_basislijst({**extra, **given_answers}) == op_basislijst(given_answers)
