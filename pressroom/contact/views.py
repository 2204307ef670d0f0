"""Serving the contact page: rate limit, form, store, thank you; the mail goes out afterwards."""

import logging

from django.db import DatabaseError, transaction
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from pressroom.contact import spam
from pressroom.contact.forms import PRODUCT
from pressroom.contact.signals import message_received
from pressroom.core.navigation import site_key
from pressroom.core.sitecache import remember
from pressroom.security.proxies import client_address

logger = logging.getLogger(__name__)


class AfterResponse(TemplateResponse):
    """A response that runs callbacks once the server has sent it to the visitor."""

    def __init__(self, *args, after=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.after = list(after)

    def close(self):
        # The server calls close() once the visitor has the page; the callbacks run before
        # Django's request_finished handlers, so they tidy up any connection used here.
        callbacks, self.after = self.after, []
        for callback in callbacks:
            try:
                callback()
            except Exception:  # the message is stored; the sweep will deliver it
                logger.exception("Could not queue the contact notification")
        super().close()


def enqueue_delivery(message_id: int) -> None:
    """Say the message is to be mailed (the tasks module queues it)."""
    message_received.send(sender=None, message_id=message_id)


def queue_with_message(message_id: int) -> None:
    """Queue the mail inside the message's transaction, in a savepoint: should queueing fail,
    the message is still stored, and the sweep mails it within a minute."""
    try:
        with transaction.atomic():
            enqueue_delivery(message_id)
    except Exception:
        logger.exception("Could not queue the contact notification")


def too_many_posts(page, request) -> TemplateResponse:
    context = page.get_context(request)
    response = TemplateResponse(request, "contact/too_many_posts.html", context, status=429)
    response["Retry-After"] = str(spam.retry_after())
    return response


def serve_contact_page(page, request, *args, **kwargs):
    if request.method != "POST":
        # A quote request (在线询价) from a product's page names the product.
        initial = {PRODUCT: request.GET.get("product", "")[:20]}
        return render_form(
            page, request, page.get_form(page=page, user=request.user, initial=initial)
        )
    if not spam.count_post(client_address(request)):
        return too_many_posts(page, request)
    form = page.get_form(request.POST, page=page, user=request.user)
    if not form.is_valid():
        return render_form(page, request, form)
    if form.is_spam:
        logger.info("Contact form: dropped a post that filled the honeypot")
        return thank_you_after_post(page, request)
    if page.has_recent_duplicate(form.submission_data()):
        # A double click or a resend: already stored and being mailed.
        return thank_you_after_post(page, request)
    # Only a message that passed every check counts for the whole site; over the site's limit
    # it is still stored and thanked for, but held for review instead of mailed on its own.
    held = not spam.count_site_message()
    try:
        # One short write transaction: the message and its queued notification (a row of
        # the same database) are stored together or not at all (decision 0049).
        with transaction.atomic():
            message = page.process_form_submission(form, held=held)
            if not held:
                queue_with_message(message.pk)
    except DatabaseError:
        # Never thank a visitor for a message that was not kept: show it again to resend.
        logger.exception("Contact form: could not store a message")
        form.add_error(None, _("Your message could not be saved just now. Please send it again."))
        return render_form(page, request, form, status=503)
    return thank_you_after_post(page, request)


def render_form(page, request, form, status=200):
    context = page.get_context(request)
    context["form"] = form
    return TemplateResponse(request, page.get_template(request), context, status=status)


def thank_you_after_post(page, request) -> HttpResponse:
    """The thank-you page after a post. It shows the page's published version, the same to
    every visitor, so it is rendered once per version, language and site-wide change
    (``remember``: kept with the header and footer) instead of on every post. Previews of
    the page (unsaved drafts) render afresh through ``thank_you``."""
    name = f"contact:thank-you:{page.pk}:{page.live_revision_id}:{site_key(request)}"
    html = remember(name, lambda: thank_you(page, request, None).render().content, request)
    return HttpResponse(html)


def thank_you(page, request, message, after=()):
    context = page.get_context(request)
    context["form_submission"] = message
    return AfterResponse(request, page.get_landing_page_template(request), context, after=after)
