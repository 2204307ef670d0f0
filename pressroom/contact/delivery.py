"""Mailing stored messages to the company, with retries and backoff, and forgetting old ones."""

import logging
from collections.abc import Callable
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import F, Max, Q
from django.template.defaultfilters import filesizeformat
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from pressroom.contact import spam
from pressroom.contact.mailconfig import mail_configured, sender
from pressroom.contact.models import ContactMessage, retention_days

logger = logging.getLogger(__name__)
Delivery = ContactMessage.Delivery

# How long one attempt may hold a message before another worker may try it.
LEASE = timedelta(minutes=5)
# Held messages a summary mail names one by one; the admin link shows them all.
SUMMARY_LINES = 20


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
    if not mail_configured():
        # Handed to a backend that reaches nobody (the console): saying "sent" would be a lie.
        ContactMessage.objects.filter(pk=message.pk).update(
            delivery=Delivery.OFF, next_attempt_at=None, last_error=""
        )
        return Delivery.OFF
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
        from_email=page.from_address or sender(page.get_site()),
        to=recipients,
        reply_to=reply_to,
    )


def render_body(message: ContactMessage, page) -> str:
    labels = dict(page.get_data_fields())
    lines = [_("A visitor left a message on %(page)s:") % {"page": page.full_url or page.title}]
    lines.append("")
    if message.product:
        lines += [_("Quote request for: %(product)s") % {"product": message.product}, ""]
    for key, value in message.form_data.items():
        label = labels.get(key, key)
        text = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
        if not text:
            continue  # optional fields left empty
        if "\n" in text:
            lines += [f"{label}:", text, ""]
        else:
            lines.append(f"{label}: {text}")
    if message.attachment:
        size = message.attachment_size
        lines += [
            "",
            _("Attached file: %(name)s (%(size)s), to download in the admin (not attached here).")
            % {"name": message.attachment_name, "size": filesizeformat(size) if size else "?"},
        ]
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


def mail_held_summaries() -> int:
    """Mail each contact page's recipients once about the messages held since its last summary,
    at most once per rate-limit window; returns the number of summaries sent."""
    now = timezone.now()
    due = ContactMessage.objects.filter(delivery=Delivery.HELD, next_attempt_at__lte=now)
    window = timedelta(seconds=spam.rate_limit()[1])
    sent = 0
    for page_id in set(due.values_list("page_id", flat=True)):
        recent = ContactMessage.objects.filter(
            page_id=page_id, delivery=Delivery.HELD, sent_at__gt=now - window
        )
        if recent.exists():
            continue  # one summary per window is enough; the rest wait for the next one
        # Claim them with a lease time of our own, so two sweeps never mail the same summary.
        lease = now + LEASE
        due.filter(page_id=page_id).update(next_attempt_at=lease, attempts=F("attempts") + 1)
        claimed = ContactMessage.objects.filter(
            page_id=page_id, delivery=Delivery.HELD, next_attempt_at=lease
        )
        ids = list(claimed.values_list("pk", flat=True))
        if ids and send_held_summary(ContactMessage.objects.filter(pk__in=ids), now):
            sent += 1
    return sent


def send_held_summary(held, now) -> bool:
    """Mail the summary of these held messages; on failure leave them due after a backoff."""
    messages = list(held.select_related("page").order_by("submit_time"))
    page = messages[0].page.specific
    try:
        recipients = page.recipients()
        if not recipients:
            raise NoRecipient("No notification address: set the company email.")
        held_summary(page, messages, recipients).send(fail_silently=False)
    except Exception as exc:  # the messages stay held and due: the next sweep tries again
        attempts = held.aggregate(n=Max("attempts"))["n"] or 1
        error = f"{type(exc).__name__}: {exc}"[:500]
        held.update(next_attempt_at=now + retry_delay(attempts), last_error=error)
        logger.warning("Summary of %s held contact messages not sent: %s", len(messages), error)
        return False
    held.update(next_attempt_at=None, sent_at=now, last_error="")
    return True


def held_summary(page, messages: list[ContactMessage], recipients: list[str]) -> EmailMessage:
    """One plain-text mail naming the held messages, with a link to them in the admin."""
    with translation.override(settings.LANGUAGE_CODE):
        subject = (page.subject or _("New message from the website")).splitlines()[0]
        subject = _("%(subject)s: messages held for review (%(count)s)") % {
            "subject": subject,
            "count": len(messages),
        }
        lines = [
            _(
                "More messages than the site-wide limit came in on %(page)s. They are stored "
                "but were not mailed one by one; please read them in the admin."
            )
            % {"page": page.full_url or page.title},
            "",
        ]
        for message in messages[:SUMMARY_LINES]:
            received = timezone.localtime(message.submit_time).strftime("%Y-%m-%d %H:%M")
            who = " ".join(filter(None, [message.name, message.phone, message.email]))
            lines.append(f"#{message.pk} {received} {who}: {message.excerpt}")
        if len(messages) > SUMMARY_LINES:
            lines.append(_("… and %(count)s more.") % {"count": len(messages) - SUMMARY_LINES})
        try:
            path = reverse("contact_message:index") + "?delivery=" + Delivery.HELD
            url = settings.WAGTAILADMIN_BASE_URL + path
            lines += ["", _("In the admin: %(url)s") % {"url": url}]
        except NoReverseMatch:
            pass
    return EmailMessage(
        subject=subject,
        body="\n".join(lines) + "\n",
        from_email=page.from_address or sender(page.get_site()),
        to=recipients,
    )


def sweep(limit: int = 100, should_stop: Callable[[], bool] = lambda: False) -> dict:
    """One pass of the scheduler: deliver what is due, summarise what is held, then forget
    what is too old.

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
        "held_summaries": mail_held_summaries(),
        "purged": purge_old_messages(),
    }
