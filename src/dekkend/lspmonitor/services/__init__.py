# SPDX-License-Identifier: EUPL-1.2
"""The only way to write to the LSP monitor. Each service checks the
permission, validates, writes in one transaction and records an audit event."""

from dekkend.lspmonitor.services.basislijst import (
    KandidaatGegevens,
    basislijst_build,
    beoordeling_record,
    beoordeling_verschillen,
    kandidaat_add,
    kandidaat_mark_gestopt,
    kandidaten_import_csv,
)
from dekkend.lspmonitor.services.respons import (
    ResponsFout,
    respons_get_or_start,
    respons_save,
    respons_submit,
)
from dekkend.lspmonitor.services.ronde import (
    ronde_close,
    ronde_close_due,
    ronde_create,
    ronde_open,
    ronde_publish,
)
from dekkend.lspmonitor.services.telling import bezoekers_telling_record
from dekkend.lspmonitor.services.uitnodiging import (
    TokenOngeldig,
    UitnodigingGegevens,
    uitnodiging_by_token,
    uitnodiging_create,
    uitnodiging_mark_opened,
    uitnodiging_revoke,
    uitnodigingen_create_bulk,
    uitnodigingen_remind,
    uitnodigingen_send,
)
from dekkend.lspmonitor.services.voorstel import voorstel_accept, voorstel_reject

__all__ = [
    "KandidaatGegevens",
    "ResponsFout",
    "TokenOngeldig",
    "UitnodigingGegevens",
    "basislijst_build",
    "beoordeling_record",
    "beoordeling_verschillen",
    "bezoekers_telling_record",
    "kandidaat_add",
    "kandidaat_mark_gestopt",
    "kandidaten_import_csv",
    "respons_get_or_start",
    "respons_save",
    "respons_submit",
    "ronde_close",
    "ronde_close_due",
    "ronde_create",
    "ronde_open",
    "ronde_publish",
    "uitnodiging_by_token",
    "uitnodiging_create",
    "uitnodiging_mark_opened",
    "uitnodiging_revoke",
    "uitnodigingen_create_bulk",
    "uitnodigingen_remind",
    "uitnodigingen_send",
    "voorstel_accept",
    "voorstel_reject",
]
