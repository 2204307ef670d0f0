"""Sign-in throttling that strangers cannot turn against an account's owner.

Two rules and who they spare, all kept in the database (they hold across workers and without
Redis):

- **Per address, and per address + account** (django-axes): after ``AXES_FAILURE_LIMIT``
  failures the address, or the address for that account, gets 429 until its cool-off ends.
  The first cool-off is ``PRESSROOM_LOGIN_COOLOFF_HOURS``; each further ``AXES_FAILURE_LIMIT``
  failures from the address within a day double it, up to a day. Retrying while locked out
  changes nothing (``AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False``).
- **Per account, from anywhere: a delay, never a lock.** Once an account has had
  ``PRESSROOM_LOGIN_ACCOUNT_LIMIT`` failures within a day, an address that has not signed in to
  it before, from a browser that has not either, waits before each attempt: its first attempt
  gets 429 and a time, and the attempt it makes after that time goes ahead. The wait doubles
  with every further ``PRESSROOM_LOGIN_ACCOUNT_LIMIT`` failures, up to
  ``PRESSROOM_LOGIN_ACCOUNT_WAIT_MAX`` seconds. Nobody else's attempts move it.
- The owner's own browser (a signed cookie set at a complete sign-in) and addresses the account
  has signed in from are not delayed.

Addresses are the client's behind trusted proxies; an IPv6 client counts as its /64 network.
"""

import ipaddress
import logging
import math
from datetime import timedelta

from axes.handlers.database import AxesDatabaseHandler
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.core.exceptions import PermissionDenied
from django.dispatch import receiver
from django.shortcuts import render
from django.utils import timezone
from django.utils.crypto import salted_hmac

from pressroom.core.usernames import normal_username

from .models import LoginDelay
from .proxies import client_address
from .signals import _safe
from .two_factor import has_two_factor

logger = logging.getLogger("pressroom.security")

DAY = timedelta(days=1)
# How long a browser or an address that signed in to an account counts as the owner's.
KNOWN_FOR = timedelta(days=180)
BROWSER_COOKIE = "pressroom_known"
BROWSER_SALT = "pressroom.security.known-browser"
BROWSER_ACCOUNTS = 5  # accounts one browser is remembered for


# --- What django-axes is given (settings AXES_*_CALLABLE, AXES_COOLOFF_TIME) ------------------


def client_ip(request) -> str:
    """The client's address; for IPv6 the first address of its /64 (one customer's network)."""
    address = ipaddress.ip_address(client_address(request))
    if address.version == 4:
        return str(address)
    if address.ipv4_mapped is not None:
        return str(address.ipv4_mapped)
    return str(ipaddress.ip_network(f"{address}/64", strict=False).network_address)


def axes_username(request, credentials=None):
    """The username in its normal form, so ``ADMIN`` and ``ａｄｍｉｎ`` count for ``admin``."""
    field = settings.AXES_USERNAME_FORM_FIELD
    if credentials:
        raw = credentials.get(field)
    else:
        raw = request.POST.get(field) if request is not None else None
    return None if raw is None else normal_username(raw)


def _address(request) -> str:
    return getattr(request, "axes_ip_address", None) or client_ip(request)


