# SPDX-License-Identifier: EUPL-1.2
"""The fake people and organisations behind synthetic referrals.

Per gemeente: a few huisartsenpraktijken named "Huisartsenpraktijk <gemeente>
<n> (demo)" with two referrers each, and bridging professionals in the
organisation of the gemeente's Werkgebied; a gemeente without one gets
"Welzijn <gemeente> (demo)". Users are `synth-vw-…` and `synth-bf-…` with
unusable passwords (nobody logs in as them). Everything is reused when it
exists, so running the generator again creates nothing twice.

Synthetic referrals are those sent on behalf of a "(demo)" practice
(`synthetic_verwijzingen`).

What does not belong here: generating histories (`generate`, `tables`).
"""

from collections import defaultdict
from collections.abc import Iterable

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import Q, QuerySet

from dekkend.accounts.models import User
from dekkend.accounts.roles import role_group, roles_sync
from dekkend.referrals.constants import BEWAARTERMIJN_MAANDEN
from dekkend.referrals.models import Verwijzing, Werkgebied
from dekkend.referrals.selectors import termijnen_per_gemeente
from dekkend.referrals.synthetic.model import Keten
from dekkend.referrals.synthetic.texts import DEMO_SUFFIX
from dekkend.regions.models import Gemeente, Postcodegebied
from dekkend.regions.selectors import gemeente_list
from dekkend.register.constants import AanbodStatus, OrganisatieSoort
from dekkend.register.models import Aanbod, Organisatie, OrganisatieLid

VERWIJZER_PREFIX = "synth-vw-"
BRUG_PREFIX = "synth-bf-"
DEMO_VERWIJZER = "demo-verwijzer"
DEMO_BRUGFUNCTIONARIS = "demo-brugfunctionaris"
REFERRERS_PER_PRACTICE = 2


