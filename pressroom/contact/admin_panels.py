"""The dashboard panel that says when message notifications cannot go out, and how to fix it."""

from wagtail.admin.ui.components import Component
from wagtail.permissions import policy_registry

from pressroom.contact.mailconfig import mail_configured
from pressroom.contact.models import ContactMessage, ContactPage
from pressroom.core.models import CompanyInfo


class MailOffPanel(Component):
    name = "contact_mail_off"
    template_name = "contact/admin/mail_off_panel.html"
    order = 50  # above Wagtail's own panels (100 and up): it is news the reader must act on

    def __init__(self, no_server: bool, pages_without_address: list):
        self.no_server = no_server
        self.pages_without_address = pages_without_address

    @classmethod
    def for_request(cls, request):
        """The panel for this reader, or None: only people who read messages see it."""
        policy = policy_registry.get_by_type(ContactMessage)
        if not policy.user_has_any_permission(request.user, ["view", "change", "delete"]):
            return None
        pages = [page for page in ContactPage.objects.live() if not page.recipients()]
        if mail_configured() and not pages:
            return None
        return cls(not mail_configured(), pages)

    def get_context_data(self, parent_context=None):
        request = parent_context["request"]
        may_edit_company = policy_registry.get_by_type(CompanyInfo).user_has_permission(
            request.user, "change"
        )
        return {
            "no_server": self.no_server,
            "pages_without_address": self.pages_without_address,
            "may_edit_company": may_edit_company,
        }
