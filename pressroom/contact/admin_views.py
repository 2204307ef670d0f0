"""The admin's message inbox: newest first, filter, mark handled, export; no creating."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from pressroom.contact.exports import MessageIndexView
from pressroom.contact.models import ContactMessage


class MessagePermissionPolicy(ModelPermissionPolicy):
    """Messages come only from visitors: nobody adds or copies one in the admin."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(user, [a for a in actions if a != "add"])


class ContactMessageViewSet(ModelViewSet):
    model = ContactMessage
    index_view_class = MessageIndexView
    icon = "mail"
    menu_label = _("Messages")
    menu_order = 250
    add_to_admin_menu = True
    name = "contact_message"
    copy_view_enabled = False
    inspect_view_enabled = True
    ordering = ["-submit_time"]
    list_per_page = 50
    list_display = [
        DateColumn("submit_time", label=_("Received"), sort_key="submit_time"),
        Column("name", label=_("Name"), accessor="name"),
        Column("phone", label=_("Phone"), accessor="phone"),
        Column("email", label=_("Email"), accessor="email"),
        Column("excerpt", label=_("Message"), accessor="excerpt"),
        Column("delivery", label=_("Delivery"), accessor="get_delivery_display"),
        BooleanColumn("handled", label=_("Handled")),
    ]
    list_filter = ["handled", "delivery"]
    list_export = [
        "submit_time",
        "name",
        "phone",
        "email",
        "company",
        "message",
        "delivery",
        "attempts",
        "sent_at",
        "handled",
    ]
    export_headings = {
        "submit_time": _("Received"),
        "name": _("Name"),
        "phone": _("Phone"),
        "email": _("Email"),
        "company": _("Company"),
        "message": _("Message"),
    }
    export_filename = "contact-messages"
    form_fields = ["handled"]
    inspect_view_fields = [
        "submit_time",
        "name",
        "phone",
        "email",
        "company",
        "message",
        "page",
        "delivery",
        "attempts",
        "next_attempt_at",
        "last_error",
        "sent_at",
        "handled",
    ]
