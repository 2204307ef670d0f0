"""Settings → 导入 (superusers only): start an import, follow it, read its report."""

from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, FormView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from pressroom.importers.forms import FORMAT_CHOICES, ImportForm
from pressroom.importers.models import ImportRun
from pressroom.importers.runs import keep_upload, run_import
from pressroom.security.refusal import refused

REFRESH_SECONDS = 3
# The kinds of item the importers count, as the report page names them.
KIND_LABELS = {
    "post": _("articles (posts)"),
    "article": _("articles"),
    "entry": _("articles (feed items)"),
    "item": _("articles"),
    "page": _("pages"),
    "single": _("pages"),
    "category": _("categories"),
    "image": _("pictures"),
}


class SuperuserOnly:
    """Imports write anywhere in the site and fetch from the network: superusers only (403)."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            return refused(request, gettext("Only a superuser may import content."))
        return super().dispatch(request, *args, **kwargs)


class ImportStartView(SuperuserOnly, WagtailAdminTemplateMixin, FormView):
    page_title = _("Import content")
    header_icon = "download"
    template_name = "importers/start.html"
    form_class = ImportForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["runs"] = ImportRun.objects.select_related("user")[:20]
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        upload = data.get("upload")
        run = ImportRun.objects.create(
            user=self.request.user,
            format=data["format"],
            source_name=(upload.name if upload else data["url"])[:500],
            upload=keep_upload(upload, form.suffix()) if upload else "",
            options={
                "dry_run": data["dry_run"],
                "overwrite": data["overwrite"],
                "visits": data["visits"] and data["format"] == "pbootcms",
                "language": data["language"],
                "limit": data["limit"],
            },
        )
        run_import.enqueue(run.pk)
        return redirect("importers_run", pk=run.pk)


class ImportRunView(SuperuserOnly, WagtailAdminTemplateMixin, DetailView):
    header_icon = "download"
    template_name = "importers/run.html"
    context_object_name = "run"

    def get_object(self, queryset=None):
        return get_object_or_404(ImportRun, pk=self.kwargs["pk"])

    def get_page_title(self):
        return _("Import: %(source)s") % {"source": self.object.source_name}

    def get_breadcrumbs_items(self):
        return []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["refresh"] = REFRESH_SECONDS if self.object.in_progress else None
        context["format_label"] = dict(FORMAT_CHOICES).get(self.object.format, self.object.format)
        context["rows"] = [
            {**row, "label": KIND_LABELS.get(row["kind"], row["kind"])}
            for row in self.object.report.get("kinds", [])
        ]
        return context
