# SPDX-License-Identifier: EUPL-1.2
"""Choices of sociaal verwijzen (003 §4). Values are stable codes."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from dekkend.referrals import workflow

# Regional agreements of 003 §7 where a region has not set its own
# (`RegioInstelling`): first feedback within 10 working days; personal data
# kept 24 months after a referral ended.
TERMIJN_EERSTE_TERUGKOPPELING_WERKDAGEN = 10
BEWAARTERMIJN_MAANDEN = 24


class Status(models.TextChoices):
    VERSTUURD = workflow.Status.VERSTUURD.value, _("verstuurd")
    GEACCEPTEERD = workflow.Status.GEACCEPTEERD.value, _("geaccepteerd")
    TERUGGESTUURD = workflow.Status.TERUGGESTUURD.value, _("teruggestuurd")
    IN_BEHANDELING = workflow.Status.IN_BEHANDELING.value, _("in behandeling")
    GEPAUZEERD = workflow.Status.GEPAUZEERD.value, _("gepauzeerd")
    AFGESLOTEN = workflow.Status.AFGESLOTEN.value, _("afgesloten")
    INGETROKKEN = workflow.Status.INGETROKKEN.value, _("ingetrokken")


class Uitkomst(models.TextChoices):
    VERBONDEN = workflow.Uitkomst.VERBONDEN.value, _("verbonden en gaat")
    GEHOLPEN = workflow.Uitkomst.GEHOLPEN.value, _("geholpen")
    ZELF_VERDER = workflow.Uitkomst.ZELF_VERDER.value, _("kan zelf verder")
    NIET_BEREIKT = workflow.Uitkomst.NIET_BEREIKT.value, _("niet bereikt")
    AFGEZIEN = workflow.Uitkomst.AFGEZIEN.value, _("afgezien")
    TERUG_NAAR_HUISARTS = (
        workflow.Uitkomst.TERUG_NAAR_HUISARTS.value,
        _("terug naar de huisarts"),
    )


class Probleem(models.TextChoices):
    """Psychosocial problems (003 §2) and life domains."""

    EMOTIONEEL = "emotioneel", _("emotioneel")
    SOCIAAL = "sociaal", _("sociaal")
    GEDRAG = "gedrag", _("gedrag")
    GELD_SCHULDEN = "geld_schulden", _("geld en schulden")
    WERK = "werk", _("werk en dagbesteding")
    RELATIES = "relaties", _("relaties")
    EENZAAMHEID = "eenzaamheid", _("eenzaamheid")
    ZINGEVING = "zingeving", _("zingeving")
    WONEN = "wonen", _("wonen")
    LEVENSGEBEURTENIS = "levensgebeurtenis", _("ingrijpende levensgebeurtenis")


class WarmeOverdracht(models.TextChoices):
    AFSPRAAK = "afspraak_gemaakt", _("afspraak gemaakt")
    INTRODUCTIE = "persoonlijk_geintroduceerd", _("persoonlijk geïntroduceerd")
    CONTACT_OPNEMEN = "graag_contact_opnemen", _("graag contact opnemen met de inwoner")


class ToestemmingWijze(models.TextChoices):
    MONDELING = "mondeling", _("mondeling, vastgelegd door de verwijzer")
    SCHRIFTELIJK = "schriftelijk", _("schriftelijk")
    DIGITAAL = "digitaal", _("digitaal")


class ToestemmingGever(models.TextChoices):
    INWONER = "inwoner", _("de inwoner zelf")
    VERTEGENWOORDIGER = "vertegenwoordiger", _("wettelijk vertegenwoordiger")


class ContactSoort(models.TextChoices):
    GESPREK = "gesprek", _("gesprek")
    HUISBEZOEK = "huisbezoek", _("huisbezoek")
    TELEFOON = "telefoon", _("telefonisch")
    BEELDBELLEN = "beeldbellen", _("beeldbellen")


class TerugkoppelingSoort(models.TextChoices):
    EERSTE_CONTACT = "eerste_contact", _("na het eerste contact")
    TUSSENTIJDS = "tussentijds", _("tussentijds")
    AFSLUITING = "afsluiting", _("bij afsluiten")


class Leesreden(models.TextChoices):
    """Why personal data of a referral is read; recorded with every read
    (PRODUCT.md: who, when, which record, why)."""

    BEHANDELING = "behandeling", _("uitvoeren van de verwijzing")
    OPVOLGING = "opvolging", _("status en terugkoppeling volgen")
    UITWISSELING = "uitwisseling", _("uitwisseling met een ander systeem (FHIR)")
    INZAGEVERZOEK = "inzageverzoek", _("inzageverzoek van de inwoner")


# Sources in `versions` for what the indicators count: the referrals sent in
# a calendar year (`referrals:<jaar>`, sharded by referral id, one new token
# per write, referrals/apps.py) and everything else that may change any
# year's figures (`referrals`: regional terms, bulk writes).
VERSION_SOURCE = "referrals"


def version_source_of_year(jaar: int) -> str:
    """The source of the referrals sent in `jaar` (local time).

    >>> version_source_of_year(2025)
    'referrals:2025'
    """
    return f"{VERSION_SOURCE}:{jaar}"
