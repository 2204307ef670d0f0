"""The dashboard's panel, the brand's stylesheet, and company info at the top of the menu."""

from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from pressroom.i18n.behind import original_changed_at

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


# The footer's main button, first of these that the editor has: Wagtail puts 保存草稿 first.
MAIN_PAGE_ACTIONS = ("action-publish", "action-submit")


@hooks.register("construct_page_action_menu")
def publish_as_the_main_button(menu_items, request, context):
    """发布 as the page editor's main button for those who may publish, 提交审核 for those
    who may not; 保存草稿 moves under the arrow beside it. Only when 保存草稿 would lead (a
    locked page or a workflow step keeps Wagtail's own first action)."""
    if not menu_items or menu_items[0].name != "action-save-draft":
        return
    for name in MAIN_PAGE_ACTIONS:
        for index, item in enumerate(menu_items):
            if item.name == name:
                menu_items.insert(0, menu_items.pop(index))
                return


@hooks.register("construct_explorer_page_queryset")
def with_original_changed_at(parent_page, pages, request):
    """The page lists know each page's original's latest change, so a translation older than
    its original shows （待更新） (``BasePage.get_admin_display_title``) in the same query."""
    return pages.annotate(original_changed_at=original_changed_at())
