"""Error pages in the site's layout."""

from django.http import HttpResponseNotFound, HttpResponseServerError
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token


@requires_csrf_token
def page_not_found(request, exception=None):
    """The 404 page, with the site's header, contact block and footer."""
    return HttpResponseNotFound(loader.render_to_string("404.html", {}, request))


@requires_csrf_token
def server_error(request):
    """The 500 page: rendered without a request context, so it needs no database."""
    return HttpResponseServerError(loader.render_to_string("500.html"))
