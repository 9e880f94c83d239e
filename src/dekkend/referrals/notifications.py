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
from django.core.mail import send_mass_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from dekkend.accounts.models import User
from dekkend.referrals.models import Verwijzing
from dekkend.register.models import Organisatie

_MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def _link(verwijzing: Verwijzing, page: str = "referrals:detail") -> str:
    """Absolute link to the brugfunctionaris' page, or to the referrer's
    (`referrals:mijn-detail`)."""
    path = reverse(page, kwargs={"uuid": verwijzing.uuid})
    return f"{settings.DEKKEND_BASE_URL}{path}"


def brugfunctionaris_emails(
    organisatie_id: int, *, organisatie_email: str | None = None
) -> list[str]:
    """Addresses of the organisation's members who may handle referrals;
    the organisation's own address when none of them has one (read from
    the database unless the caller has the row and passes its `email`)."""
    # Only the addresses are read (no User rows built): this runs after
    # every referral is sent.
    emails = sorted(
        set(
            User.objects.with_perm(
                "referrals.change_verwijzing",
                include_superusers=False,
                backend=_MODEL_BACKEND,
            )
            .filter(lidmaatschappen__organisatie_id=organisatie_id, is_active=True)
            .exclude(email="")
            .values_list("email", flat=True)
        )
    )
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
