# SPDX-License-Identifier: EUPL-1.2
"""Creating a werkagenda (or a herziening), saving its texts with optimistic
locking, prefill decisions and storing an imported DOCX."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from dekkend.audit.services import record
from dekkend.coverage.services import analysis_run
from dekkend.regions.models import Regio
from dekkend.register.models import Organisatie
from dekkend.werkagenda import prefill
from dekkend.werkagenda.constants import (
    PERIODE_TOT,
    PERIODE_VAN,
    PartijRol,
    PrefillStatus,
    WerkagendaStatus,
)
from dekkend.werkagenda.format.definition import format_latest
from dekkend.werkagenda.models import (
    FinancieelPlanRegel,
    IngroeipadJaar,
    Mijlpaal,
    Partij,
    Prefill,
    Projectdoelstelling,
    Sectie,
    SectieWijziging,
    Werkagenda,
)
from dekkend.werkagenda.services.common import (
    VerouderdeOpslag,
    WerkagendaVastgesteld,
    definitie_of,
    locked,
    user_label,
    writable,
)
from dekkend.werkagenda.services.planning import (
    doelstelling_validate,
    mijlpaal_validate,
)


@transaction.atomic
def werkagenda_create(
    *,
    user: Any,
    regio: Regio,
    periode_van: int = PERIODE_VAN,
    periode_tot: int = PERIODE_TOT,
    herziening_van: Werkagenda | None = None,
    store_run: bool = True,
) -> Werkagenda:
    """A new werkagenda of `regio` following the latest format, as version 1;
    or, with `herziening_van` (an adopted version), version N+1 with its
    texts, goals, milestones, parties and financial plan copied.

    With `store_run` a coverage run is stored so that the prefill cites it.

    Raises:
        ValidationError: a draft of the region is still open, the region
            already has a werkagenda (use a herziening), the version to
            revise is not adopted, or the period is invalid.
    """
    if not 2000 <= periode_van <= periode_tot <= 2100:
        raise ValidationError({"periode_tot": _("De periode is ongeldig.")})
    bestaande = Werkagenda.objects.select_for_update().filter(regio=regio)
    if bestaande.exclude(status=WerkagendaStatus.VASTGESTELD).exists():
        raise ValidationError(
            _("Regio %(regio)s heeft al een werkagenda in bewerking.")
            % {"regio": regio.naam}
        )
    if herziening_van is None and bestaande.exists():
        raise ValidationError(
            _("Regio %(regio)s heeft al een werkagenda; maak een herziening.")
            % {"regio": regio.naam}
        )
    if herziening_van is not None:
        herziening_van = Werkagenda.objects.get(pk=herziening_van.pk)
        if herziening_van.regio_id != regio.pk or not herziening_van.vastgesteld:
            raise ValidationError(
                _(
                    "Alleen een vastgestelde werkagenda van deze regio kan worden herzien."
                )
            )
        periode_van, periode_tot = (
            herziening_van.periode_van,
            herziening_van.periode_tot,
        )
    versie = (bestaande.aggregate(m=Max("versie"))["m"] or 0) + 1
    wa = Werkagenda.objects.create(
        regio=regio,
        periode_van=periode_van,
        periode_tot=periode_tot,
        format_versie=format_latest().versie,
        versie=versie,
        vorige=herziening_van,
        aangemaakt_door=user if getattr(user, "is_authenticated", False) else None,
    )
    if herziening_van is not None:
        _copy(herziening_van, wa)
    if store_run:
        analysis_run(
            indeling=regio.indeling,
            regio=regio,
            peildatum=timezone.localdate(),
            user=user,
        )
    record(
        "werkagenda.created",
        user,
        wa,
        {
            "versie": versie,
            "herziening_van": str(herziening_van.uuid) if herziening_van else None,
        },
    )
    return wa


def _copy(bron: Werkagenda, doel: Werkagenda) -> None:
    for s in bron.secties.all():
        Sectie.objects.create(werkagenda=doel, adres=s.adres, tekst=s.tekst, revisie=0)
    for d in bron.doelstellingen.prefetch_related("ingroeipad"):
        nieuw = Projectdoelstelling.objects.create(
            werkagenda=doel,
            onderdeel=d.onderdeel,
            omschrijving=d.omschrijving,
            maatstaf=d.maatstaf,
            maatstaf_label=d.maatstaf_label,
            streefwaarde=d.streefwaarde,
            eenheid=d.eenheid,
            uiterlijk=d.uiterlijk,
            verantwoordelijke=d.verantwoordelijke,
            volgorde=d.volgorde,
        )
        IngroeipadJaar.objects.bulk_create(
            IngroeipadJaar(doelstelling=nieuw, jaar=r.jaar, waarde=r.waarde)
            for r in d.ingroeipad.all()
        )
    for m in bron.mijlpalen.all():
        Mijlpaal.objects.create(
            werkagenda=doel,
            onderdeel=m.onderdeel,
            kwartaal=m.kwartaal,
            activiteiten=m.activiteiten,
            verantwoordelijke=m.verantwoordelijke,
            deelresultaat=m.deelresultaat,
            status=m.status,
            volgorde=m.volgorde,
        )
    for p in bron.partijen.all():
        Partij.objects.create(
            werkagenda=doel,
            onderdeel=p.onderdeel,
            rol=p.rol,
            organisatie=p.organisatie,
            naam=p.naam,
        )
    for f in bron.financieel_plan.all():
        FinancieelPlanRegel.objects.create(
            werkagenda=doel,
            onderdeel=f.onderdeel,
            jaar=f.jaar,
            bedrag=f.bedrag,
            toelichting=f.toelichting,
        )


def _veld_label(wa: Werkagenda, adres: str) -> str:
    definitie = definitie_of(wa)
    try:
        veld = definitie.veld(adres)
    except KeyError:
        raise ValidationError(
            {"adres": _("Onbekend veld %(adres)s.") % {"adres": adres}}
        ) from None
    onderdeel = definitie.onderdeel(adres.rpartition(".")[0])
    return f"{onderdeel.kop}, {definitie.veld_label(veld)}"


def _write(
    wa: Werkagenda, adres: str, tekst: str, user: Any, revisie: int | None
) -> Sectie:
    label = _veld_label(wa, adres)
    sectie, _created = Sectie.objects.select_for_update().get_or_create(
        werkagenda=wa, adres=adres
    )
    if revisie is not None and sectie.revisie != revisie:
        raise VerouderdeOpslag(
            adres=adres,
            label=label,
            hun_tekst=sectie.tekst,
            uw_tekst=tekst,
            revisie=sectie.revisie,
            gewijzigd_door=user_label(sectie.gewijzigd_door),
        )
    tekst = tekst.replace("\r\n", "\n")
    if tekst == sectie.tekst:
        return sectie
    SectieWijziging.objects.create(
        sectie=sectie,
        revisie=sectie.revisie + 1,
        oude_tekst=sectie.tekst,
        nieuwe_tekst=tekst,
        gewijzigd_door=user if getattr(user, "is_authenticated", False) else None,
    )
    sectie.tekst = tekst
    sectie.revisie += 1
    sectie.gewijzigd_op = timezone.now()
    sectie.gewijzigd_door = user if getattr(user, "is_authenticated", False) else None
    sectie.save()
    return sectie


@transaction.atomic
def sectie_save(
    *, user: Any, werkagenda: Werkagenda, adres: str, tekst: str, revisie: int
) -> Sectie:
    """Save the text of field `adres` ("2a.situatie") that the user started
    editing at `revisie`.

    Raises:
        VerouderdeOpslag: someone saved the field since `revisie`; it
            carries both texts and nothing is written.
        WerkagendaVastgesteld: the werkagenda is adopted.
        ValidationError: unknown field (`adres`).
    """
    wa = writable(werkagenda)
    sectie = _write(wa, adres, tekst, user, revisie)
    record("sectie.saved", user, wa, {"adres": adres, "revisie": sectie.revisie})
    return sectie


@transaction.atomic
def prefill_accept(
    *,
    user: Any,
    werkagenda: Werkagenda,
    adres: str,
    revisie: int,
    tekst: str | None = None,
) -> Sectie:
    """Put the suggestion for `adres` (recomputed now) into the field, or the
    user's edited version of it (`tekst`); records source and date."""
    wa = writable(werkagenda)
    suggestie = prefill.suggesties(wa).get(adres)
    if suggestie is None:
        raise ValidationError(
            {"adres": _("Voor %(adres)s is geen voorstel.") % {"adres": adres}}
        )
    sectie = _write(
        wa, adres, suggestie.tekst if tekst is None else tekst, user, revisie
    )
    _prefill_mark(wa, suggestie, PrefillStatus.GEACCEPTEERD, user)
    record("prefill.accepted", user, wa, {"adres": adres, "bewerkt": tekst is not None})
    return sectie