def praktijken_count(inwoners: int) -> int:
    return min(max(inwoners // 20_000 + 1, 1), 8)


def brugfunctionarissen_count(inwoners: int) -> int:
    return min(max(inwoners // 25_000 + 1, 1), 6)


def _inwoners(gemeente: Gemeente) -> int:
    """Inhabitants annotated by `regions.selectors.gemeente_list`."""
    return int(getattr(gemeente, "inwoners", None) or 0)


def synthetic_verwijzingen(
    gemeenten: Iterable[Gemeente] | None = None,
) -> QuerySet[Verwijzing]:
    """Referrals sent on behalf of a "(demo)" practice."""
    qs = Verwijzing.objects.filter(verwijzer_organisatie__naam__endswith=DEMO_SUFFIX)
    if gemeenten is not None:
        qs = qs.filter(gemeente__in=list(gemeenten))
    return qs


def _group(code: str) -> Group:
    try:
        return role_group(code)
    except Group.DoesNotExist:
        roles_sync()
        return role_group(code)


def _organisaties(names: dict[str, str]) -> dict[str, Organisatie]:
    """Organisations by name (name -> soort), created when missing."""
    existing = {o.naam: o for o in Organisatie.objects.filter(naam__in=list(names))}
    missing = [
        Organisatie(naam=naam, soort=soort, bron="synthetische demogegevens")
        for naam, soort in names.items()
        if naam not in existing
    ]
    Organisatie.objects.bulk_create(missing)
    return {o.naam: o for o in Organisatie.objects.filter(naam__in=list(names))}


def _users(specs: dict[str, tuple[str, str, int]]) -> dict[str, User]:
    """Users by username -> (role code, last name, organisation id), created
    when missing, with their role group and membership."""
    existing = set(
        User.objects.filter(username__in=list(specs)).values_list("username", flat=True)
    )
    password = make_password(None)
    User.objects.bulk_create(
        [
            User(
                username=username,
                first_name="Verwijzer" if role == "verwijzer" else "Brugfunctionaris",
                last_name=last_name,
                beroep="huisarts" if role == "verwijzer" else "welzijnscoach",
                password=password,
            )
            for username, (role, last_name, _) in specs.items()
            if username not in existing
        ]
    )
    users = {u.username: u for u in User.objects.filter(username__in=list(specs))}
    groups = {code: _group(code) for code in {s[0] for s in specs.values()}}
    User.groups.through.objects.bulk_create(
        [
            User.groups.through(user_id=users[name].pk, group_id=groups[role].pk)
            for name, (role, _, _) in specs.items()
        ],
        ignore_conflicts=True,
    )
    OrganisatieLid.objects.bulk_create(
        [
            OrganisatieLid(user=users[name], organisatie_id=org_id)
            for name, (_, _, org_id) in specs.items()
        ],
        ignore_conflicts=True,
    )
    return users


@transaction.atomic
def ketens_prepare(
    gemeenten: Iterable[Gemeente], *, demo_gemeente: Gemeente | None = None
) -> list[Keten]:
    """The chain of every gemeente, creating the fake practices, users and
    missing Werkgebied organisations. With `demo_gemeente`, the demo accounts
    (`demo-verwijzer`, `demo-brugfunctionaris`) join its first practice and
    its Werkgebied organisation when they exist, and so get a share of its
    referrals."""
    ids = [g.pk for g in gemeenten]
    gemeente_rows = list(gemeente_list().filter(pk__in=ids).order_by("code"))
    werkgebied = dict(
        Werkgebied.objects.filter(gemeente_id__in=ids).values_list(
            "gemeente_id", "organisatie_id"
        )
    )
    welzijn = _organisaties(
        {
            f"Welzijn {g.naam}{DEMO_SUFFIX}": OrganisatieSoort.WELZIJN
            for g in gemeente_rows
            if g.pk not in werkgebied
        }
    )
    Werkgebied.objects.bulk_create(
        [
            Werkgebied(
                gemeente=g, organisatie=welzijn[f"Welzijn {g.naam}{DEMO_SUFFIX}"]
            )
            for g in gemeente_rows
            if g.pk not in werkgebied
        ]
    )
    werkgebied.update(
        {
            w.gemeente_id: w.organisatie_id
            for w in Werkgebied.objects.filter(gemeente_id__in=ids)
        }
    )
    practice_names = {
        g.pk: [
            f"Huisartsenpraktijk {g.naam} {p}{DEMO_SUFFIX}"
            for p in range(1, praktijken_count(_inwoners(g)) + 1)
        ]
        for g in gemeente_rows
    }
    practices = _organisaties(
        {
            name: OrganisatieSoort.HUISARTSENPRAKTIJK
            for names in practice_names.values()
            for name in names
        }
    )
    specs: dict[str, tuple[str, str, int]] = {}
    for g in gemeente_rows:
        code = g.code.lower()
        for p, name in enumerate(practice_names[g.pk], start=1):
            for letter in "abcdefgh"[:REFERRERS_PER_PRACTICE]:
                specs[f"{VERWIJZER_PREFIX}{code}-{p}{letter}"] = (
                    "verwijzer",
                    f"{g.code}-{p}{letter}{DEMO_SUFFIX}",
                    practices[name].pk,
                )
        for b in range(1, brugfunctionarissen_count(_inwoners(g)) + 1):
            specs[f"{BRUG_PREFIX}{code}-{b}"] = (
                "brugfunctionaris",
                f"{g.code}-{b}{DEMO_SUFFIX}",
                werkgebied[g.pk],
            )
    _users(specs)
    if demo_gemeente is not None:
        _demo_accounts_link(
            practices[practice_names[demo_gemeente.pk][0]], werkgebied[demo_gemeente.pk]
        )
    practice_ids = {
        gemeente_id: [practices[name].pk for name in names]
        for gemeente_id, names in practice_names.items()
    }
    return _ketens(gemeente_rows, werkgebied, practice_ids)


def _demo_accounts_link(practice: Organisatie, welzijn_id: int) -> None:
    for username, org_id in (
        (DEMO_VERWIJZER, practice.pk),
        (DEMO_BRUGFUNCTIONARIS, welzijn_id),
    ):
        user = User.objects.filter(username=username).first()
        if user is not None:
            OrganisatieLid.objects.get_or_create(user=user, organisatie_id=org_id)


def _ketens(
    gemeente_rows: list[Gemeente],
    werkgebied: dict[int, int],
    practices: dict[int, list[int]],
) -> list[Keten]:
    """Read back who works where: only synthetic users and the demo
    accounts act in synthetic referrals, never real staff."""
    ids = [g.pk for g in gemeente_rows]
    orgs = {p for ps in practices.values() for p in ps} | set(werkgebied.values())
    members: dict[int, list[int]] = defaultdict(list)
    for org_id, user_id in (
        OrganisatieLid.objects.filter(organisatie_id__in=orgs)
        .filter(
            Q(user__username__startswith=VERWIJZER_PREFIX)
            | Q(user__username__startswith=BRUG_PREFIX)
            | Q(user__username__in=[DEMO_VERWIJZER, DEMO_BRUGFUNCTIONARIS])
        )
        .order_by("organisatie_id", "user__username")
        .values_list("organisatie_id", "user_id")
    ):
        members[org_id].append(user_id)
    aanbod: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for pk, soort, gemeente_id in (
        Aanbod.objects.filter(locatie__gemeente_id__in=ids)
        .exclude(status=AanbodStatus.GESTOPT)
        .order_by("pk")
        .values_list("pk", "soort", "locatie__gemeente_id")
    ):
        aanbod[gemeente_id].append((pk, soort))
    pc4: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for code, inwoners, gemeente_id in (
        Postcodegebied.objects.filter(gemeente_id__in=ids)
        .order_by("pc4")
        .values_list("pc4", "inwoners", "gemeente_id")
    ):
        pc4[gemeente_id].append((code, inwoners or 0))
    termijn = termijnen_per_gemeente(veld="bewaartermijn_maanden")
    return [
        Keten(
            gemeente_id=g.pk,
            code=g.code,
            inwoners=_inwoners(g),
            ontvanger_id=werkgebied[g.pk],
            brugfunctionarissen=tuple(members[werkgebied[g.pk]]),
            verwijzers=tuple((p, u) for p in practices[g.pk] for u in members[p]),
            aanbod=tuple(aanbod[g.pk]),
            pc4=tuple(pc4[g.pk]),
            bewaartermijn_maanden=termijn.get(g.pk, BEWAARTERMIJN_MAANDEN),
        )
        for g in gemeente_rows
    ]
