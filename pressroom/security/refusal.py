"""The admin page that says no, and why (403)."""

from django.template.response import TemplateResponse
from django.utils.translation import gettext as _


def refused(request, reason: str) -> TemplateResponse:
    """A 403 admin page naming ``reason``; nothing has been changed."""
    title = _("Not allowed")
    return TemplateResponse(
        request,
        "security/refused.html",
        {"page_title": title, "header_title": title, "header_icon": "warning", "reason": reason},
        status=403,
    )
