"""Admin pages for two-factor sign-in: the code step, set up, backup codes, switching it off."""

import logging
import re
from base64 import b32encode
from binascii import unhexlify

import django_otp
import qrcode
import qrcode.image.svg
from django import forms
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice, default_key

from .signals import _client, _safe
from .throttle import signed_in
from .two_factor import (
    DEVICE_NAME,
    has_two_factor,
    new_backup_codes,
    normalise,
    remove_devices,
    verify_code,
)

logger = logging.getLogger("pressroom.security")

ENROL_KEY = "pressroom_two_factor_key"


def refused_message() -> str:
    # One message for every failure: wrong code, used backup code, too many tries.
    return _(
        "That code was not accepted. Check the time on your phone, wait a few seconds "
        "and try again, or use one of your backup codes."
    )


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=40,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autofocus": True, "spellcheck": "false"}
        ),
    )


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


def _page(request, template, title, **context):
    context.update(
        page_title=title,
        header_title=title,
        header_icon="key",
        required=settings.PRESSROOM_REQUIRE_2FA,
    )
    return TemplateResponse(request, f"security/two_factor/{template}.html", context)


def _done(request, event: str, what: str, message) -> None:
    """Log a change to a user's two-factor sign-in (who, from where) and tell them."""
    logger.info(
        "%s for %s from %s",
        what,
        _safe(request.user.get_username()),
        _client(request),
        extra={"event": event},
    )
    messages.success(request, message)


@never_cache
@sensitive_post_parameters("code")
def verify(request):
    """The code step after the password."""
    user = request.user
    next_url = _next_url(request)
    if user.is_verified() or not has_two_factor(user):
        return redirect(next_url)
    form, error = CodeForm(request.POST if request.method == "POST" else None), None
    if request.method == "POST":
        device = verify_code(request, user, form.data.get("code", ""))
        if device is not None:
            request.session.cycle_key()
            django_otp.login(request, device)
            signed_in(request, user)  # this browser is the owner's from now on
            return redirect(next_url)
        form, error = CodeForm(), refused_message()
    return TemplateResponse(
        request,
        "security/two_factor/verify.html",
        {"form": form, "error": error, "next": next_url},
    )


@never_cache
def manage(request):
    """Status of two-factor sign-in for the signed-in user, with what they can do about it."""
    user = request.user
    enabled = has_two_factor(user)
    backup_left = StaticToken.objects.filter(device__user=user).count() if enabled else 0
    return _page(
        request,
        "manage",
        _("Two-factor sign-in"),
        enabled=enabled,
        backup_left=backup_left,
    )


def _qr_svg(data: str) -> str:
    image = qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2)
    svg = image.to_string(encoding="unicode")
    # qrcode sizes it in millimetres (about 100 px); let it fill its box instead.
    return re.sub(r'^<svg width="[^"]*" height="[^"]*"', '<svg width="100%"', svg)


@never_cache
@sensitive_post_parameters("code")
def enrol(request):
    """Show a new secret (QR code and text) and switch it on once a first code matches it."""
    user = request.user
    if has_two_factor(user):
        return redirect("pressroom_two_factor")
    key = request.session.get(ENROL_KEY)
    if not key:
        key = default_key()
        request.session[ENROL_KEY] = key
    device = TOTPDevice(user=user, key=key, name=DEVICE_NAME, confirmed=True)
    form, error = CodeForm(request.POST if request.method == "POST" else None), None
    if request.method == "POST":
        code = normalise(form.data.get("code", ""))
        totp = TOTP(unhexlify(key))
        if code.isdigit() and len(code) == 6 and totp.verify(int(code), tolerance=1):
            device.last_t = totp.t()
            device.save()
            codes = new_backup_codes(user)
            del request.session[ENROL_KEY]
            request.session.cycle_key()
            django_otp.login(request, device)
            _done(
                request,
                "two_factor_enrolled",
                "two-factor sign-in turned on",
                _("Two-factor sign-in is on."),
            )
            return _page(request, "backup_codes", _("Backup codes"), codes=codes, new=True)
        form, error = CodeForm(), refused_message()
    secret = b32encode(unhexlify(key)).decode()
    return _page(
        request,
        "enrol",
        _("Set up two-factor sign-in"),
        form=form,
        error=error,
        qr_svg=mark_safe(_qr_svg(device.config_url)),  # generated markup, no user input
        secret=" ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
        next=_next_url(request),
    )


@never_cache
def backup_codes(request):
    """The unused backup codes; a POST replaces them all with a new set."""
    user = request.user
    if not has_two_factor(user):
        return redirect("pressroom_two_factor")
    if request.method == "POST":
        codes = new_backup_codes(user)
        _done(
            request,
            "two_factor_backup_codes",
            "two-factor backup codes replaced",
            _("New backup codes made; the old ones no longer work."),
        )
        new = True
    else:
        codes = list(
            StaticToken.objects.filter(device__user=user)
            .order_by("pk")
            .values_list("token", flat=True)
        )
        new = False
    return _page(request, "backup_codes", _("Backup codes"), codes=codes, new=new)


@never_cache
@sensitive_post_parameters("code")
def disable(request):
    """Switch two-factor sign-in off; takes a current code (or a backup code)."""
    user = request.user
    if not has_two_factor(user):
        return redirect("pressroom_two_factor")
    if settings.PRESSROOM_REQUIRE_2FA:
        messages.error(
            request, _("This site requires two-factor sign-in; it cannot be turned off.")
        )
        return redirect("pressroom_two_factor")
    form, error = CodeForm(request.POST if request.method == "POST" else None), None
    if request.method == "POST":
        if verify_code(request, user, form.data.get("code", "")) is not None:
            remove_devices(user)
            request.session.pop(DEVICE_ID_SESSION_KEY, None)
            _done(
                request,
                "two_factor_disabled",
                "two-factor sign-in turned off",
                _("Two-factor sign-in is off."),
            )
            return redirect("pressroom_two_factor")
        form, error = CodeForm(), refused_message()
    return _page(request, "disable", _("Turn off two-factor sign-in"), form=form, error=error)
