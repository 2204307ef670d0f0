from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from pressroom.pageviews.admin_views import PopularDocumentsView, PopularPagesView
from pressroom.pageviews.counting import count_download


@hooks.register("register_admin_urls")
def page_views_report_urls():
    return [
        path("reports/page-views/", PopularPagesView.as_view(), name="pageviews_report"),
        path(
            "reports/page-views/results/",
            PopularPagesView.as_view(results_only=True),
            name="pageviews_report_results",
        ),
        path("reports/downloads/", PopularDocumentsView.as_view(), name="downloads_report"),
        path(
            "reports/downloads/results/",
            PopularDocumentsView.as_view(results_only=True),
            name="downloads_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def page_views_report_menu_item():
    return MenuItem(
        _("Page views"), reverse("pageviews_report"), name="page-views", icon_name="view", order=50
    )


@hooks.register("register_reports_menu_item")
def downloads_report_menu_item():
    return MenuItem(
        _("Download counts"),
        reverse("downloads_report"),
        name="downloads",
        icon_name="doc-full",
        order=55,
    )


@hooks.register("before_serve_document")
def count_document_download(document, request):
    """A download of a document (the downloads center, product pages, links in articles)
    counts as a view does; the file is served as before."""
    count_download(request, document.pk)
