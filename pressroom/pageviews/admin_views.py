"""Reports → 浏览量: the most viewed pages, with their figures for 7 days, 30 days and all time."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView

from pressroom.pageviews.models import DocumentDownloads, PageViews


class PopularPagesView(ReportView):
    page_title = _("Page views")
    header_icon = "view"
    index_url_name = "pageviews_report"
    index_results_url_name = "pageviews_report_results"
    paginate_by = 50
    columns = [
        TitleColumn("title", label=_("Page"), url_name="wagtailadmin_pages:edit"),
        Column("views_week", label=_("Last 7 days")),
        Column("views_month", label=_("Last 30 days")),
        Column("views_total", label=_("All time")),
    ]
    list_export = ["title", "full_url", "views_week", "views_month", "views_total"]
    export_headings = {
        "title": _("Page"),
        "full_url": _("Web address"),
        "views_week": _("Last 7 days"),
        "views_month": _("Last 30 days"),
        "views_total": _("All time"),
    }

    def get_queryset(self):
        return PageViews.ranked_pages()

    def get_filename(self):
        return "page-views"


class PopularDocumentsView(ReportView):
    page_title = _("Download counts")
    header_icon = "doc-full"
    index_url_name = "downloads_report"
    index_results_url_name = "downloads_report_results"
    paginate_by = 50
    columns = [
        TitleColumn("title", label=_("Document"), url_name="wagtaildocs:edit"),
        Column("downloads_week", label=_("Last 7 days")),
        Column("downloads_month", label=_("Last 30 days")),
        Column("downloads_total", label=_("All time")),
    ]
    list_export = ["title", "downloads_week", "downloads_month", "downloads_total"]
    export_headings = {
        "title": _("Document"),
        "downloads_week": _("Last 7 days"),
        "downloads_month": _("Last 30 days"),
        "downloads_total": _("All time"),
    }

    def get_queryset(self):
        return DocumentDownloads.ranked_documents()

    def get_filename(self):
        return "downloads"
