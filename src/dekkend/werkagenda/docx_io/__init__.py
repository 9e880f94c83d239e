# SPDX-License-Identifier: EUPL-1.2
"""The werkagenda as a document in the national format and back:
`export.werkagenda_document` / `werkagenda_docx` / `werkagenda_pdf`, and
`importer.werkagenda_import`."""
