# SPDX-License-Identifier: EUPL-1.2
"""Fixed vocabularies of the synthetic referral histories: the choices with
their weights and the short Dutch texts that users would have typed.

Everything here is invented. Names of residents are "Demo Inwoner 0001234",
phone numbers use the area code 0000 (00 is the international access prefix,
so no Dutch number starts with it) and e-mail addresses end in
`example.invalid` (RFC 2606: never delivered). No BSN is ever generated.

What does not belong here: randomness (see `generate`) and Django.
"""

from dekkend.referrals import workflow

NAAM_PREFIX = "Demo Inwoner"
TELEFOON_PREFIX = "0000-"
EMAIL_DOMEIN = "example.invalid"
# Suffix of every organisation the generator creates (practices and welfare
# organisations); synthetic referrals are those sent by such a practice.
DEMO_SUFFIX = " (demo)"

TOESTEMMING_DOEL = (
    "Delen van de verwijzing met de sociaal domein professional voor "
    "vraagverheldering en terugkoppeling aan de verwijzer"
)

# Probleem codes (constants.Probleem) and how often a referral names them.
PROBLEMEN: tuple[tuple[str, float], ...] = (
    ("emotioneel", 0.16),
    ("sociaal", 0.10),
    ("gedrag", 0.03),
    ("geld_schulden", 0.12),
    ("werk", 0.09),
    ("relaties", 0.08),
    ("eenzaamheid", 0.18),
    ("zingeving", 0.07),
    ("wonen", 0.07),
    ("levensgebeurtenis", 0.10),
)

WARME_OVERDRACHT: tuple[tuple[str, float], ...] = (
    ("afspraak_gemaakt", 0.30),
    ("persoonlijk_geintroduceerd", 0.15),
    ("graag_contact_opnemen", 0.55),
)

TOESTEMMING_WIJZE: tuple[tuple[str, float], ...] = (
    ("mondeling", 0.70),
    ("schriftelijk", 0.10),
    ("digitaal", 0.20),
)

CONTACT_SOORT: tuple[tuple[str, float], ...] = (
    ("gesprek", 0.45),
    ("telefoon", 0.25),
    ("huisbezoek", 0.20),
    ("beeldbellen", 0.10),
)

# AanbodSoort codes, how often residents are connected to them, and a
# description for connections to offers that are not on the register.
VERBINDING_SOORT: tuple[tuple[str, float, str], ...] = (
    ("lsp", 0.24, "Inloop bij het steunpunt in de wijk"),
    ("welzijn", 0.24, "Koffieochtend van het buurthuis"),
    ("schuldhulp", 0.11, "Hulp bij de administratie door een vrijwilliger"),
    ("sport_bewegen", 0.10, "Wandelgroep in de buurt"),
    ("cultuur_creatief", 0.06, "Schilderclub in het dorpshuis"),
    ("vrijwilligerswerk", 0.07, "Vrijwilligerswerk via de vrijwilligerscentrale"),
    ("werk_dagbesteding", 0.06, "Dagbesteding op de zorgboerderij"),
    ("lotgenoten", 0.05, "Lotgenotengroep rouw"),
    ("mantelzorg", 0.03, "Mantelzorgsteunpunt"),
    ("overig", 0.04, "Ander aanbod in de buurt"),
)

# Outcomes of referrals closed after contact; closing without contact is
# `UITKOMST_ZONDER_CONTACT` (not reached 70%, declined 30%).
UITKOMST_NA_CONTACT: tuple[tuple[str, float], ...] = (
    (workflow.Uitkomst.VERBONDEN.value, 0.45),
    (workflow.Uitkomst.GEHOLPEN.value, 0.20),
    (workflow.Uitkomst.ZELF_VERDER.value, 0.20),
    (workflow.Uitkomst.TERUG_NAAR_HUISARTS.value, 0.08),
    (workflow.Uitkomst.AFGEZIEN.value, 0.07),
)
UITKOMST_ZONDER_CONTACT: tuple[tuple[str, float], ...] = (
    (workflow.Uitkomst.NIET_BEREIKT.value, 0.70),
    (workflow.Uitkomst.AFGEZIEN.value, 0.30),
)

TOELICHTING = (
    "Fictief: voelt zich somber sinds het verlies van werk.",
    "Fictief: weinig contacten sinds de verhuizing.",
    "Fictief: zorgen over geld en post die blijft liggen.",
    "Fictief: slaapt slecht na het overlijden van de partner.",
    "Fictief: zoekt een zinvolle dagbesteding.",
    "Fictief: spanningen thuis, wil graag praten.",
    "",
)
REDEN_TERUGSTUREN = (
    "Inwoner woont buiten ons werkgebied.",
    "Vraag past beter bij de ggz; besproken met de verwijzer.",
    "Inwoner heeft al een vaste hulpverlener in het sociaal domein.",
)
REDEN_INTREKKEN = (
    "Inwoner wil toch geen gesprek.",
    "Per abuis verstuurd.",
)
REDEN_PAUZEREN = (
    "Inwoner is een paar weken opgenomen.",
    "Inwoner is enkele weken op vakantie.",
    "Inwoner wil eerst zelf iets proberen.",
)
AAN_DE_SLAG_MET = {
    "eerste_contact": "Eerste gesprek gevoerd; we verkennen samen wat helpt.",
    "tussentijds": "Gaat wekelijks naar een activiteit in de buurt.",
    "afsluiting": "Traject afgerond; afspraken over vervolg gemaakt.",
}
