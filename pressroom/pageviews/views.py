"""The beacon a page sends once it has loaded in a browser (``static/js/views.js``)."""

from django.http import Http404, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from pressroom.pageviews.counting import count_view, views_of
from pressroom.pageviews.models import shows_counts

LARGEST_PAGE_ID = 2**31 - 1


@csrf_exempt  # it changes nothing a visitor owns, and cached pages carry no token
@require_POST
@never_cache
def beacon(request, page_id: int):
    """Count the view (``counting.py`` says when it counts). 204, or the page's count as JSON
    when the site shows counts, so that a page served from the cache shows today's figure."""
    if page_id > LARGEST_PAGE_ID:
        raise Http404
    count_view(request, page_id)
    if shows_counts(request):
        return JsonResponse({"views": views_of(page_id)})
    return HttpResponse(status=204)
