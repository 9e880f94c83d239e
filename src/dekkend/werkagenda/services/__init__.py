# SPDX-License-Identifier: EUPL-1.2
"""The only writers of the werkagenda app: each validates, writes in one
transaction and records an audit event."""

from dekkend.werkagenda.services.common import VerouderdeOpslag, WerkagendaVastgesteld
from dekkend.werkagenda.services.planning import (
    doel_realisatie_record,
    doelstelling_delete,
    doelstelling_save,
    financieel_plan_save,
    mijlpaal_delete,
    mijlpaal_save,
    mijlpaal_status_set,
    partij_delete,
    partij_save,
)
from dekkend.werkagenda.services.spuk import spuk_bedragen_load, verdeelsleutel_load
from dekkend.werkagenda.services.vaststelling import (
    collegebesluit_record,
    colleges_zonder_vaststelling,
    vws_submission_record,
    werkagenda_status_change,
)
from dekkend.werkagenda.services.werkagenda import (
    import_store,
    prefill_accept,
    prefill_refresh,
    prefill_reject,
    sectie_save,
    werkagenda_create,
)

__all__ = [
    "VerouderdeOpslag",
    "WerkagendaVastgesteld",
    "collegebesluit_record",
    "colleges_zonder_vaststelling",
    "doel_realisatie_record",
    "doelstelling_delete",
    "doelstelling_save",
    "financieel_plan_save",
    "import_store",
    "mijlpaal_delete",
    "mijlpaal_save",
    "mijlpaal_status_set",
    "partij_delete",
    "partij_save",
    "prefill_accept",
    "prefill_refresh",
    "prefill_reject",
    "sectie_save",
    "spuk_bedragen_load",
    "verdeelsleutel_load",
    "vws_submission_record",
    "werkagenda_create",
    "werkagenda_status_change",
]
