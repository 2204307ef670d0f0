"""Every login attempt, successful or not, goes to the ``pressroom.security`` log."""

import logging

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

logger = logging.getLogger("pressroom.security")


def _client(request) -> str:
    return request.META.get("REMOTE_ADDR", "") if request is not None else ""


def _safe(value) -> str:
    # Usernames are attacker-controlled: keep them short and on one line in the log.
    return repr(str(value or "")[:150])


@receiver(user_login_failed)
def log_failed_login(sender, credentials, request=None, **kwargs):
    if getattr(request, "pressroom_login_wait", None) is not None:
        return  # refused before the password was checked; logged as "login delayed"
    logger.warning(
        "login failed for %s from %s",
        _safe(credentials.get("username")),
        _client(request),
        extra={"event": "login_failed"},
    )


@receiver(user_logged_in)
def log_login(sender, request, user, **kwargs):
    logger.info(
        "login succeeded for %s from %s",
        _safe(user.get_username()),
        _client(request),
        extra={"event": "login"},
    )


@receiver(user_logged_out)
def log_logout(sender, request, user, **kwargs):
    logger.info(
        "logout of %s from %s",
        _safe(user.get_username() if user else ""),
        _client(request),
        extra={"event": "logout"},
    )
