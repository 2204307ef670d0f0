from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from pressroom.core import views as core_views
from pressroom.i18n.views import default_language_prefix_redirect
from pressroom.operations import faults as operations_faults
from pressroom.operations import media as operations_media
from pressroom.operations import views as operations_views
from pressroom.security import views as security_views

urlpatterns = [
    # Before the admin's own: sign-out for POST only (docs/security.md).
    path(
        f"{settings.PRESSROOM_ADMIN_PATH}logout/",
        security_views.LogoutView.as_view(),
        name="wagtailadmin_logout",
    ),
    path(settings.PRESSROOM_ADMIN_PATH, include(wagtailadmin_urls)),
    path("healthz", operations_views.healthz, name="healthz"),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("pressroom.seo.urls")),
    path("", include("pressroom.pageviews.urls")),  # the view beacon (浏览量)
]

if settings.PRESSROOM_SERVE_MEDIA:
    # Without a web server in front, the app serves uploaded media itself. Django's static
    # view refuses paths outside MEDIA_ROOT and lists no directories; ours adds the headers.
    media_prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns.append(re_path(rf"^{media_prefix}(?P<path>.*)$", operations_media.serve_media))

# Chinese, the default language, lives at the root; English under /en/.
urlpatterns.append(
    re_path(rf"^{settings.LANGUAGE_CODE}/(?P<rest>.*)$", default_language_prefix_redirect)
)
urlpatterns += i18n_patterns(
    path("search/", include("pressroom.search.urls")),
    # Wagtail's own: the sign-in and password forms of private pages (/_util/...), then pages.
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler404 = core_views.page_not_found
handler500 = operations_faults.server_error
