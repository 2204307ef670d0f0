from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from pressroom.importers.admin_views import ImportRunView, ImportStartView


class SuperuserMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_admin_urls")
def import_urls():
    return [
        path("imports/", ImportStartView.as_view(), name="importers_start"),
        path("imports/<int:pk>/", ImportRunView.as_view(), name="importers_run"),
    ]


@hooks.register("register_settings_menu_item")
def import_menu_item():
    return SuperuserMenuItem(
        _("Import content"),
        reverse("importers_start"),
        name="import",
        icon_name="download",
        order=900,
    )
