"""Serving a posting's apply form: rate limit, form, store (CV with it), thank you; the mail
to the company goes out afterwards, exactly as for contact messages."""

import logging
from datetime import timedelta

from django.db import DatabaseError
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control, patch_vary_headers
from django.utils.translation import gettext as _

from pressroom.careers.forms import ApplicationForm
from pressroom.contact import spam
from pressroom.contact.models import ContactMessage, fingerprint
from pressroom.contact.views import AfterResponse, enqueue_delivery
from pressroom.security.proxies import client_address

logger = logging.getLogger(__name__)


def serve_apply(page, request):
    response = apply(page, request)
    # The form carries a CSRF token and a signed time stamp: never share it in a cache.
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    patch_vary_headers(response, ["Cookie"])
    return response


def apply(page, request):
    if not page.is_open():
        return render(page, request, "careers/job_closed.html", status=410)
    if request.method != "POST":
        return render(page, request, "careers/apply.html", form=ApplicationForm())
    if not spam.count_post(client_address(request)):
        response = render(page, request, "careers/too_many_posts.html", status=429)
        response["Retry-After"] = str(spam.retry_after())
        return response
    form = ApplicationForm(request.POST, request.FILES)
    if not form.is_valid():
        return render(page, request, "careers/apply.html", form=form)
    if form.is_spam:
        logger.info("Apply form: dropped a post that filled the honeypot")
        return thank_you(page, request)
    data = form.submission_data()
    upload = form.cleaned_data["cv"]
    stamp = fingerprint({**data, "cv": [upload.name, upload.size]})
    since = timezone.now() - timedelta(minutes=10)
    if ContactMessage.objects.filter(page=page, fingerprint=stamp, submit_time__gte=since).exists():
        return thank_you(page, request)  # a double click: stored and being mailed already
    held = not spam.count_site_message()
    try:
        message = store(page, data, form, stamp, held)
    except DatabaseError:
        logger.exception("Apply form: could not store an application")
        form.add_error(
            None, _("Your application could not be saved just now. Please send it again.")
        )
        return render(page, request, "careers/apply.html", form=form, status=503)
    if held:
        return thank_you(page, request)
    return thank_you(page, request, after=[lambda: enqueue_delivery(message.pk)])


def store(page, data: dict, form: ApplicationForm, stamp: str, held: bool) -> ContactMessage:
    """The application as a message of the one inbox, with the CV as its attached file."""
    if held:
        delivery, due = ContactMessage.Delivery.HELD, timezone.now()
    else:
        delivery, due = ContactMessage.Delivery.PENDING, timezone.now() + timedelta(seconds=60)
    message = ContactMessage(
        form_data=data,
        page=page,
        delivery=delivery,
        next_attempt_at=due,
        fingerprint=stamp,
        attachment=form.cleaned_data["cv"],
        attachment_name=form.cv_name(),
    )
    try:
        message.save()
    except DatabaseError:
        if message.attachment:  # the file was written first: leave nothing behind
            message.attachment.delete(save=False)
        raise
    return message


def render(page, request, template: str, status: int = 200, **extra) -> TemplateResponse:
    context = page.get_context(request)
    context.update(extra)
    return TemplateResponse(request, template, context, status=status)


def thank_you(page, request, after=()):
    context = page.get_context(request)
    return AfterResponse(request, "careers/apply_thanks.html", context, after=after)
