# SPDX-License-Identifier: EUPL-1.2
"""Choices of the register. Values are stable lowercase codes; labels Dutch."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from dekkend.register import lsp_type


class OrganisatieSoort(models.TextChoices):
    LSP = "lsp", _("Laagdrempelig steunpunt / zelfregie- en herstelorganisatie")
    WELZIJN = "welzijn", _("Welzijnsorganisatie")
    GGZ = "ggz", _("GGZ-aanbieder")
    HUISARTSENPRAKTIJK = "huisartsenpraktijk", _("Huisartsenpraktijk")
    GEMEENTE = "gemeente", _("Gemeente")
    OVERIG = "overig", _("Overig")


class AanbodSoort(models.TextChoices):
    LSP = "lsp", _("Laagdrempelig steunpunt")
    WELZIJN = "welzijn", _("Welzijnsactiviteit")
    SCHULDHULP = "schuldhulp", _("Geldzaken en schuldhulp")
    SPORT_BEWEGEN = "sport_bewegen", _("Sport en bewegen")
    CULTUUR_CREATIEF = "cultuur_creatief", _("Cultuur en creativiteit")
    VRIJWILLIGERSWERK = "vrijwilligerswerk", _("Vrijwilligerswerk")
    WERK_DAGBESTEDING = "werk_dagbesteding", _("Werk en dagbesteding")
    LOTGENOTEN = "lotgenoten", _("Lotgenotencontact")
    MANTELZORG = "mantelzorg", _("Mantelzorgondersteuning")
    OVERIG = "overig", _("Overig aanbod")


class AanbodStatus(models.TextChoices):
    ACTIEF = "actief", _("actief")
    IN_OPRICHTING = "in_oprichting", _("in oprichting")
    GESTOPT = "gestopt", _("gestopt")


class PositieBron(models.TextChoices):
    """Where a location's coordinates come from (how far a distance can be trusted)."""

    ADRES = "adres", _("het adres")
    POSTCODE = "postcode", _("het postcodegebied van het adres")
    GEMEENTE = "gemeente", _("het midden van de gemeente")


class LspType(models.TextChoices):
    GROOT = lsp_type.GROOT, _("LSP groot (type 1)")
    MIDDEL = lsp_type.MIDDEL, _("LSP middel (type 2)")
    KLEIN = lsp_type.KLEIN, _("LSP klein (type 3)")
    ONBEKEND = lsp_type.ONBEKEND, _("type onbekend")


class Element(models.TextChoices):
    """The 4 elements of an LSP (000 §1)."""

    INLOOP = lsp_type.INLOOP, _("Inloop en ontmoeting")
    DOOR_EN_VOOR = lsp_type.DOOR_EN_VOOR, _("Door-en-voor-activiteiten")
    HERSTELAANBOD = lsp_type.HERSTELAANBOD, _("Herstelaanbod")
    GROEIVIJVER = lsp_type.GROEIVIJVER, _("Groeivijver")


class Weekdag(models.IntegerChoices):
    """ISO weekday numbers, so RRULE BYDAY follows directly."""

    MAANDAG = 1, _("maandag")
    DINSDAG = 2, _("dinsdag")
    WOENSDAG = 3, _("woensdag")
    DONDERDAG = 4, _("donderdag")
    VRIJDAG = 5, _("vrijdag")
    ZATERDAG = 6, _("zaterdag")
    ZONDAG = 7, _("zondag")


class Dagdeel(models.TextChoices):
    OCHTEND = "ochtend", _("ochtend")
    MIDDAG = "middag", _("middag")
    AVOND = "avond", _("avond")


# Indicative clock times of a dagdeel, used where a schedule must carry times
# (HSDS opens_at/closes_at). A location states its real hours in its notes.
DAGDEEL_TIJDEN: dict[str, tuple[str, str]] = {
    Dagdeel.OCHTEND: ("09:00", "12:30"),
    Dagdeel.MIDDAG: ("13:00", "17:00"),
    Dagdeel.AVOND: ("18:30", "22:00"),
}


class Herstelaanbod(models.TextChoices):
    WRAP = "wrap", _("WRAP (Wellness Recovery Action Plan)")
    HOP = "hop", _("HOP (Honest, Open, Proud)")
    HDJZ = "herstellen_doe_je_zelf", _("Herstellen doe je zelf")
    WMEE = "wmee", _("Werken met eigen ervaring (WMEE)")
    CRISISKAART = "crisiskaart", _("Crisiskaart")
    HERSTELVERHAAL = "herstelverhaal", _("Herstelverhaal schrijven")
    LOTGENOTENGROEP = "lotgenotengroep", _("Lotgenotengroepen")
    OVERIG = "overig", _("Ander herstelaanbod")


class Doelgroep(models.TextChoices):
    BREED = "breed", _("Breed: iedereen")
    EETPROBLEMEN = "eetproblemen", _("Eetproblemen")
    JEUGD = "jeugd", _("Jeugd")
    JONGVOLWASSENEN = "jongvolwassenen", _("Jongvolwassenen")
    MIGRATIEACHTERGROND = "migratieachtergrond", _("Mensen met een migratieachtergrond")
    LHBTIQ = "lhbtiq", _("LHBTIQ+")
    DAK_THUISLOZEN = "dak_thuislozen", _("Dak- en thuislozen")
    VERSLAVING = "verslaving", _("Verslaving")
    SUICIDALITEIT = "suicidaliteit", _("Suïcidaliteit")
    NAASTEN = "naasten", _("Naasten")


class Kenmerk(models.IntegerChoices):
    """The 10 national characteristics (000 §1, 001 Table 1), short labels."""

    TOEGANKELIJK = (
        1,
        _("1. Laagdrempelig toegankelijk, in het bijzonder voor EPA en naasten"),
    )
    LEREN_HERSTEL = 2, _("2. Gericht op leren, herstel en ontwikkeling")
    HALEN_BRENGEN = 3, _("3. Halen en brengen: co-creatie en gezamenlijk eigenaarschap")
    BEHOEFTEN = 4, _("4. Ondersteuning vanuit de behoeften van mensen")
    ALS_MENS = 5, _("5. Elkaar zien als mens, niet als cliënt of hulpverlener")
    WEDERKERIG = 6, _("6. Wederkerigheid en gelijkwaardigheid")
    WAT_PAST = 7, _("7. 'Wat past bij jou': methodische zelfhulp, geen protocollen")
    ERVARINGSKENNIS = 8, _("8. Collectieve ervaringskennis komt samen")
    ERVARINGSDESKUNDIGEN = (
        9,
        _("9. Ervaringsdeskundigen in de lead bij herstelactiviteiten"),
    )
    SAMENWERKING = 10, _("10. Samenwerking met formele en informele ketenpartners")


class KenmerkStatus(models.TextChoices):
    AANWEZIG = "aanwezig", _("aanwezig")
    IN_ONTWIKKELING = "in_ontwikkeling", _("in ontwikkeling")


# The register's source in `versions`: every write to what the public search
# or an analysis reads of the register gives it a new token.
VERSION_SOURCE = "register"
