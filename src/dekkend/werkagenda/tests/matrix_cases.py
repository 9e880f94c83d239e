# SPDX-License-Identifier: EUPL-1.2
"""This app's lines of the authorisation matrix (dekkend/tests/matrix.py)."""

from dekkend.tests.matrix import Case

CASES: tuple[Case, ...] = ()
