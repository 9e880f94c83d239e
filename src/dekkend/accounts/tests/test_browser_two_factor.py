# SPDX-License-Identifier: EUPL-1.2
"""The QR code on the two-factor set-up page, as the browser draws it
(issue 12, point 10).

The drawn code is read back module by module from a screenshot and must be
the QR matrix of the otpauth URI that the page also gives as text (and of the
user's new TOTP device). The image has an accessible name, and the secret
and the link stay on the page for whoever cannot scan.
"""

import io
import re
from base64 import b32encode
from typing import Any

from django.conf import settings
from django.test import Client

import pytest
import segno
from django_otp.plugins.otp_totp.models import TOTPDevice
from PIL import Image
from playwright.sync_api import Page, expect

from dekkend.accounts.models import User
from dekkend.accounts.roles import role_group
from dekkend.register.tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("restore_session_data")]

# As drawn by accounts.views._qr_svg: 4 px modules, a quiet zone of 4.
SCALE, BORDER = 4, 4


def _read_qr(png: bytes, size: int) -> list[list[bool]]:
    """The dark modules of a `size`×`size` QR code in a screenshot (its box
    may be a pixel larger where the page puts it on a fractional position)."""
    image = Image.open(io.BytesIO(png)).convert("L")
    width, height = image.size
    side = (size + 2 * BORDER) * SCALE
    assert abs(width - side) <= 1 and abs(height - side) <= 1, image.size

    def dark(r: int, c: int) -> bool:
        x = (BORDER + c) * SCALE + SCALE // 2
        y = (BORDER + r) * SCALE + SCALE // 2
        return bool(image.getpixel((x, y)) < 128)

    return [[dark(r, c) for c in range(size)] for r in range(size)]


def test_the_qr_code_holds_the_otpauth_uri(
    live_register: Any, page: Page, axe: Any
) -> None:
    base = live_register.url
    user = UserFactory()
    user.groups.add(role_group("verwijzer"))
    user = User.objects.get(pk=user.pk)
    client = Client()
    client.force_login(user)  # password done, no device yet
    name = settings.SESSION_COOKIE_NAME
    page.context.add_cookies(
        [{"name": name, "value": client.cookies[name].value, "url": base}]
    )
    page.goto(f"{base}/account/tweestaps/instellen/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Tweestapsverificatie instellen"
    )
    device = TOTPDevice.objects.get(user=user, confirmed=False)

    qr = page.get_by_role("img", name=re.compile("^QR-code"))
    expect(qr).to_be_visible()
    # For whoever cannot scan: the secret and the link, as text.
    geheim = page.locator("#geheim").inner_text().replace(" ", "")
    assert geheim == b32encode(device.bin_key).decode("ascii")
    koppeling = page.get_by_role(
        "link", name="Dekkend toevoegen aan mijn authenticator-app"
    )
    uri = koppeling.get_attribute("href")
    assert uri == device.config_url
    page.get_by_text("Volledige koppeling (otpauth-adres)").click()
    expect(page.get_by_text(uri, exact=True)).to_be_visible()

    expected = segno.make(uri, error="m").matrix
    drawn = _read_qr(qr.screenshot(), len(expected))
    assert drawn == [[bool(m) for m in row] for row in expected]
    axe(page)
