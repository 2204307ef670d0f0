from wagtail import hooks
from wagtail.permissions import register_permission_policy

from pressroom.contact.admin_panels import MailOffPanel
from pressroom.contact.admin_views import ContactMessageViewSet, MessagePermissionPolicy
from pressroom.contact.models import ContactMessage, ContactPage

register_permission_policy(ContactMessage, MessagePermissionPolicy(ContactMessage))


@hooks.register("register_admin_viewset")
def register_messages():
    return ContactMessageViewSet()


@hooks.register("filter_form_submissions_for_user")
def messages_live_in_the_inbox(user, editable_forms):
    """One inbox: the contact page's messages are read in 留言, not under Forms."""
    return editable_forms.not_type(ContactPage)


@hooks.register("construct_homepage_panels")
def say_when_mail_is_off(request, panels):
    panel = MailOffPanel.for_request(request)
    if panel is not None:
        panels.append(panel)
