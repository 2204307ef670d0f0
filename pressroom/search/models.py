"""The site search index: one row per page a visitor may find, in words ready to match.

The text is stored as index words (``text.index_words``: CJK bigrams, lower-cased words and
their stems), so each database matches with its own full-text index and its plain tokenizer:
an FTS5 table kept in step by triggers on SQLite, GIN-indexed ``tsvector`` columns on
PostgreSQL (both made by this app's migration). See docs/search.md and
docs/decisions/0047-site-search-index.md.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page


class SearchEntry(models.Model):
    page = models.OneToOneField(
        Page, on_delete=models.CASCADE, primary_key=True, related_name="site_search_entry"
    )
    locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+")
    # The locale as one index word ("locale3"): on SQLite the language is matched by the
    # full-text index itself, not by a join.
    lang = models.CharField(max_length=32)
    title = models.TextField(blank=True)
    body = models.TextField(blank=True)

    class Meta:
        db_table = "sitesearch_entry"
        verbose_name = _("site search entry")
        verbose_name_plural = _("site search entries")

    def __str__(self):
        return f"{self.page_id} ({self.lang})"


def lang_word(locale_id: int) -> str:
    return f"locale{locale_id}"
