"""The visitor's site search: /search/?q=… (and /en/search/)."""

from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from wagtail.models import Locale

from .highlight import mark, page_text, snippet, word_pattern
from .query import search_pages

MAX_PAGE_DIGITS = 6


class SearchForm(forms.Form):
    # CharField refuses NUL characters by itself (ProhibitNullCharactersValidator).
    q = forms.CharField(
        label=_("Search for"),
        required=False,
        max_length=settings.PRESSROOM_SEARCH_MAX_QUERY_LENGTH,
        error_messages={
            "max_length": _("Please shorten your search to %(limit_value)d characters or fewer.")
        },
    )


@dataclass
class Hit:
    page: object
    title: SafeString
    snippet: SafeString


def page_number(request) -> int:
    """The ``?page=`` number; anything but a plain positive number is a 404."""
    raw = request.GET.get("page", "1")
    if not (raw.isascii() and raw.isdigit() and len(raw) <= MAX_PAGE_DIGITS and int(raw) > 0):
        raise Http404(_("No such page."))
    return int(raw)


def hits(pages, query: str) -> list[Hit]:
    pattern = word_pattern(query)
    return [
        Hit(page=page, title=mark(page.title, pattern), snippet=snippet(page_text(page), pattern))
        for page in pages
    ]


@require_safe
@cache_control(private=True, max_age=0)
def search(request):
    number = page_number(request)
    form = SearchForm(request.GET)
    context = {"form": form, "query": "", "searched": False}
    if not form.is_valid():
        return render(request, "sitesearch/search.html", context, status=400)
    query = " ".join(form.cleaned_data["q"].split())
    context["query"] = query
    results = search_pages(query, Locale.get_active()) if query else None
    if results is not None:
        paginator = Paginator(results, settings.PRESSROOM_SEARCH_PER_PAGE)
        try:
            page_obj = paginator.page(number)
        except InvalidPage as exc:
            raise Http404(_("No such page.")) from exc
        context.update(
            searched=True,
            page_obj=page_obj,
            hits=hits(page_obj.object_list, query),
            page_range=paginator.get_elided_page_range(number, on_each_side=2),
        )
    elif number > 1:
        raise Http404(_("No such page."))
    else:
        context["searched"] = bool(query)  # words but nothing searchable, e.g. only "*"
    return render(request, "sitesearch/search.html", context)
