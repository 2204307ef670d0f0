from wagtail import hooks


@hooks.register("before_serve_page")
def mark_public_page(page, request, serve_args, serve_kwargs):
    """Let the page cache store this response only if the page has no view restriction."""
    request.pagecache_public_page = not page.get_view_restrictions().exists()
