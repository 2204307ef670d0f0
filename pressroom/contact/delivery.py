"""Mailing stored messages to the company, with retries and backoff, and forgetting old ones."""

import logging
from collections.abc import Callable
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import F, Q
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from pressroom.contact.models import ContactMessage, retention_days

logger = logging.getLogger(__name__)
Delivery = ContactMessage.Delivery

# How long one attempt may hold a message before another worker may try it.
LEASE = timedelta(minutes=5)


class NoRecipient(Exception):
    """Neither the page nor the company info names an address to notify."""


def retry_delay(attempts: int) -> timedelta:
    """Exponential backoff after the given number of failed attempts, capped."""
    base = getattr(settings, "PRESSROOM_CONTACT_RETRY_BASE", 30)
    cap = getattr(settings, "PRESSROOM_CONTACT_RETRY_MAX_DELAY", 300)
    return timedelta(seconds=min(base * 2 ** max(attempts - 1, 0), cap))


def max_attempts() -> int:
    return int(getattr(settings, "PRESSROOM_CONTACT_MAX_ATTEMPTS", 600))


def claim(message_id: int) -> bool:
    """Mark the message as being sent, unless it is sent, not due, or someone else has it."""
    now = timezone.now()
    due = Q(delivery=Delivery.PENDING) | Q(
        delivery__in=[Delivery.RETRY, Delivery.SENDING], next_attempt_at__lte=now
    )
    return bool(
        ContactMessage.objects.filter(due, pk=message_id).update(
            delivery=Delivery.SENDING, attempts=F("attempts") + 1, next_attempt_at=now + LEASE
        )
    )


def deliver(message_id: int) -> str:
    """Try to mail one message; returns its delivery state afterwards ("skipped" if not due)."""
    if not claim(message_id):
        return "skipped"
    message = ContactMessage.objects.select_related("page").get(pk=message_id)
    try:
        recipients = message.page.specific.recipients()
        if not recipients:
            raise NoRecipient("No notification address: set the company email.")
        notification(message, recipients).send(fail_silently=False)
    except Exception as exc:  # any failure of the mail server: keep the message, retry later
        return record_failure(message, exc)
    ContactMessage.objects.filter(pk=message.pk).update(
        delivery=Delivery.SENT, sent_at=timezone.now(), next_attempt_at=None, last_error=""
    )
    return Delivery.SENT


def record_failure(message: ContactMessage, exc: Exception) -> str:
    attempts = message.attempts
    state = Delivery.FAILED if attempts >= max_attempts() else Delivery.RETRY
    error = f"{type(exc).__name__}: {exc}"[:500]
    retry_at = None if state == Delivery.FAILED else timezone.now() + retry_delay(attempts)
    ContactMessage.objects.filter(pk=message.pk).update(
        delivery=state, last_error=error, next_attempt_at=retry_at
    )
    logger.warning("Contact message %s not delivered (attempt %s): %s", message.pk, attempts, error)
    return state


def notification(message: ContactMessage, recipients: list[str]) -> EmailMessage:
    """The plain-text email for the company. Nothing the visitor typed goes into a header
    except the validated email address as Reply-To."""
    page = message.page.specific
    with translation.override(settings.LANGUAGE_CODE):
        subject = (page.subject or _("New message from the website")).splitlines()[0]
        body = render_body(message, page)
    reply_to = [message.email] if message.email and "\n" not in message.email else []
    return EmailMessage(
        subject=f"{subject} #{message.pk}",
        body=body,
        from_email=page.from_address or settings.DEFAULT_FROM_EMAIL,
        to=recipients,
        reply_to=reply_to,
    )


def render_body(message: ContactMessage, page) -> str:
    labels = dict(page.get_data_fields())
    lines = [_("A visitor left a message on %(page)s:") % {"page": page.full_url or page.title}]
    lines.append("")
    for key, value in message.form_data.items():
        label = labels.get(key, key)
        text = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
        if not text:
            continue  # optional fields left empty
        if "\n" in text:
            lines += [f"{label}:", text, ""]
        else:
            lines.append(f"{label}: {text}")
    received = timezone.localtime(message.submit_time).strftime("%Y-%m-%d %H:%M:%S %Z")
    lines += ["", _("Received: %(time)s") % {"time": received}]
    try:
        path = reverse("contact_message:inspect", args=[message.pk])
        lines.append(_("In the admin: %(url)s") % {"url": settings.WAGTAILADMIN_BASE_URL + path})
    except NoReverseMatch:
        pass
    return "\n".join(lines) + "\n"


def due_message_ids(limit: int = 100) -> list[int]:
    """Messages whose first attempt was lost or whose retry time has come, oldest first."""
    return list(
        ContactMessage.objects.filter(
            delivery__in=[Delivery.PENDING, Delivery.RETRY, Delivery.SENDING],
            next_attempt_at__lte=timezone.now(),
        )
        .order_by("next_attempt_at")
        .values_list("pk", flat=True)[:limit]
    )


def purge_old_messages() -> int:
    """Delete messages older than PRESSROOM_CONTACT_RETENTION_DAYS (0: keep them all)."""
    days = retention_days()
    if days <= 0:
        return 0
    cutoff = timezone.now() - timedelta(days=days)
    deleted, _counts = ContactMessage.objects.filter(submit_time__lt=cutoff).delete()
    return deleted


def sweep(limit: int = 100, should_stop: Callable[[], bool] = lambda: False) -> dict:
    """One pass of the scheduler: deliver what is due, then forget what is too old.

    ``should_stop`` is asked before each message: a worker that is stopping leaves the rest
    for the next pass instead of trying each against a mail server that may not answer.
    """
    results = []
    for pk in due_message_ids(limit):
        if should_stop():
            break
        results.append(deliver(pk))
    return {
        "sent": results.count(Delivery.SENT),
        "retry": results.count(Delivery.RETRY),
        "failed": results.count(Delivery.FAILED),
        "purged": purge_old_messages(),
    }
