"""Wagtail's per-page submissions listing of a contact page: the messages are read in 留言.

Apart from the inbox's views so that the contact page model can name it without an import
cycle (the inbox's views read the models)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from wagtail.contrib.forms.views import SubmissionsListView

# What lets someone into the inbox (its permission policy is Django's model permissions).
INBOX_PERMISSIONS = (
    "contact.view_contactmessage",
    "contact.change_contactmessage",
    "contact.delete_contactmessage",
)


class SubmissionsToInboxView(SubmissionsListView):
    """One inbox: the page's submissions listing sends the reader to 留言."""

    def dispatch(self, request, *args, **kwargs):
        if not any(request.user.has_perm(permission) for permission in INBOX_PERMISSIONS):
            raise PermissionDenied
        return redirect("contact_message:index")
