# SPDX-License-Identifier: EUPL-1.2
"""Code systems, identifier systems, extension URLs and value maps of the
FHIR R4 exchange of referrals (docs/fhir.md).

Only constants and small lookups live here; building and reading resources
is `export.py` and `importer.py`. The Task status map is not repeated here:
it is `workflow.FHIR_TASK_STATUS`.

Codes Dekkend owns live under `https://dekkend.nl/fhir/`; their codes are the
stable values of the `TextChoices` in `referrals.constants`, so a new choice
is automatically a new code.
"""

from dekkend.referrals import workflow
from dekkend.referrals.constants import Probleem

BASE = "https://dekkend.nl/fhir"

# -- Dekkend code systems (code = the TextChoices value) ---------------------
PROBLEEM_SYSTEM = f"{BASE}/CodeSystem/probleem"
WARME_OVERDRACHT_SYSTEM = f"{BASE}/CodeSystem/warme-overdracht"
STATUS_SYSTEM = f"{BASE}/CodeSystem/verwijzing-status"
ACTIE_SYSTEM = f"{BASE}/CodeSystem/verwijzing-actie"
UITKOMST_SYSTEM = f"{BASE}/CodeSystem/uitkomst"
TERUGKOPPELING_SOORT_SYSTEM = f"{BASE}/CodeSystem/terugkoppeling-soort"
TOESTEMMING_WIJZE_SYSTEM = f"{BASE}/CodeSystem/toestemming-wijze"
AANBOD_SOORT_SYSTEM = f"{BASE}/CodeSystem/aanbod-soort"
TASK_OUTPUT_SYSTEM = f"{BASE}/CodeSystem/task-output"
# CBS municipality codes as Dekkend uses them ("GM0687").
GEMEENTE_SYSTEM = f"{BASE}/CodeSystem/cbs-gemeente"

# Task.output types (codes of TASK_OUTPUT_SYSTEM).
OUTPUT_UITKOMST = "uitkomst"
OUTPUT_TERUGKOPPELING = "terugkoppeling"
OUTPUT_VERBINDING = "verbinding"

# -- Identifier systems -------------------------------------------------------
VERWIJZING_SYSTEM = f"{BASE}/NamingSystem/verwijzing"  # Verwijzing.uuid
ORGANISATIE_SYSTEM = f"{BASE}/NamingSystem/organisatie"  # Organisatie.uuid
BSN_SYSTEM = "http://fhir.nl/fif/NamingSystem/bsn"

# -- Extensions ---------------------------------------------------------------
# The four conditions of 003 §4.1 on ServiceRequest, each a valueBoolean.
# Keys are the `services.Voorwaarden` field names.
EXT_VOORWAARDE = {
    "niet_alleen_medisch": f"{BASE}/StructureDefinition/voorwaarde-niet-alleen-medisch",
    "geen_ggz": f"{BASE}/StructureDefinition/voorwaarde-geen-ggz",
    "vraagverheldering_nodig": f"{BASE}/StructureDefinition/voorwaarde-vraagverheldering-nodig",
    "onvoldoende_eigen_regie": f"{BASE}/StructureDefinition/voorwaarde-onvoldoende-eigen-regie",
}
# Patient.address: the resident's gemeente (valueCoding, GEMEENTE_SYSTEM).
EXT_GEMEENTE = f"{BASE}/StructureDefinition/gemeente"
# Consent: how consent was given (valueCoding) and for what (valueString).
EXT_TOESTEMMING_WIJZE = f"{BASE}/StructureDefinition/toestemming-wijze"
EXT_TOESTEMMING_DOEL = f"{BASE}/StructureDefinition/toestemming-doel"
# Task.output (feedback): its kind (valueCoding) and "helped" (valueBoolean).
EXT_TERUGKOPPELING_SOORT = f"{BASE}/StructureDefinition/terugkoppeling-soort"
EXT_GEHOLPEN = f"{BASE}/StructureDefinition/geholpen"

# -- Profiles: every exported resource names its own in meta.profile ---------
PROFILE = {
    kind: f"{BASE}/StructureDefinition/dekkend-{kind.lower()}"
    for kind in ("ServiceRequest", "Task", "Consent", "Patient", "PractitionerRole")
}

# -- External terminologies ---------------------------------------------------
SNOMED = "http://snomed.info/sct"
SNOMED_PATIENT_REFERRAL = ("3457005", "Patient referral")
SNOMED_REFERRAL_TO_SOCIAL_WORKER = ("308440001", "Referral to social worker")
# Gravity SDOH Clinical Care: SDOH categories and Task codes.
SDOHCC_SYSTEM = "http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes"
TASK_CODE_SYSTEM = "http://hl7.org/fhir/CodeSystem/task-code"
CONSENT_SCOPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/consentscope"
V3_ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
V3_ACT_REASON = "http://terminology.hl7.org/CodeSystem/v3-ActReason"
V3_PARTICIPATION_TYPE = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType"

# ServiceRequest.status: what the referrer asked for. The work on it (accepted,
# paused, …) is the Task's status, as the Gravity closed-loop pattern keeps it.
SERVICE_REQUEST_STATUS = {
    workflow.Status.VERSTUURD: "active",
    workflow.Status.GEACCEPTEERD: "active",
    workflow.Status.IN_BEHANDELING: "active",
    workflow.Status.GEPAUZEERD: "active",
    workflow.Status.AFGESLOTEN: "completed",
    workflow.Status.TERUGGESTUURD: "revoked",
    workflow.Status.INGETROKKEN: "revoked",
}

# Problems onto the Gravity SDOH categories (ServiceRequest.category); only
# informative: the import reads the problems from reasonCode.
SDOH_CATEGORY = {
    Probleem.EMOTIONEEL: ("stress", "Stress"),
    Probleem.SOCIAAL: ("social-connection", "Social Connection"),
    Probleem.GEDRAG: ("sdoh-category-unspecified", "SDOH Category Unspecified"),
    Probleem.GELD_SCHULDEN: ("financial-insecurity", "Financial Insecurity"),
    Probleem.WERK: ("employment-status", "Employment Status"),
    Probleem.RELATIES: ("social-connection", "Social Connection"),
    Probleem.EENZAAMHEID: ("social-connection", "Social Connection"),
    Probleem.ZINGEVING: ("sdoh-category-unspecified", "SDOH Category Unspecified"),
    Probleem.WONEN: ("housing-instability", "Housing Instability"),
    Probleem.LEVENSGEBEURTENIS: ("stress", "Stress"),
}

# ServiceRequest.intent values an import accepts.
IMPORT_INTENTS = frozenset({"order", "original-order"})
