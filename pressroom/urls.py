from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.static import serve as serve_file
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from pressroom.core import views as core_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.PRESSROOM_SERVE_MEDIA:
    # Without a web server in front, the app serves uploaded media itself. Django's static
    # view refuses paths outside MEDIA_ROOT and lists no directories.
    media_prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns.append(
        re_path(
            rf"^{media_prefix}(?P<path>.*)$", serve_file, {"document_root": settings.MEDIA_ROOT}
        )
    )

# Chinese, the default language, lives at the root; English under /en/.
urlpatterns += i18n_patterns(
    path("search/", include("pressroom.search.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler404 = core_views.page_not_found
handler500 = core_views.server_error