def cool_off(request=None) -> timedelta:
    """How long a failure from this address counts: ``PRESSROOM_LOGIN_COOLOFF_HOURS`` for the
    first ``AXES_FAILURE_LIMIT`` failures of the day, twice that for the next as many, and so
    on up to a day. A lock-out ends when its failures stop counting."""
    first = timedelta(hours=settings.PRESSROOM_LOGIN_COOLOFF_HOURS)
    if request is None:
        return first
    # Counted once per request: axes logs this request's failure after its last question, so
    # every failure of one round of AXES_FAILURE_LIMIT gets the same cool-off.
    failures = getattr(request, "pressroom_address_failures", None)
    if failures is None:
        failures = AccessFailureLog.objects.filter(
            ip_address=_address(request), attempt_time__gte=timezone.now() - DAY
        ).count()
        request.pressroom_address_failures = failures
    return min(first * 2 ** min(failures // settings.AXES_FAILURE_LIMIT, 16), max(DAY, first))


class AxesHandler(AxesDatabaseHandler):
    """django-axes's database handler, forgetting failures whose cool-off has passed before it
    decides, so that a lock-out ends exactly when its failures stop counting."""

    def is_locked(self, request, credentials=None) -> bool:
        self.clean_expired_user_attempts(request, credentials)
        return super().is_locked(request, credentials)


def lockout_ends(address: str):
    """When this address's failures that still count drop below the limit."""
    now = timezone.now()
    counting = (
        AccessAttempt.objects.filter(ip_address=address, expiration__expires_at__gt=now)
        .order_by("expiration__expires_at")
        .values_list("failures_since_start", "expiration__expires_at")
    )
    remaining = sum(failures for failures, _expires in counting)
    ends = now
    for failures, expires in counting:
        if remaining < settings.AXES_FAILURE_LIMIT:
            break
        remaining -= failures
        ends = expires
    return ends


def lockout_response(request, original_response=None, credentials=None):
    """The 429 page of a locked-out address, saying when it may try again."""
    wait = lockout_ends(_address(request)) - timezone.now()
    return _refusal(request, "security/lockout.html", wait)


def _refusal(request, template, wait: timedelta):
    seconds = max(math.ceil(wait.total_seconds()), 1)
    response = render(request, template, {"minutes": max(math.ceil(seconds / 60), 1)}, status=429)
    response["Retry-After"] = str(seconds)
    return response


# --- The per-account delay --------------------------------------------------------------------


def account_wait(username: str) -> timedelta | None:
    """How long a stranger waits per attempt at this account now, or None (no delay)."""
    limit = settings.PRESSROOM_LOGIN_ACCOUNT_LIMIT
    failures = AccessFailureLog.objects.filter(
        username=username, attempt_time__gte=timezone.now() - DAY
    ).count()
    if failures < limit:
        return None
    seconds = settings.PRESSROOM_LOGIN_ACCOUNT_WAIT * 2 ** min((failures - limit) // limit, 20)
    return timedelta(seconds=min(seconds, settings.PRESSROOM_LOGIN_ACCOUNT_WAIT_MAX))


def _browser_tag(username: str) -> str:
    return salted_hmac(BROWSER_SALT, username).hexdigest()[:20]


def _browser_tags(request) -> list[str]:
    value = request.get_signed_cookie(
        BROWSER_COOKIE, default="", salt=BROWSER_SALT, max_age=KNOWN_FOR.total_seconds()
    )
    return [tag for tag in value.split(".") if tag]


def is_known(request, username: str, address: str) -> bool:
    """Has this browser, or this address, signed in to the account before?"""
    if _browser_tag(username) in _browser_tags(request):
        return True
    names = (
        AccessLog.objects.filter(ip_address=address, attempt_time__gte=timezone.now() - KNOWN_FOR)
        .values_list("username", flat=True)
        .distinct()
    )
    return any(normal_username(name) == username for name in names)


def take_turn(request, username: str) -> timedelta | None:
    """None when this attempt may go ahead; else how long this address must still wait."""
    wait = account_wait(username)
    if wait is None:
        return None
    address = client_ip(request)
    if is_known(request, username, address):
        return None
    now = timezone.now()
    LoginDelay.objects.filter(ready_at__lt=now - DAY).delete()  # turns nobody came back for
    turn, created = LoginDelay.objects.get_or_create(
        username=username, ip_address=address, defaults={"ready_at": now + wait}
    )
    if created or turn.ready_at > now:
        return turn.ready_at - now
    deleted, _rows = LoginDelay.objects.filter(pk=turn.pk, ready_at__lte=now).delete()
    return None if deleted else wait  # another request of this address used the turn


class AccountDelayBackend:
    """An authentication backend between django-axes's and the password check: an attempt that
    must wait is refused before any password is compared (and counts as a failed attempt from
    its address). ``SignInMiddleware`` turns the refusal into the 429 page."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None or username is None:
            return None
        key = normal_username(username)
        wait = take_turn(request, key)
        if wait is None:
            return None
        request.pressroom_login_wait = wait
        logger.warning(
            "login delayed for %s from %s: account under attack, %d s to wait",
            _safe(username),
            request.META.get("REMOTE_ADDR", ""),
            math.ceil(wait.total_seconds()),
            extra={"event": "login_delayed"},
        )
        raise PermissionDenied


# --- The owner's browser ------------------------------------------------------------------------


def signed_in(request, user) -> None:
    """Mark a complete sign-in (password, and the code when the user has two-factor sign-in),
    so that ``SignInMiddleware`` remembers this browser for the account."""
    if request is not None:
        request.pressroom_signed_in = user


@receiver(user_logged_in)
def remember_password_only_sign_in(sender, request, user, **kwargs):
    if not has_two_factor(user):
        signed_in(request, user)


def remember_browser(request, response, user) -> None:
    tag = _browser_tag(normal_username(user.get_username()))
    tags = [tag] + [t for t in _browser_tags(request) if t != tag][: BROWSER_ACCOUNTS - 1]
    response.set_signed_cookie(
        BROWSER_COOKIE,
        ".".join(tags),
        salt=BROWSER_SALT,
        max_age=int(KNOWN_FOR.total_seconds()),
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


class SignInMiddleware:
    """Answers a delayed sign-in with 429, and remembers a browser after a complete sign-in."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        wait = getattr(request, "pressroom_login_wait", None)
        if wait is not None:
            return _refusal(request, "security/login_wait.html", wait)
        user = getattr(request, "pressroom_signed_in", None)
        if user is not None and response.status_code < 400:
            remember_browser(request, response, user)
        return response
