# SPDX-License-Identifier: EUPL-1.2
"""What the monitor's pages share: the permission gates and finding a round."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse

from dekkend.lspmonitor import selectors
from dekkend.lspmonitor.models import Ronde
from dekkend.lspmonitor.permissions import can_manage_ronde

View = Callable[..., HttpResponse]


def landelijk_required(view: View) -> View:
    """Logged in and allowed to manage rounds (403 otherwise)."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not can_manage_ronde(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def ronde_of(jaar: int) -> Ronde:
    try:
        return selectors.ronde_get(jaar=jaar)
    except Ronde.DoesNotExist:
        raise Http404 from None


def melding_fout(request: HttpRequest, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)
