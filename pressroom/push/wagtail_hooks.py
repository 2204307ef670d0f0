from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from pressroom.push.admin_views import PushLogView


@hooks.register("register_admin_urls")
def push_report_urls():
    return [
        path("reports/search-engine-push/", PushLogView.as_view(), name="push_report"),
        path(
            "reports/search-engine-push/results/",
            PushLogView.as_view(results_only=True),
            name="push_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def push_report_menu_item():
    return MenuItem(
        _("Search engine push"),
        reverse("push_report"),
        name="search-engine-push",
        icon_name="globe",
        order=60,
    )