@transaction.atomic
def prefill_reject(*, user: Any, werkagenda: Werkagenda, adres: str) -> Prefill:
    wa = writable(werkagenda)
    suggestie = prefill.suggesties(wa).get(adres)
    if suggestie is None:
        raise ValidationError(
            {"adres": _("Voor %(adres)s is geen voorstel.") % {"adres": adres}}
        )
    obj = _prefill_mark(wa, suggestie, PrefillStatus.AFGEWEZEN, user)
    record("prefill.rejected", user, wa, {"adres": adres})
    return obj


def _prefill_mark(
    wa: Werkagenda, suggestie: prefill.Suggestie, status: str, user: Any
) -> Prefill:
    obj, _created = Prefill.objects.update_or_create(
        werkagenda=wa,
        adres=suggestie.adres,
        defaults={
            "voorgesteld": suggestie.tekst,
            "bron": suggestie.bron[:500],
            "peildatum": suggestie.peildatum,
            "status": status,
            "beoordeeld_op": timezone.now(),
            "beoordeeld_door": user
            if getattr(user, "is_authenticated", False)
            else None,
        },
    )
    return obj


@transaction.atomic
def prefill_refresh(*, user: Any, werkagenda: Werkagenda) -> int:
    """Store a new coverage run of the region for the suggestions to cite;
    returns its number."""
    wa = writable(werkagenda)
    _data, run = analysis_run(
        indeling=wa.regio.indeling,
        regio=wa.regio,
        peildatum=timezone.localdate(),
        user=user,
    )
    assert run is not None
    record("prefill.refreshed", user, wa, {"run": run.pk})
    return int(run.pk)


