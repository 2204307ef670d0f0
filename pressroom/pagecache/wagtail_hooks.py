from wagtail import hooks

from pressroom.core.sitecache import any_view_restrictions


@hooks.register("before_serve_page")
def mark_public_page(page, request, serve_args, serve_kwargs):
    """Let the page cache store this response only if the page has no view restriction."""
    request.pagecache_public_page = (
        not any_view_restrictions(request) or not page.get_view_restrictions().exists()
    )
