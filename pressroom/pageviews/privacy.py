"""What view counting keeps, for the privacy page (``PRESSROOM_PRIVACY_SECTIONS``)."""

from django.utils.translation import gettext as _

from pressroom.core.models import company_for
from pressroom.core.privacy import PrivacyItem
from pressroom.pageviews.counting import WINDOW


def privacy_items(request) -> list[PrivacyItem]:
    """Articles and products always count their views (the owner only chooses whether the
    figures are shown), so this line is always there."""
    return [
        PrivacyItem(
            name=_("View counts"),
            collects=_(
                "When an article or product page has loaded, your browser tells this website"
                " that the page was viewed. No cookie is set. Your internet address is kept,"
                " scrambled, for %(minutes)d minutes so that reloading the page does not count"
                " twice; nothing about you is stored with the counts."
            )
            % {"minutes": WINDOW // 60},
            recipient=_("%(company)s, in this website's database: a number per page and day.")
            % {"company": company_for(request).display_name},
        )
    ]
