# SPDX-License-Identifier: EUPL-1.2
"""The monitor's questionnaires as data: definition, routing, validation,
form parsing and aggregation of answers. Plain Python, no Django.

- `definition`: the frozen dataclasses and loading `data/vragenlijst-<versie>.json`.
- `engine`: which questions a respondent sees, validation, parsing POSTed fields.
- `aggregate`: counts and sums over many responses, for the report's graphs.

Field names, answer shapes and the templates are described in `README.md` in
this folder.
"""
