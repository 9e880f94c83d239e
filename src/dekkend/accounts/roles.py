# SPDX-License-Identifier: EUPL-1.2
"""The roles of PRODUCT.md as permission groups.

Code checks permissions, never group names (STYLE.md §5); this module is the
one place that says which permissions make up a role. The roles that handle
personal referral data carry `accounts.persoonsgegevens_verwerken`, which makes
two-factor verification compulsory for their members. `roles_sync()` creates
or updates the groups and is idempotent.
"""

from dataclasses import dataclass

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from dekkend.accounts.permissions import PERSOONSGEGEVENS_VERWERKEN


@dataclass(frozen=True)
class Role:
    code: str
    name: str
    permissions: tuple[str, ...]


ROLES: tuple[Role, ...] = (
    Role(
        "verwijzer",
        "Verwijzer",
        (
            PERSOONSGEGEVENS_VERWERKEN,
            "referrals.add_verwijzing",
            "referrals.view_verwijzing",
        ),
    ),
    Role(
        "brugfunctionaris",
        "Brugfunctionaris",
        (
            "register.view_aanbod",
            PERSOONSGEGEVENS_VERWERKEN,
            "referrals.view_verwijzing",
            "referrals.change_verwijzing",
        ),
    ),
    Role(
        "lsp_medewerker",
        "LSP-medewerker",
        (
            "register.view_steunpunt",
            "register.change_steunpunt",
            "register.change_locatie",
            "register.add_kenmerkzelfbeoordeling",
            "register.change_kenmerkzelfbeoordeling",
            "lspmonitor.view_eigen_antwoorden",
            "lspmonitor.add_bezoekerstelling",
        ),
    ),
    Role(
        "regio",
        "Regio (beleid, zorgverzekeraar, regiocoördinator)",
        (
            "regions.view_gemeente",
            "regions.view_regio",
            "register.view_steunpunt",
            "coverage.view_analysisrun",
            "coverage.add_parameterafwijking",
            "coverage.add_realisatie",
            "coverage.change_realisatie",
            "referrals.view_indicatoren",
            "werkagenda.view_werkagenda",
            "werkagenda.change_werkagenda",
            "lspmonitor.view_regio_resultaten",
        ),
    ),
    Role(
        "landelijk_monitor",
        "Landelijk monitor",
        (
            "regions.view_gemeente",
            "regions.view_regio",
            "register.view_steunpunt",
            "register.add_afweging",
            "register.view_afweging",
            "register.change_any_steunpunt",
            "coverage.view_analysisrun",
            "coverage.add_parameterafwijking",
            "coverage.add_realisatie",
            "coverage.change_realisatie",
            "coverage.change_any_regio",
            "referrals.view_indicatoren",
            "referrals.view_indicatoren_landelijk",
            "werkagenda.view_werkagenda",
            "werkagenda.change_werkagenda",
            "werkagenda.view_werkagenda_landelijk",
            "lspmonitor.beheer_ronde",
            "lspmonitor.view_respondenten",
            "lspmonitor.view_regio_resultaten",
        ),
    ),
)


def _permission(dotted: str) -> Permission:
    app_label, codename = dotted.split(".", 1)
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


@transaction.atomic
def roles_sync() -> list[Group]:
    """Create or update one group per role with exactly its permissions."""
    groups = []
    for role in ROLES:
        group, _ = Group.objects.get_or_create(name=role.name)
        group.permissions.set([_permission(p) for p in role.permissions])
        groups.append(group)
    return groups


def role_group(code: str) -> Group:
    role = next(r for r in ROLES if r.code == code)
    return Group.objects.get(name=role.name)
