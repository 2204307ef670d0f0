"""The admin's password-reset form (``WAGTAILADMIN_USER_PASSWORD_RESET_FORM``).

Reset mails are capped per address (``PRESSROOM_RESET_REQUESTS_PER_ADDRESS``) and per mailbox
(``PRESSROOM_RESET_MAILS_PER_ACCOUNT``) in fixed windows of ``PRESSROOM_RESET_WINDOW`` seconds,
counted in the database (they hold across workers and while Redis is down). Whether a mail
goes out, is held back or no account has the address, the request does the same work — count,
look up, queue — and gets the same page; the mail itself is written and sent by the task
worker, so no answer waits for the mail server.
"""

import logging
import unicodedata
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from django_tasks import task
from wagtail.admin.forms.auth import PasswordResetForm as WagtailPasswordResetForm

from .models import RateWindow
from .throttle import client_ip

logger = logging.getLogger("pressroom.security")

# The options of Django's PasswordResetForm.save() that the mail needs (the rest are the
# request and the defaults of Wagtail's view: its token generator, no extra context).
MAIL_OPTIONS = (
    "subject_template_name",
    "email_template_name",
    "html_email_template_name",
    "from_email",
)


def within_limit(kind: str, value: str, limit: int) -> bool:
    """Count one request for ``value`` in its fixed window; False once over ``limit``."""
    window = timedelta(seconds=settings.PRESSROOM_RESET_WINDOW)
    key = f"{kind}:" + salted_hmac("pressroom.security.rate", value).hexdigest()[:40]
    now = timezone.now()
    with transaction.atomic():
        RateWindow.objects.filter(started__lt=now - max(window, timedelta(days=1))).delete()
        row, created = RateWindow.objects.select_for_update().get_or_create(
            key=key, defaults={"started": now, "count": 1}
        )
        if not created:
            if row.started <= now - window:
                row.started, row.count = now, 1
            else:
                row.count += 1
            row.save(update_fields=["started", "count"])
    return row.count <= limit


def mailbox(email: str) -> str:
    """The form in which Django compares reset addresses (NFKC, case-folded)."""
    return unicodedata.normalize("NFKC", email.strip()).casefold()


class PasswordResetForm(WagtailPasswordResetForm):
    """Wagtail's form, counting each request and queueing the mail instead of sending it."""

    def save(self, *, request=None, domain_override=None, use_https=False, **options):
        email = self.cleaned_data["email"]
        address = client_ip(request)
        if not within_limit(
            "reset-address", address, settings.PRESSROOM_RESET_REQUESTS_PER_ADDRESS
        ):
            logger.warning(
                "password reset refused for %s: too many requests",
                address,
                extra={"event": "password_reset_limited"},
            )
            return
        # The same statements whether the address has an account and whether it is over its
        # cap: only the list of accounts handed to the worker differs.
        allowed = within_limit(
            "reset-mailbox", mailbox(email), settings.PRESSROOM_RESET_MAILS_PER_ACCOUNT
        )
        user_ids = [user.pk for user in self.get_users(email)]
        if not allowed:
            logger.warning(
                "password reset mail held back: too many for one mailbox (asked from %s)",
                address,
                extra={"event": "password_reset_limited"},
            )
        send_password_reset.enqueue(
            user_ids=user_ids if allowed else [],
            domain=domain_override or request.get_host(),
            use_https=use_https,
            language=translation.get_language(),
            options={name: options.get(name) for name in MAIL_OPTIONS},
        )


# On the database queue that `pressroom contact_worker` (run by `pressroom serve`) works off.
@task(backend="contact")
def send_password_reset(user_ids, domain, use_https, language, options) -> int:
    """Mail a reset link to each of these accounts' mailboxes; how many were written to.

    The link is made here, when the mail is sent, so it is never stored in the queue."""
    users = get_user_model().objects.filter(pk__in=user_ids, is_active=True)
    mailboxes = {mailbox(u.email): u.email for u in users if u.email and u.has_usable_password()}
    with translation.override(language):
        for address in mailboxes.values():
            # Wagtail's own form: Django's mail, to every active account of that mailbox.
            form = WagtailPasswordResetForm({"email": address})
            if form.is_valid():
                form.save(
                    domain_override=domain,
                    use_https=use_https,
                    **{name: value for name, value in options.items() if value is not None},
                )
    return len(mailboxes)
