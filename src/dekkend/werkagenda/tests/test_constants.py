# SPDX-License-Identifier: EUPL-1.2
"""Choices have unique stable values, the transition table only names known
statuses, and the measure list matches the computing functions."""

from dekkend.werkagenda import constants, measures
from dekkend.werkagenda.content import MIJLPAAL_STATUSSEN


def test_choice_values_are_unique_and_lowercase() -> None:
    for choices in (
        constants.WerkagendaStatus,
        constants.MijlpaalStatus,
        constants.PartijRol,
        constants.CollegeUitkomst,
        constants.PrefillStatus,
        constants.SpukOnderdeel,
    ):
        values = [c.value for c in choices]
        assert len(values) == len(set(values))
        assert all(v == v.lower() for v in values)


def test_transition_table_and_content_contract_agree() -> None:
    known = set(constants.WerkagendaStatus.values)
    for van, naar in constants.STATUS_OVERGANGEN.items():
        assert van in known and set(naar) <= known
    assert tuple(constants.MijlpaalStatus.values) == MIJLPAAL_STATUSSEN


def test_every_measure_is_computed() -> None:
    assert set(measures.MAATSTAVEN) == set(measures._COMPUTE)
    assert {
        "lsp.gemeenten_met_lsp",
        "lsp.aandeel_binnen_10km",
        "lsp.locaties",
        "sv.verwijzingen_per_10000",
        "sv.terugkoppeling_op_tijd",
    } <= set(measures.MAATSTAVEN)


def test_spuk_totals_match_004() -> None:
    totaal = {
        jaar: sum(per_jaar.get(jaar, 0) for _r, _o, per_jaar in constants.SPUK_BEDRAGEN)
        for jaar in (2027, 2028, 2029)
    }
    # 004 §4: "Totaal 451 547 532" (× 1 mln).
    assert totaal == {2027: 451, 2028: 547, 2029: 532}
