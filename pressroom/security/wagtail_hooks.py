"""Two-factor sign-in pages and their account link; the bulk-action rules of the roles."""

from django.urls import path, reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from . import live_pages, staff
from . import two_factor_views as views
from .two_factor import has_two_factor


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [
        path("two-factor/", views.manage, name="pressroom_two_factor"),
        path("two-factor/verify/", views.verify, name="pressroom_two_factor_verify"),
        path("two-factor/enrol/", views.enrol, name="pressroom_two_factor_enrol"),
        path("two-factor/backup-codes/", views.backup_codes, name="pressroom_two_factor_backup"),
        path("two-factor/disable/", views.disable, name="pressroom_two_factor_disable"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    on = has_two_factor(request.user)
    return {
        "url": reverse("pressroom_two_factor"),
        "label": _("Two-factor sign-in"),
        "help_text": _("On: a code from your phone is asked after the password.")
        if on
        else _("Off: add a code from your phone to the password."),
    }


# Bulk actions on users (delete, set active state, assign role) keep within reach as the forms do.
hooks.register("before_bulk_action", staff.user_bulk_action_beyond_reach)
# Pages that are or were published are deleted by Administrators only, one by one or in bulk.
hooks.register("before_delete_page", live_pages.before_delete_page)
hooks.register("before_bulk_action", live_pages.before_bulk_delete_pages)
