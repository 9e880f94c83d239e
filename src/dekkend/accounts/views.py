# SPDX-License-Identifier: EUPL-1.2
"""Login, two-factor set-up and verification, and the lock-out page.

Thin: `TokenForm` checks the shape of a code, `services` check the code and
record the audit events, django-otp's `login` marks the session verified.
Who must use two-factor is decided in `permissions.py`, enforced by
`middleware.py`. No JavaScript: the QR code is inline SVG and the secret is
also shown as text.
"""

from base64 import b32encode
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

import segno
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from dekkend.accounts import selectors, services
from dekkend.accounts.forms import TokenForm
from dekkend.accounts.models import User
from dekkend.accounts.permissions import (
    two_factor_asked,
    two_factor_required,
    two_factor_verified,
)


def _next_url(request: HttpRequest) -> str:
    """The validated `next` parameter, or the default page after login."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate,
        allowed_hosts={request.get_host()},
        require_https=request.is_secure(),
    ):
        return candidate
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def _with_next(name: str, next_url: str) -> str:
    return f"{reverse(name)}?{urlencode({'next': next_url})}"


def _two_factor_step(user: User, next_url: str) -> HttpResponseRedirect:
    """Redirect to set-up when the user has no device yet, else to verify."""
    if selectors.two_factor_device_exists(user=user):
        return HttpResponseRedirect(_with_next("accounts:two_factor_verify", next_url))
    return HttpResponseRedirect(_with_next("accounts:two_factor_setup", next_url))


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


class LoginView(auth_views.LoginView):
    """Password login; users who handle personal data continue to two-factor."""

    template_name = "accounts/login.html"

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        response = super().form_valid(form)
        user = form.get_user()
        if isinstance(user, User) and two_factor_required(user):
            return _two_factor_step(user, self.get_success_url())
        return response


def _grouped(secret: str, size: int = 4) -> str:
    return " ".join(secret[i : i + size] for i in range(0, len(secret), size))


def _qr_svg(uri: str) -> SafeString:
    """The otpauth URI as an inline SVG QR code (black on white, 4 px modules)."""
    svg = segno.make(uri, error="m").svg_inline(
        scale=4,
        border=4,
        dark="#000",
        light="#fff",
        svgclass="qr",
        title=_("QR-code om Dekkend aan uw authenticator-app toe te voegen"),
    )
    # An image to assistive technology, named by its <title>.
    svg = svg.replace("<svg ", '<svg role="img" ', 1)
    # segno builds the markup itself and escapes the title and the data.
    return mark_safe(svg)  # noqa: S308


def _setup_context(
    device: TOTPDevice, form: TokenForm, next_url: str
) -> dict[str, Any]:
    uri = device.config_url
    return {
        "form": form,
        "next": next_url,
        "secret": _grouped(b32encode(device.bin_key).decode("ascii")),
        "otpauth_uri": uri,
        "qr_svg": _qr_svg(uri),
    }


@never_cache
@login_required
def two_factor_setup(request: HttpRequest) -> HttpResponse:
    """Show a new TOTP secret and confirm it with a first code."""
    user = _user(request)
    next_url = _next_url(request)
    if not two_factor_asked(request):
        # Only for users who handle personal data, or a page that shows it.
        return redirect(next_url)
    if selectors.two_factor_device_exists(user=user):
        # One device per user; a lost phone is reset by a beheerder.
        if two_factor_verified(user):
            return redirect(next_url)
        return HttpResponseRedirect(_with_next("accounts:two_factor_verify", next_url))
    device = services.two_factor_device_start(user=user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        throttled = selectors.two_factor_throttled(user=user, confirmed=False)
        confirmed = services.two_factor_device_confirm(
            user=user, token=form.cleaned_data["token"]
        )
        if confirmed is not None:
            request.session.cycle_key()
            otp_login(request, confirmed)
            messages.success(request, _("Tweestapsverificatie is ingesteld."))
            return redirect(next_url)
        form.add_error("token", _code_error(throttled=throttled))
    status = 400 if form.is_bound and form.errors else 200
    return render(
        request,
        "accounts/two_factor_setup.html",
        _setup_context(device, form, next_url),
        status=status,
    )


@never_cache
@login_required
def two_factor_verify(request: HttpRequest) -> HttpResponse:
    """Ask for the code from the app after password login."""
    user = _user(request)
    next_url = _next_url(request)
    if two_factor_verified(user) or not two_factor_asked(request):
        return redirect(next_url)
    if not selectors.two_factor_device_exists(user=user):
        return HttpResponseRedirect(_with_next("accounts:two_factor_setup", next_url))
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        throttled = selectors.two_factor_throttled(user=user, confirmed=True)
        device = services.two_factor_verify(user=user, token=form.cleaned_data["token"])
        if device is not None:
            request.session.cycle_key()
            otp_login(request, device)
            return redirect(next_url)
        form.add_error("token", _code_error(throttled=throttled))
    status = 400 if form.is_bound and form.errors else 200
    return render(
        request,
        "accounts/two_factor_verify.html",
        {"form": form, "next": next_url},
        status=status,
    )


def _code_error(*, throttled: bool) -> str:
    if throttled:
        return _(
            "U heeft kort na elkaar onjuiste codes ingevoerd. Wacht een halve "
            "minuut en probeer het dan opnieuw met de nieuwste code."
        )
    return _(
        "Deze code klopt niet. Gebruik de nieuwste code die uw app bij Dekkend "
        "toont en controleer of de tijd op uw telefoon goed staat."
    )


def lockout_response(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict[str, Any] | None = None,
) -> HttpResponse:
    """The login page with a Dutch lock-out message (django-axes' callable)."""
    cool_off = settings.AXES_COOLOFF_TIME
    minutes = (
        int(cool_off.total_seconds() // 60) if isinstance(cool_off, timedelta) else 15
    )
    if getattr(request, "dekkend_account_locked", False):
        message = _(
            "Te veel mislukte inlogpogingen. Inloggen met deze gebruikersnaam is "
            "vanaf elk adres %(minuten)d minuten geblokkeerd; de houder van het "
            "account krijgt een e-mail. Probeer het daarna opnieuw, of vraag de "
            "beheerder om hulp."
        ) % {"minuten": minutes}
    else:
        message = _(
            "Te veel mislukte inlogpogingen. Inloggen met deze gebruikersnaam is "
            "vanaf dit adres %(minuten)d minuten geblokkeerd. Probeer het daarna "
            "opnieuw, of vraag de beheerder om hulp."
        ) % {"minuten": minutes}
    context = {
        "form": AuthenticationForm(request),
        "lockout_message": message,
        # LoginView validates `next` when the form is posted again.
        "next": request.POST.get("next", ""),
    }
    response = render(
        request,
        "accounts/login.html",
        context,
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
    response["Retry-After"] = str(minutes * 60)
    return response
