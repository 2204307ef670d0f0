"""Asking a question: the contact form's rate limit and traps, stored as pending, thank you."""

import logging

from django.db import DatabaseError
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control, patch_vary_headers
from django.utils.translation import gettext as _

from pressroom.board.forms import QuestionForm
from pressroom.contact import spam
from pressroom.contact.models import fingerprint
from pressroom.security.proxies import client_address

logger = logging.getLogger(__name__)


def private(response):
    """The form carries a CSRF token and a signed time stamp: never share it in a cache."""
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    patch_vary_headers(response, ["Cookie"])
    return response


def ask(page, request):
    if request.method != "POST":
        return render_form(page, request, QuestionForm(page=page, user=request.user))
    if not spam.count_post(client_address(request)):
        context = page.get_context(request)
        response = TemplateResponse(request, "contact/too_many_posts.html", context, status=429)
        response["Retry-After"] = str(spam.retry_after())
        return private(response)
    form = QuestionForm(request.POST, page=page, user=request.user)
    if not form.is_valid():
        return render_form(page, request, form)
    if form.is_spam:
        logger.info("Question board: dropped a post that filled the honeypot")
        return thank_you(page, request)
    data = form.submission_data()
    key = fingerprint({"board": page.pk, **data})
    if page.questions.filter(fingerprint=key, state="pending").exists():
        return thank_you(page, request)  # a double click or a resend: already stored
    try:
        page.questions.create(
            name=data["name"],
            email=data.get("email") or "",
            text=data["text"],
            fingerprint=key,
        )
    except DatabaseError:
        logger.exception("Question board: could not store a question")
        form.add_error(None, _("Your question could not be saved just now. Please send it again."))
        return render_form(page, request, form, status=503)
    return thank_you(page, request)


def render_form(page, request, form, status=200):
    context = page.get_context(request)
    context["form"] = form
    return private(TemplateResponse(request, "board/ask_question.html", context, status=status))


def thank_you(page, request):
    context = page.get_context(request)
    context["thanked"] = True
    return private(TemplateResponse(request, "board/ask_question.html", context))
