from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from pressroom.pageviews.admin_views import PopularPagesView


@hooks.register("register_admin_urls")
def page_views_report_urls():
    return [
        path("reports/page-views/", PopularPagesView.as_view(), name="pageviews_report"),
        path(
            "reports/page-views/results/",
            PopularPagesView.as_view(results_only=True),
            name="pageviews_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def page_views_report_menu_item():
    return MenuItem(
        _("Page views"), reverse("pageviews_report"), name="page-views", icon_name="view", order=50
    )
