# SPDX-License-Identifier: EUPL-1.2
"""The LSP monitor report, generated from the data of a round.

`model` (the plain input `RapportInvoer`), `tables` and `graphs` (plain
Python, no Django: the figures), `document` (the `documents.Document` and the
XLSX of every table) and `inputs` (the adapter that reads a round from the
database through selectors).
"""
