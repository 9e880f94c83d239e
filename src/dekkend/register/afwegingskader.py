# SPDX-License-Identifier: EUPL-1.2
"""The assessment framework (afwegingskader) of the national base list.

001 §3.2: an LSP stays on the base list when all six questions are answered
"ja". Plain Python, no Django.
"""

from collections.abc import Mapping

# (field name, question as printed in 001 §3.2)
QUESTIONS: tuple[tuple[str, str], ...] = (
    ("online_vindbaar", "Is het LSP online vindbaar?"),
    (
        "fysieke_locatie_open",
        "Is er een fysieke locatie en zijn ze minimaal 1 dagdeel per week open?",
    ),
    ("geen_hulpverlening", "Is het geen vorm van hulpverlening?"),
    ("mentale_gezondheid", "Gaat het om mentale gezondheid?"),
    ("herstelaanbod_aanwezig", "Aanwezigheid van herstelaanbod?"),
    (
        "laagdrempelig_toegankelijk",
        "Is het laagdrempelig toegankelijk voor iedereen "
        "(in het bijzonder voor mensen met EPA)?",
    ),
)
QUESTION_FIELDS = tuple(field for field, _ in QUESTIONS)


def op_basislijst(answers: Mapping[str, bool | None]) -> bool | None:
    """True when all six are yes, False when any is no, None while incomplete.

    >>> op_basislijst({f: True for f in QUESTION_FIELDS})
    True
    >>> op_basislijst({"online_vindbaar": False})
    False
    """
    values = [answers.get(field) for field in QUESTION_FIELDS]
    if any(v is False for v in values):
        return False
    if any(v is None for v in values):
        return None
    return True
