"""Mailing a reply to the visitor who asked: after the moderator's save is committed, and
again by the scheduler (``send_due``) with the contact form's backoff until it goes out."""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import F, Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from pressroom.board.models import Question
from pressroom.contact.delivery import max_attempts, retry_delay
from pressroom.contact.mailconfig import sender

logger = logging.getLogger(__name__)
Mail = Question.Mail
LEASE = timedelta(minutes=5)


def claim(question_id: int) -> bool:
    """Take the reply mail for sending unless it is sent, not due, or someone else has it."""
    now = timezone.now()
    due = Q(reply_mail=Mail.PENDING) | Q(reply_mail=Mail.RETRY, mail_next_at__lte=now)
    return bool(
        Question.objects.filter(due, pk=question_id).update(
            reply_mail=Mail.RETRY, mail_attempts=F("mail_attempts") + 1, mail_next_at=now + LEASE
        )
    )


def send_reply(question_id: int) -> str:
    """Try to mail the reply once; returns the mail state afterwards ("skipped": not due)."""
    if not claim(question_id):
        return "skipped"
    question = Question.objects.select_related("page").get(pk=question_id)
    try:
        reply_mail(question).send(fail_silently=False)
    except Exception as exc:  # the server is down or refuses: the reply is saved, try later
        attempts = question.mail_attempts
        state = Mail.FAILED if attempts >= max_attempts() else Mail.RETRY
        Question.objects.filter(pk=question.pk).update(
            reply_mail=state,
            mail_error=f"{type(exc).__name__}: {exc}"[:500],
            mail_next_at=None if state == Mail.FAILED else timezone.now() + retry_delay(attempts),
        )
        logger.warning("Board reply %s not mailed (attempt %s): %s", question.pk, attempts, exc)
        return state
    Question.objects.filter(pk=question.pk).update(
        reply_mail=Mail.SENT, mail_next_at=None, mail_error=""
    )
    return Mail.SENT


def reply_mail(question: Question) -> EmailMessage:
    """Plain text in the board's language; only the validated address goes into a header."""
    page = question.page.specific
    language = page.locale.language_code if page.locale_id else settings.LANGUAGE_CODE
    with translation.override(language):
        subject = _("We have replied to your question")
        body = "\n\n".join(
            [
                _("Hello %(name)s,") % {"name": question.name},
                _("you asked on %(page)s:") % {"page": page.full_url or page.title},
                question.text,
                _("Our reply:"),
                question.reply,
                _("The question and the reply are now on the board (without your email)."),
            ]
        )
    return EmailMessage(
        subject=subject, body=body, from_email=sender(page.get_site()), to=[question.email]
    )


def send_due(should_stop=lambda: False) -> str:
    """The scheduler's job: mail every reply that is due (new, or its retry time has come)."""
    now = timezone.now()
    due = Question.objects.filter(
        Q(reply_mail=Mail.PENDING, mail_next_at__lte=now)
        | Q(reply_mail=Mail.RETRY, mail_next_at__lte=now)
    ).values_list("pk", flat=True)[:100]
    sent = 0
    for pk in list(due):
        if should_stop():
            break
        sent += send_reply(pk) == Mail.SENT
    return f"board replies mailed: {sent}" if sent else ""
