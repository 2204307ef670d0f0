"""What the message form keeps, for the privacy page (``PRESSROOM_PRIVACY_SECTIONS``)."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from pressroom.core.models import company_for
from pressroom.core.navigation import child_page
from pressroom.core.privacy import PrivacyItem


def privacy_items(request) -> list[PrivacyItem]:
    """The message form of the site's live contact page in the request's language, or nothing
    when there is none."""
    from pressroom.contact.models import retention_days

    page = child_page(request, "contact.ContactPage")
    if page is None:
        return []
    labels = [field.label for field in page.form_fields.all()]
    if not labels:
        return []
    days = retention_days()
    kept = (
        ngettext(
            "Messages are deleted %(days)d day after they arrive.",
            "Messages are deleted %(days)d days after they arrive.",
            days,
        )
        % {"days": days}
        if days
        else _("Messages are kept until the company deletes them.")
    )
    collects = _(
        "What you type in the message form (%(fields)s) and when you sent it, so that we can"
        " answer you. Your internet address is counted for a short time to stop floods of"
        " messages and is not kept with the message."
    ) % {"fields": _(", ").join(labels)}
    where = _("%(company)s, in this website's database and by email to its staff.") % {
        "company": company_for(request).display_name
    }
    # Two sentences: a space between them in English, none in Chinese.
    recipient = _("%(where)s %(kept)s") % {"where": where, "kept": kept}
    return [PrivacyItem(name=_("Message form"), collects=collects, recipient=recipient)]
