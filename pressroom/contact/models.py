"""The contact page (联系我们): the company's details; the message form builds on it."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from pressroom.core.models import BasePage


class ContactPage(BasePage):
    """Shows the company's address, phone, fax and email from the company info."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    template = "contact/contact_page.html"

    class Meta:
        verbose_name = _("contact page")
