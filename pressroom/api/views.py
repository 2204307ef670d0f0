"""The read-only content API: Wagtail's pages endpoint, for strangers only (docs/api.md).

Wagtail's ``PagesAPIViewSet`` does the work; this subclass narrows it to what any visitor of
the site may see, whoever asks: no sign-in of any kind, pages that are live, under no view
restriction and not past their expiry, on the request's site (both languages), rich text as
the page shows it. Bad input is a 400 with a JSON message before it reaches the database.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404
from django.middleware.http import ConditionalGetMiddleware
from django.urls import path
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.decorators import decorator_from_middleware
from rest_framework import status
from rest_framework.exceptions import Throttled
from rest_framework.filters import BaseFilterBackend
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from wagtail.api.v2.filters import (
    AncestorOfFilter,
    ChildOfFilter,
    DescendantOfFilter,
    FieldsFilter,
    OrderingFilter,
    TranslationOfFilter,
)
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Locale, Page, Site
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.base import FilterFieldError, OrderByFieldError

from pressroom.api.throttle import AddressThrottle
from pressroom.search.query import uses_database
from pressroom.search.text import query_terms

conditional_get = decorator_from_middleware(ConditionalGetMiddleware)

# What a parameter may hold at most, in characters (longer: a 400).
MAX_PARAMETER_LENGTH = 1000
# The largest number a parameter may be (a 64-bit integer column's).
MAX_INTEGER = 2**63 - 1


def max_offset() -> int:
    return int(getattr(settings, "PRESSROOM_API_MAX_OFFSET", 10_000))


def max_search_length() -> int:
    return int(settings.PRESSROOM_SEARCH_MAX_QUERY_LENGTH)


class CheckedFieldsFilter(FieldsFilter):
    """Wagtail's ``?field=value`` filter, answering a value the field cannot hold (a date
    that is no date) with a 400 instead of letting the database layer raise."""

    def filter_queryset(self, request, queryset, view):
        try:
            return super().filter_queryset(request, queryset, view)
        except (ValidationError, ValueError, TypeError, OverflowError) as exc:
            raise BadRequestError("field filter error: a value does not fit its field") from exc


class LocaleFilter(BaseFilterBackend):
    """``?locale=en`` or ``?locale=zh-hans``: the pages of one language (unknown: a 400)."""

    def filter_queryset(self, request, queryset, view):
        if "locale" not in request.GET:
            return queryset
        code = request.GET["locale"]
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None:
            known = ", ".join(sorted(Locale.objects.values_list("language_code", flat=True)))
            raise BadRequestError(f"locale must be one of: {known}")
        # After child_of / descendant_of (filter_backends' order): no later filter reads what
        # Wagtail's filters note on the queryset, so nothing needs carrying over.
        return queryset.filter(locale=locale)


class SearchFilter(BaseFilterBackend):
    """``?search=words``: the site search's matching (Chinese as character pairs, every word
    by default), over the pages the other filters left. Empty, too long or wordless: a 400."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        query = request.GET["search"]
        if len(query) > max_search_length():
            raise BadRequestError(f"search must be at most {max_search_length()} characters")
        terms = query_terms(query)
        if not terms:
            raise BadRequestError("search must contain a word")
        operator = request.GET.get("search_operator", "and")
        if operator not in ("and", "or"):
            raise BadRequestError("search_operator must be 'and' or 'or'")
        backend = get_search_backend()
        # The backend filters only on indexed fields: hand it the pages the other filters
        # chose by id (as the site search does), then the order asked for again.
        chosen = queryset.values("pk")
        if not uses_database(backend):
            chosen = list(chosen.values_list("pk", flat=True))
        queryset = queryset.model.objects.filter(pk__in=chosen)
        if "order" in request.GET:
            queryset = OrderingFilter().filter_queryset(request, queryset, view)
        try:
            return backend.search(
                " ".join(terms),
                queryset,
                operator=operator,
                order_by_relevance="order" not in request.GET,
            )
        except FilterFieldError as exc:
            raise BadRequestError(f"cannot filter by '{exc.field_name}' while searching") from exc
        except OrderByFieldError as exc:
            raise BadRequestError(f"cannot order by '{exc.field_name}' while searching") from exc


