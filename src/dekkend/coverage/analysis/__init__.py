# SPDX-License-Identifier: EUPL-1.2
"""The coverage analysis in plain Python: no Django import (a test enforces it).

Inputs and results are frozen dataclasses; the core works on NumPy arrays.
`dekkend.coverage.inputs` converts selector output into these inputs.
"""
