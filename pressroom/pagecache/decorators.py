"""Opting a non-page view (feed, sitemap, robots.txt) into the page cache."""

from functools import wraps


def cacheable(view):
    """Mark the view's responses as the same for every anonymous visitor.

    The middleware still refuses responses that set cookies, use the CSRF token or say
    private/no-store; list the view's URLs in ``urls_showing`` (or PRESSROOM_PAGECACHE_PURGE_ALWAYS)
    so they are purged when content changes.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response.pagecache = True
        return response

    return wrapper
