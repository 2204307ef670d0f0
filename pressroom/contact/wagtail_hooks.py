from wagtail import hooks
from wagtail.permissions import register_permission_policy

from pressroom.contact.admin_views import ContactMessageViewSet, MessagePermissionPolicy
from pressroom.contact.models import ContactMessage, ContactPage

register_permission_policy(ContactMessage, MessagePermissionPolicy(ContactMessage))


@hooks.register("register_admin_viewset")
def register_messages():
    return ContactMessageViewSet()


@hooks.register("filter_form_submissions_for_user")
def messages_need_permission(user, editable_forms):
    """Page editors see the contact page's submissions only with the message permission."""
    if user.has_perm("contact.view_contactmessage"):
        return editable_forms
    return editable_forms.not_type(ContactPage)
