# SPDX-License-Identifier: EUPL-1.2
"""E-mail notifications of sociaal verwijzen, through Django's e-mail framework.

E-mails never carry personal data: no name, date of birth, problems or
feedback text, only that something happened and a link to the page behind
the login (003 §7: feedback to the referrer; the content stays in Dekkend).
Services schedule these with `transaction.on_commit`, so a rolled-back write
sends nothing. Which referrals are overdue is decided in `services`.
"""

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.mail import send_mass_mail
from django.db import connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from dekkend.accounts.models import User
from dekkend.referrals.models import Verwijzing
from dekkend.register.models import Organisatie, OrganisatieLid


def _link(verwijzing: Verwijzing, page: str = "referrals:detail") -> str:
    """Absolute link to the brugfunctionaris' page, or to the referrer's
    (`referrals:mijn-detail`)."""
    path = reverse(page, kwargs={"uuid": verwijzing.uuid})
    return f"{settings.DEKKEND_BASE_URL}{path}"


def _emails_sql() -> str:
    """The addresses of an organisation's active members holding a
    permission directly or through a group: what
    `User.objects.with_perm(perm, include_superusers=False,
    backend=ModelBackend).filter(...)` selects, written out once. Building
    that queryset cost about 1 ms of CPU after every referral sent, more
    than running it. Plain SQL that SQLite and PostgreSQL both run; table
    names come from the models."""
    lid = OrganisatieLid._meta.db_table
    user_perms = User.user_permissions.through._meta.db_table
    user_groups = User.groups.through._meta.db_table
    group_perms = Group.permissions.through._meta.db_table
    # Only model table names are interpolated; values are parameters.
    return (
        f"SELECT DISTINCT u.email FROM {User._meta.db_table} u "  # noqa: S608
        f"INNER JOIN {lid} l ON l.user_id = u.id "
        "WHERE l.organisatie_id = %s AND u.is_active = %s AND u.email <> '' "
        "AND EXISTS ("
        f"SELECT 1 FROM {Permission._meta.db_table} p "
        f"INNER JOIN {ContentType._meta.db_table} ct ON ct.id = p.content_type_id "
        "WHERE ct.app_label = %s AND p.codename = %s AND ("
        f"EXISTS (SELECT 1 FROM {user_perms} up "
        "WHERE up.user_id = u.id AND up.permission_id = p.id) "
        f"OR EXISTS (SELECT 1 FROM {user_groups} ug "
        f"INNER JOIN {group_perms} gp ON gp.group_id = ug.group_id "
        "WHERE ug.user_id = u.id AND gp.permission_id = p.id)))"
    )


_EMAILS_SQL = _emails_sql()


def member_emails(organisatie_id: int, perm: str) -> list[str]:
    """Sorted addresses of the organisation's active members who hold `perm`
    (`app_label.codename`) themselves or through a group; superusers only
    as far as they hold it, members without an address left out."""
    app_label, codename = perm.split(".")
    with connection.cursor() as cursor:
        cursor.execute(_EMAILS_SQL, [organisatie_id, True, app_label, codename])
        return sorted(row[0] for row in cursor.fetchall())


def brugfunctionaris_emails(
    organisatie_id: int, *, organisatie_email: str | None = None
) -> list[str]:
    """Addresses of the organisation's members who may handle referrals;
    the organisation's own address when none of them has one (read from
    the database unless the caller has the row and passes its `email`)."""
    # Only the addresses are read (no User rows built): this runs after
    # every referral is sent.
    emails = member_emails(organisatie_id, "referrals.change_verwijzing")
    if emails:
        return emails
    if organisatie_email is not None:
        return [organisatie_email] if organisatie_email else []
    org = Organisatie.objects.filter(pk=organisatie_id).values_list("email", flat=True)
    return [e for e in org if e]


def _send(messages: Iterable[tuple[str, str, list[str]]]) -> int:
    batch = [
        (subject, body, settings.DEFAULT_FROM_EMAIL, to)
        for subject, body, to in messages
        if to
    ]
    return send_mass_mail(batch, fail_silently=False) if batch else 0


def _render(template: str, context: dict[str, Any]) -> tuple[str, str]:
    """Subject (first line) and body of a Dutch e-mail template."""
    with translation.override("nl"):
        text = render_to_string(f"referrals/email/{template}.txt", context)
    subject, _, body = text.strip().partition("\n")
    return subject.strip(), body.strip() + "\n"


def verwijzing_received_notify(verwijzing: Verwijzing) -> int:
    """Tell the receiving organisation a referral arrived."""
    subject, body = _render("ontvangen", {"link": _link(verwijzing)})
    # The create service assigned the organisation row it read (its
    # Werkgebied's): use its address rather than read it again.
    org_email = (
        verwijzing.ontvanger_organisatie.email
        if Verwijzing.ontvanger_organisatie.is_cached(verwijzing)
        else None
    )
    to = brugfunctionaris_emails(
        verwijzing.ontvanger_organisatie_id, organisatie_email=org_email
    )
    return _send([(subject, body, to)])


def verwijzer_notify(verwijzing: Verwijzing, *, soort: str) -> int:
    """Tell the referrer there is news: `soort` is "terugkoppeling" or
    "teruggestuurd"."""
    email = verwijzing.verwijzer.email
    link = _link(verwijzing, "referrals:mijn-detail")
    subject, body = _render(soort, {"link": link})
    return _send([(subject, body, [email] if email else [])])


def reminders_notify(per_organisatie: dict[int, list[Verwijzing]]) -> int:
    """One reminder per organisation listing its overdue referrals (links only)."""
    messages = []
    for organisatie_id, verwijzingen in per_organisatie.items():
        subject, body = _render(
            "herinnering",
            {"aantal": len(verwijzingen), "links": [_link(v) for v in verwijzingen]},
        )
        messages.append((subject, body, brugfunctionaris_emails(organisatie_id)))
    return _send(messages)
