"""The visitor's site search: /search/?q=… (and /en/search/)."""

from collections import defaultdict
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.safestring import SafeString
from django.utils.translation import get_language, override
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from wagtail.images import get_image_model
from wagtail.models import Locale

from .highlight import mark, page_pieces, snippet_of, word_pattern
from .query import search_pages
from .text import is_cjk

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


THUMBNAIL = "fill-160x120"


@dataclass
class Hit:
    page: object
    title: SafeString
    snippet: SafeString
    category: str = ""  # the name of the page's category, for page types that have one
    picture: object = None  # the page's listing picture, with its thumbnail rendition read


def listing_pictures(pages) -> dict:
    """Each page's listing picture (``listing_image_field``), read with their thumbnails in
    two queries for the whole page of results."""
    ids = {}
    for page in pages:
        field = getattr(page, "listing_image_field", None)
        if field and getattr(page, f"{field}_id", None):
            ids[page.pk] = getattr(page, f"{field}_id")
    images = get_image_model().objects.filter(pk__in=set(ids.values()))
    by_id = {image.pk: image for image in images.prefetch_renditions(THUMBNAIL)}
    return {page_pk: by_id.get(image_id) for page_pk, image_id in ids.items()}


def english_search_for(query: str) -> str | None:
    """On the Chinese site, a query of Latin words only may be meant for the English site:
    the address of the same search there (None otherwise, or without an English site)."""
    if not query or get_language() != "zh-hans" or any(is_cjk(ch) for ch in query):
        return None
    if not any(ch.isascii() and ch.isalpha() for ch in query):
        return None
    if not Locale.objects.filter(language_code="en").exists():
        return None
    with override("en"):
        return f"{reverse('sitesearch:search')}?{urlencode({'q': query})}"


def category_names(pages) -> dict:
    """The name of each page's ``category`` (a foreign key of some page types, e.g. articles)
    by page id: one query per kind of category for the whole page of results."""
    keys = {}  # page id -> (category model, category id)
    for page in pages:
        if getattr(page, "category_id", None):
            keys[page.pk] = (type(page)._meta.get_field("category").related_model, page.category_id)
    wanted = defaultdict(set)
    for model, pk in keys.values():
        wanted[model].add(pk)
    names = {
        (model, row.pk): getattr(row, "display_name", str(row))
        for model, ids in wanted.items()
        for row in model.objects.filter(pk__in=ids)
    }
    return {page_pk: names.get(key, "") for page_pk, key in keys.items()}


def page_number(request) -> int:
    """The ``?page=`` number; anything but a plain positive number is a 404."""
    raw = request.GET.get("page", "1")
    if not (raw.isascii() and raw.isdigit() and len(raw) <= MAX_PAGE_DIGITS and int(raw) > 0):
        raise Http404(_("No such page."))
    return int(raw)


def hits(pages, query: str) -> list[Hit]:
    pattern = word_pattern(query)
    pages = list(pages)
    pictures, categories = listing_pictures(pages), category_names(pages)
    return [
        Hit(
            page=page,
            title=mark(page.title, pattern),
            snippet=snippet_of(page_pieces(page), pattern),
            category=categories.get(page.pk, ""),
            picture=pictures.get(page.pk),
        )
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
    context["other_language_search"] = english_search_for(query)
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
            # Past the count limit the index stops counting: "more than N", N listed.
            more=getattr(results, "more", False),
            hits=hits(page_obj.object_list, query),
            page_range=paginator.get_elided_page_range(number, on_each_side=2),
        )
    elif number > 1:
        raise Http404(_("No such page."))
    else:
        context["searched"] = bool(query)  # words but nothing searchable, e.g. only "*"
    return render(request, "sitesearch/search.html", context)
