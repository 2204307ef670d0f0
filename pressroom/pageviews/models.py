"""Honest view counts (浏览量): a day's count per page, written in batches.

What counts as a view, and what does not, is in ``counting.py`` and docs/pageviews.md.
"""

from datetime import timedelta

from django.db import models
from django.db.models import Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Page

from pressroom.core.navigation import current_site
from pressroom.core.sitecache import remember


def shows_counts(request) -> bool:
    """Whether the request's site shows view counts (read once per site-wide change)."""
    site = current_site(request)
    if site is None:
        return False

    def compute():
        # Not ``for_site``: it would create the settings row, a site-wide change that purges
        # every cached page in the middle of a render.
        shown = ViewCountSettings.objects.filter(site=site).values_list("show_counts", flat=True)
        return bool(shown.first())

    return remember(f"pageviews:{site.pk}", compute, request)


@register_setting(icon="view")
class ViewCountSettings(BaseSiteSetting):
    show_counts = models.BooleanField(
        _("show view counts"),
        default=False,
        help_text=_(
            "Show “Views: N” on news articles and products. Views are counted either way: the"
            " figures are under Reports → Page views."
        ),
    )

    class Meta:
        verbose_name = _("view counts")


class PageViews(models.Model):
    """How many views one page had on one day (the site's time zone)."""

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="view_counts")
    day = models.DateField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["page", "day"], name="one_count_a_day")]
        indexes = [models.Index(fields=["day"])]

    def __str__(self):
        return f"{self.page_id} {self.day}: {self.count}"

    @classmethod
    def total_for(cls, page_id: int) -> int:
        stored = cls.objects.filter(page_id=page_id).aggregate(total=Sum("count"))["total"]
        return stored or 0

    @staticmethod
    def ranked_pages():
        """Pages with views, the most viewed over the last 30 days first, with their figures
        for 7 days, 30 days and all time."""
        today = timezone.localdate()
        week, month = today - timedelta(days=6), today - timedelta(days=29)
        return (
            Page.objects.annotate(
                views_week=Coalesce(
                    Sum("view_counts__count", filter=Q(view_counts__day__gte=week)), 0
                ),
                views_month=Coalesce(
                    Sum("view_counts__count", filter=Q(view_counts__day__gte=month)), 0
                ),
                views_total=Coalesce(Sum("view_counts__count"), 0),
            )
            .filter(views_total__gt=0)
            .order_by("-views_month", "-views_total", "pk")
        )


class DocumentDownloads(models.Model):
    """How many times one document was downloaded on one day (the site's time zone)."""

    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="download_counts"
    )
    day = models.DateField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["document", "day"], name="one_download_count_a_day")
        ]

    def __str__(self):
        return f"{self.document_id} {self.day}: {self.count}"

    @staticmethod
    def ranked_documents():
        """Documents with downloads, the most downloaded over the last 30 days first."""
        from wagtail.documents import get_document_model

        today = timezone.localdate()
        week, month = today - timedelta(days=6), today - timedelta(days=29)
        counts = "download_counts__count"
        return (
            get_document_model()
            .objects.annotate(
                downloads_week=Coalesce(Sum(counts, filter=Q(download_counts__day__gte=week)), 0),
                downloads_month=Coalesce(Sum(counts, filter=Q(download_counts__day__gte=month)), 0),
                downloads_total=Coalesce(Sum(counts), 0),
            )
            .filter(downloads_total__gt=0)
            .order_by("-downloads_month", "-downloads_total", "pk")
        )
