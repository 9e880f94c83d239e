# SPDX-License-Identifier: EUPL-1.2
"""Pages of the LSP monitor: the questionnaire behind a personal link
(`vragenlijst`), the landelijk pages (`landelijk`), the region's and the
LSP's own results (`eigen`) and the visitor tally (`telling`)."""
