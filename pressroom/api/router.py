"""The content API's endpoints, mounted at ``/api/v2/`` (docs/api.md)."""

from wagtail.api.v2.router import WagtailAPIRouter

from pressroom.api.views import PublicPagesAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
# Images and documents have no endpoint of their own (decision 0039): each page names the
# pictures and files it shows.
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
