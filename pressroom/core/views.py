"""Page serving and error pages in the site's layout."""

import copy

from django.http import Http404, HttpResponseNotFound, HttpResponseServerError
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token
from wagtail import views as wagtail_views

from pressroom.core.templatetags.core_tags import routing_root


def serve(request, path):
    """Wagtail's page view, routed from the kept root page (``routing_root``).

    Wagtail's ``route_for_request`` reads the active locale, the root page's translation and
    its specific type on every request; it keeps its result on the request, so routing here
    first leaves the rest of Wagtail's view (hooks, ``serve``) as it is.
    """
    if not hasattr(request, "_wagtail_route_for_request"):
        root = routing_root(request)
        if root is not None:
            components = [component for component in path.split("/") if component]
            try:
                # A copy: routing and rendering may note things on the page they serve.
                result = copy.copy(root).route(request, components)
            except Http404:
                result = None
            request._wagtail_route_for_request = result
    return wagtail_views.serve(request, path)


@requires_csrf_token
def page_not_found(request, exception=None):
    """The 404 page, with the site's header, contact block and footer."""
    return HttpResponseNotFound(loader.render_to_string("404.html", {}, request))


@requires_csrf_token
def server_error(request):
    """The 500 page: rendered without a request context, so it needs no database."""
    return HttpResponseServerError(loader.render_to_string("500.html"))
