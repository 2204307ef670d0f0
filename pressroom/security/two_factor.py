"""Two-factor sign-in for the admin: an authenticator app (TOTP) plus single-use backup codes.

django-otp keeps the devices and checks the codes (with its per-device throttle: after each
wrong code the next try must wait 1, 2, 4, 8 … seconds). This module decides who must give a
code and when, and keeps every outcome in the ``pressroom.security`` log.

A session that has passed the password but not the code is signed in only as far as the code
step: every admin address sends it there, and the public site treats it as anonymous (no
previews or private pages on the strength of the password alone).
"""

import logging
import re
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .middleware import is_admin_path
from .signals import _client, _safe

logger = logging.getLogger("pressroom.security")

BACKUP_CODE_COUNT = 10
DEVICE_NAME = "authenticator"
BACKUP_NAME = "backup codes"


def has_two_factor(user) -> bool:
    """True when the user has a confirmed authenticator (they then must give a code)."""
    if not user.is_authenticated:
        return False
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).exists()


def must_enrol(user) -> bool:
    """PRESSROOM_REQUIRE_2FA applies to every user who may use the admin."""
    return (
        settings.PRESSROOM_REQUIRE_2FA
        and user.is_authenticated
        and user.has_perm("wagtailadmin.access_admin")
        and not has_two_factor(user)
    )


def normalise(code: str) -> str:
    return re.sub(r"[\s-]", "", code or "").lower()[:32]


def verify_code(request, user, code: str):
    """The device that accepts ``code`` (an app code or an unused backup code), or None.

    Six digits go to the authenticator, anything else to the backup codes, so a backup code
    does not count as a failure against the app and the other way round. A device inside its
    throttle delay refuses even the right code. Every outcome is logged.
    """
    code = normalise(code)
    model = TOTPDevice if code.isdigit() and len(code) == 6 else StaticDevice
    accepted = None
    with transaction.atomic():
        for device in devices_for_user(user, confirmed=True, for_verify=True):
            if isinstance(device, model) and code and device.verify_token(code):
                accepted = device
                break
    if accepted is None:
        logger.warning(
            "two-factor code refused for %s from %s",
            _safe(user.get_username()),
            _client(request),
            extra={"event": "two_factor_failed"},
        )
    else:
        logger.info(
            "two-factor code accepted for %s from %s (%s)",
            _safe(user.get_username()),
            _client(request),
            "backup code" if isinstance(accepted, StaticDevice) else "authenticator",
            extra={"event": "two_factor_verified"},
        )
    return accepted


def new_backup_codes(user) -> list[str]:
    """Replace the user's backup codes with a fresh set, and return them."""
    with transaction.atomic():
        device, _created = StaticDevice.objects.get_or_create(
            user=user, name=BACKUP_NAME, defaults={"confirmed": True}
        )
        device.token_set.all().delete()
        codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
    return codes


def remove_devices(user) -> int:
    """Delete every two-factor device of the user; returns how many there were."""
    removed = 0
    with transaction.atomic():
        for device in devices_for_user(user, confirmed=None):
            device.delete()
            removed += 1
    return removed


def _admin_url(name: str) -> str:
    return reverse(name)


class TwoFactorMiddleware:
    """Send half-signed-in sessions to the code step; send users who must enrol to enrolment.

    Sits right after django-otp's OTPMiddleware, which tells whether this session gave a code.
    """

    # Admin addresses a session may open before giving its code.
    CODE_STEP_OPEN = ("two-factor/verify/", "logout/", "login/", "jsi18n/", "sprite")
    # ... and before enrolling, when enrolment is required.
    ENROL_OPEN = (*CODE_STEP_OPEN, "two-factor/enrol/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            # No session, nobody signed in: asking would load the (empty) session and mark
            # the response "Vary: Cookie", which keeps it out of the page cache.
            return self.get_response(request)
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or user.is_verified():
            return self.get_response(request)
        path = request.path_info
        if not is_admin_path(path):
            if has_two_factor(user):
                # The password alone does not count as signed in on the public site.
                request.user = AnonymousUser()
            return self.get_response(request)
        relative = path[len(settings.PRESSROOM_ADMIN_PATH) + 1 :]
        if has_two_factor(user):
            if not relative.startswith(self.CODE_STEP_OPEN):
                return self._send_to("pressroom_two_factor_verify", request)
        elif must_enrol(user) and not relative.startswith(self.ENROL_OPEN):
            return self._send_to("pressroom_two_factor_enrol", request)
        return self.get_response(request)

    @staticmethod
    def _send_to(name, request):
        target = _admin_url(name)
        if request.method == "GET":
            target += "?" + urlencode({"next": request.get_full_path()})
        return redirect(target)
