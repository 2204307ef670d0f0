"""Reports → 搜索引擎推送: what was told to which search engine, and what it answered."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView

from pressroom.push.models import PushedUrl


class PushLogView(ReportView):
    page_title = _("Search engine push")
    header_icon = "globe"
    index_url_name = "push_report"
    index_results_url_name = "push_report_results"
    paginate_by = 50
    columns = [
        DateColumn("created_at", label=_("queued at")),
        Column("engine", label=_("search engine"), accessor="get_engine_display"),
        Column("url", label=_("web address")),
        Column("reason", label=_("reason"), accessor="get_reason_display"),
        Column("state", label=_("state"), accessor="get_state_display"),
        Column("attempts", label=_("attempts")),
        Column("answer", label=_("answer")),
    ]
    list_export = ["created_at", "engine", "url", "reason", "state", "attempts", "answer"]

    def get_queryset(self):
        return PushedUrl.objects.order_by("-created_at", "-pk")

    def get_filename(self):
        return "search-engine-push"