@transaction.atomic
def import_store(
    *, user: Any, werkagenda: Werkagenda, resultaat: Any
) -> dict[str, int]:
    """Store an `ImportResultaat` (docx_io.importer) into the draft
    `werkagenda`: texts of every field it holds (overwriting, with history),
    and for each onderdeel it holds its goals, milestones and parties
    (replacing the ones there). All or nothing.

    Raises:
        WerkagendaVastgesteld: the werkagenda is adopted.
        ValidationError: a goal or milestone of the file breaks a rule; the
            message names the onderdeel and field.
    """
    wa = writable(werkagenda)
    definitie = definitie_of(wa)
    teller = {"velden": 0, "doelstellingen": 0, "mijlpalen": 0, "partijen": 0}
    organisaties = {o.naam: o for o in Organisatie.objects.only("pk", "naam")}
    for inhoud in resultaat.inhoud.onderdelen:
        try:
            onderdeel = definitie.onderdeel(inhoud.sleutel)
        except KeyError:
            continue
        for veld, tekst in inhoud.velden.items():
            adres = f"{inhoud.sleutel}.{veld}"
            if veld in onderdeel.veld_sleutels and tekst.strip():
                _write(wa, adres, tekst, user, None)
                teller["velden"] += 1
        if onderdeel.soort == "aanpak" and (inhoud.doelstellingen or inhoud.mijlpalen):
            wa.doelstellingen.filter(onderdeel=onderdeel.sleutel).delete()
            wa.mijlpalen.filter(onderdeel=onderdeel.sleutel).delete()
            for i, d in enumerate(inhoud.doelstellingen):
                doelstelling_validate(
                    wa,
                    onderdeel=onderdeel.sleutel,
                    omschrijving=d.omschrijving,
                    maatstaf=d.maatstaf,
                    maatstaf_label=d.maatstaf_label,
                    uiterlijk=d.uiterlijk,
                    ingroeipad=d.ingroeipad,
                    verantwoordelijke=d.verantwoordelijke,
                )
                obj = Projectdoelstelling.objects.create(
                    werkagenda=wa,
                    onderdeel=onderdeel.sleutel,
                    omschrijving=d.omschrijving,
                    maatstaf=d.maatstaf,
                    maatstaf_label=d.maatstaf_label,
                    streefwaarde=d.streefwaarde,
                    eenheid=d.eenheid,
                    uiterlijk=d.uiterlijk,
                    verantwoordelijke=d.verantwoordelijke,
                    volgorde=i,
                )
                IngroeipadJaar.objects.bulk_create(
                    IngroeipadJaar(doelstelling=obj, jaar=j, waarde=w)
                    for j, w in d.ingroeipad
                )
                teller["doelstellingen"] += 1
            for i, m in enumerate(inhoud.mijlpalen):
                mijlpaal_validate(
                    wa,
                    onderdeel=onderdeel.sleutel,
                    kwartaal=m.kwartaal,
                    activiteiten=m.activiteiten,
                    status=m.status,
                )
                Mijlpaal.objects.create(
                    werkagenda=wa,
                    onderdeel=onderdeel.sleutel,
                    kwartaal=m.kwartaal,
                    activiteiten=m.activiteiten,
                    verantwoordelijke=m.verantwoordelijke,
                    deelresultaat=m.deelresultaat,
                    status=m.status,
                    volgorde=i,
                )
                teller["mijlpalen"] += 1
        if onderdeel.heeft_partijen and (
            inhoud.financiers or inhoud.uitvoeringspartijen
        ):
            wa.partijen.filter(onderdeel=onderdeel.sleutel).delete()
            for rol, namen in (
                (PartijRol.FINANCIER, inhoud.financiers),
                (PartijRol.UITVOERINGSPARTIJ, inhoud.uitvoeringspartijen),
            ):
                for naam in namen:
                    org = organisaties.get(naam)
                    Partij.objects.create(
                        werkagenda=wa,
                        onderdeel=onderdeel.sleutel,
                        rol=rol,
                        organisatie=org,
                        naam="" if org else naam[:200],
                    )
                    teller["partijen"] += 1
    record(
        "werkagenda.imported",
        user,
        wa,
        {**teller, "niet_geplaatst": len(resultaat.niet_geplaatst)},
    )
    return teller


__all__ = [
    "VerouderdeOpslag",
    "WerkagendaVastgesteld",
    "import_store",
    "locked",
    "prefill_accept",
    "prefill_refresh",
    "prefill_reject",
    "sectie_save",
    "werkagenda_create",
]
