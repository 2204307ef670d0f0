"""The dashboard's panel, the brand's stylesheet, and company info at the top of the menu."""

from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .panels import WorkPanel

# Just after Wagtail's Documents (400): among the things editors open every day.
COMPANY_INFO_ORDER = 450


def company_info_url() -> str:
    return reverse("wagtailsettings:edit", args=["core", "companyinfo"])


class CompanyInfoMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("core.change_companyinfo")


@hooks.register("construct_homepage_panels")
def add_work_panel(request, panels):
    panels.append(WorkPanel(request))


@hooks.register("insert_global_admin_css")
def brand_css():
    return format_html('<link rel="stylesheet" href="{}">', static("dashboard/brand.css"))


@hooks.register("register_admin_menu_item")
def company_info_menu_item():
    return CompanyInfoMenuItem(
        _("Company info"),
        company_info_url(),
        name="company-info",
        icon_name="site",
        order=COMPANY_INFO_ORDER,
    )


@hooks.register("construct_settings_menu")
def company_info_not_in_settings(request, menu_items):
    """Company info sits at the top of the menu; it is not listed again under Settings."""
    url = company_info_url()
    menu_items[:] = [item for item in menu_items if item.url != url]
