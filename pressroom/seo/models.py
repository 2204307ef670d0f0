"""The one editable SEO setting: the text of robots.txt."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

DEFAULT_ROBOTS_TXT = """User-agent: *
Disallow: /admin/
"""


@register_setting(icon="globe")
class SeoSettings(BaseSiteSetting):
    """What search engines are told about a site beyond its pages."""

    robots_txt = models.TextField(
        _("robots.txt"),
        blank=True,
        help_text=_(
            "Rules for search engine crawlers. Empty: allow everything but the admin. "
            "A “Sitemap:” line naming this site's sitemap.xml is added when missing."
        ),
    )

    panels = [FieldPanel("robots_txt")]

    class Meta:
        verbose_name = _("search engines")
        verbose_name_plural = _("search engines")

    def robots_lines(self, sitemap_url: str) -> str:
        """The robots.txt to serve: the editor's text (or the default) naming the sitemap."""
        text = (self.robots_txt or DEFAULT_ROBOTS_TXT).replace("\r\n", "\n").strip("\n")
        has_sitemap = any(line.strip().lower().startswith("sitemap:") for line in text.splitlines())
        if not has_sitemap:
            text += f"\n\nSitemap: {sitemap_url}"
        return text + "\n"