class PublicPagesAPIViewSet(PagesAPIViewSet):
    """``/api/v2/pages/``: live, public pages of the request's site, in both languages."""

    authentication_classes: list = []  # nobody signs in: every request is a stranger's
    permission_classes = [AllowAny]
    throttle_classes = [AddressThrottle]
    renderer_classes = [JSONRenderer]  # no browsable HTML pages, no forms
    filter_backends = [
        CheckedFieldsFilter,
        ChildOfFilter,
        AncestorOfFilter,
        DescendantOfFilter,
        OrderingFilter,
        TranslationOfFilter,
        LocaleFilter,
        SearchFilter,  # last: search results cannot be filtered further
    ]
    # The site comes from the Host header, as for pages: no ?site=.
    known_query_parameters = PagesAPIViewSet.known_query_parameters - {"site"}
    # Wagtail's, less ``alias_of`` (an alias's original may be a draft or private).
    meta_fields = [field for field in PagesAPIViewSet.meta_fields if field not in {"alias_of"}]
    # Bodies are rendered for one page at a time: a list never carries them.
    detail_only_fields = [*PagesAPIViewSet.detail_only_fields, "body"]
    site_roots: list[str] | None = None  # the tree paths of the site's home pages

    def get_base_queryset(self):
        """Pages anybody may see, whatever the request carries (a signed-in session or an
        unlocked password does not count): live, not under a view restriction, not past their
        expiry, below the request's site's home page or one of its translations."""
        if self.site_roots is None:  # (asked for by several filters in one request)
            site = Site.find_for_request(self.request)
            roots = [site.root_page, *site.root_page.get_translations()] if site else []
            self.site_roots = [root.path for root in roots]
        if not self.site_roots:
            return Page.objects.none()
        below = Q()
        for root_path in self.site_roots:
            below |= Q(path__startswith=root_path)
        return (
            Page.objects.live()
            .public()
            .filter(below)
            .filter(Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now()))
        )

    def perform_content_negotiation(self, request, force=False):
        """JSON only: ``?format=`` anything else is a 400 (DRF's answer is an empty 404)."""
        if not force and request.GET.get("format", "json") != "json":
            raise BadRequestError("format must be 'json'")
        return super().perform_content_negotiation(request, force)

    def get_root_page(self):
        """``child_of=root``: the request's site's home page (none yet: a 400)."""
        site = Site.find_for_request(self.request)
        if site is None:
            raise BadRequestError("this address has no site")
        return site.root_page

    def check_query_parameters(self, queryset):
        super().check_query_parameters(queryset)
        check_values(self.request.GET)

    def get_object(self):
        check_values(self.request.GET)
        return super().get_object()

    def find_object(self, queryset, request):
        """``?html_path=/en/news/x/`` as well as ``/news/x/``: a language's prefix leads to
        its home page, as the site's addresses do; then Wagtail's routing, as in Wagtail."""
        check_values(request.GET)
        site = Site.find_for_request(request)
        if "html_path" not in request.GET or site is None:
            try:
                return super().find_object(queryset, request)
            except ValueError as exc:  # ?id=abc
                raise BadRequestError("id must be a positive integer") from exc
        components = [part for part in request.GET["html_path"].split("/") if part]
        root = site.root_page
        if components:
            locale = Locale.objects.filter(language_code=components[0]).first()
            if locale is not None:
                root = root.get_translation_or_none(locale)
                components = components[1:]
        if root is None:
            return None
        try:
            page, _args, _kwargs = root.specific.route(request, components)
        except Http404:
            return None
        return page if queryset.filter(pk=page.pk).exists() else None

    def resolve_rich_text_format(self):
        """Rich text as the page shows it (``html``): database HTML names pages by id."""
        if self.request.GET.get("rich_text_format", "html") != "html":
            raise BadRequestError("rich_text_format must be 'html'")
        return "html"

    def handle_exception(self, exc):
        """Wagtail's answers, and the rate limit's 429 in the same form (``message``)."""
        if isinstance(exc, Throttled):
            seconds = int(exc.wait or 1)
            message = f"too many requests from this address: try again in {seconds} seconds"
            return Response(
                {"message": message},
                status=status.HTTP_429_TOO_MANY_REQUESTS,
                headers={"Retry-After": str(seconds)},
            )
        return super().handle_exception(exc)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        add_public_headers(response)
        return response

    @classmethod
    def get_urlpatterns(cls):
        """Wagtail's three routes, each answering ``If-None-Match`` with a 304."""
        return [
            path("", conditional_get(cls.as_view({"get": "listing_view"})), name="listing"),
            path("<int:pk>/", conditional_get(cls.as_view({"get": "detail_view"})), name="detail"),
            path("find/", conditional_get(cls.as_view({"get": "find_view"})), name="find"),
        ]


def check_values(params) -> None:
    """Refuse values no page could match before they reach a query: NUL characters, very
    long values, numbers past 64 bits, offsets past ``PRESSROOM_API_MAX_OFFSET``, repeated
    parameters."""
    for name in params:
        values = params.getlist(name)
        if len(values) > 1:
            raise BadRequestError(f"{name} may be given once")
        value = values[0]
        if "\x00" in value:
            raise BadRequestError(f"{name} must not contain null characters")
        if len(value) > MAX_PARAMETER_LENGTH:
            raise BadRequestError(f"{name} must be at most {MAX_PARAMETER_LENGTH} characters")
        if value.lstrip("-").isdigit() and abs(int(value)) > MAX_INTEGER:
            raise BadRequestError(f"{name} is out of range")  # no database column holds it
    offset = params.get("offset", "0")
    if offset.isdigit() and int(offset) > max_offset():
        raise BadRequestError(f"offset cannot be higher than {max_offset()}")


def add_public_headers(response) -> None:
    """Cache and CORS headers: the same public answer for everybody (docs/api.md)."""
    if response.status_code == 429:
        patch_cache_control(response, no_store=True)
    else:
        max_age = int(getattr(settings, "PRESSROOM_API_MAX_AGE", 60))
        patch_cache_control(response, public=True, max_age=max_age)
    origin = getattr(settings, "PRESSROOM_API_ALLOW_ORIGIN", "*")
    if origin:
        response["Access-Control-Allow-Origin"] = origin
        response["Access-Control-Expose-Headers"] = "ETag, Retry-After"
