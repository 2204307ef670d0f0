"""The 留言 inbox: every contact page's messages in one list, each opened, marked and answered
in the admin; exports in local time and the reader's language. Nobody creates a message here."""

import datetime

from django import forms
from django.http import FileResponse, Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import View
from wagtail.admin import messages
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.views.generic.base import BaseOperationView
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry

from pressroom.contact.admin_listing import (
    MessageFilterSet,
    MessageSearchForm,
    MessageTable,
    columns,
    product_field,
)
from pressroom.contact.mailconfig import mail_configured
from pressroom.contact.models import KNOWN_FIELDS, ContactMessage, answer_labels

# A spreadsheet opening a CSV runs a cell starting with one of these as a formula (OWASP's
# list, plus line feed); Excel in Chinese and Japanese setups also takes the fullwidth signs
# that a Chinese keyboard types. Leading spaces never reach the data: the form strips them.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")


def neutralise_cell(value):
    """The value, with an apostrophe in front when it is text that could start a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


class FormulaSafeExportMixin:
    """For Wagtail's spreadsheet exports: CSV cells and every heading cannot become formulas.

    XLSX cells are already written as text by Wagtail, so they keep the visitor's exact words;
    headings are appended as plain values, which openpyxl would turn into formulas.
    """

    def get_preprocess_function(self, field, value, export_format):
        preprocess = super().get_preprocess_function(field, value, export_format)
        if export_format != self.FORMAT_CSV:
            return preprocess
        if preprocess is None:
            return neutralise_cell
        return lambda value: neutralise_cell(preprocess(value))

    def get_heading(self, queryset, field):
        return neutralise_cell(super().get_heading(queryset, field))


def can_change_messages(request) -> bool:
    return policy_registry.get_by_type(ContactMessage).user_has_permission(request.user, "change")


# --- the list and its exports ---------------------------------------------------------------


def local_time(value: datetime.datetime) -> datetime.datetime:
    """The time in the admin's zone, without a zone: what a spreadsheet cell can hold."""
    return timezone.localtime(value).replace(tzinfo=None)


def export_columns(extra_keys) -> dict:
    """{column key: heading}, in the reader's language, for the export."""
    headings = {
        "time": gettext_lazy("Time"),
        "name": gettext_lazy("Name"),
        "company": gettext_lazy("Company"),
        "phone": gettext_lazy("Phone"),
        "email": gettext_lazy("Email"),
    }
    if product_field() is not None:
        headings["product"] = gettext_lazy("Product")
    headings["message"] = gettext_lazy("Message")
    headings.update(extra_keys)
    headings.update(
        {
            "handled": gettext_lazy("Status"),
            "spam": gettext_lazy("Spam"),
            "note": gettext_lazy("Note"),
            "delivery": gettext_lazy("Mail"),
            "page": gettext_lazy("Page"),
        }
    )
    return headings


def export_row(message: ContactMessage, keys) -> dict:
    values = {
        "time": message.submit_time,
        "name": message.name,
        "company": message.company,
        "phone": message.phone,
        "email": message.email,
        "message": message.message,
        "handled": _("Handled") if message.handled else _("Not handled"),
        "spam": _("yes") if message.is_spam else _("no"),
        "note": message.note,
        "delivery": message.get_delivery_display(),
        "page": message.page.title,
    }
    if "product" in keys:
        product = message.product
        values["product"] = str(product) if product not in (None, "") else ""
    row = {}
    for key in keys:
        if key in values:
            row[key] = values[key]
        else:  # another answer of the form: "answer:<name>"
            answer = message.form_data.get(key.split(":", 1)[1], "")
            row[key] = ", ".join(map(str, answer)) if isinstance(answer, list) else str(answer)
    return row


class MessageIndexView(FormulaSafeExportMixin, IndexView):
    """The inbox: newest first, spam hidden unless asked for; CSV and XLSX of what it shows."""

    table_class = MessageTable
    search_fields = ["form_data", "note"]  # turns the search box on; see search_queryset
    custom_value_preprocess = {
        **IndexView.custom_value_preprocess,
        datetime.datetime: {
            IndexView.FORMAT_XLSX: local_time,
            IndexView.FORMAT_CSV: lambda value: local_time(value).strftime("%Y-%m-%d %H:%M:%S"),
        },
    }

    @cached_property
    def columns(self):
        return columns(can_change_messages)

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("page")

    def get_search_form(self):
        return MessageSearchForm(self.request.GET if "q" in self.request.GET else None)

    def search_queryset(self, queryset):
        return queryset.search(self.search_query) if self.is_searching else queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if not (self.filters and self.filters.shows_spam):
            queryset = queryset.exclude(is_spam=True)
        return queryset

    # The export: fixed columns, then every other answer the contact pages ask for.
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        if self.is_export:
            self.export_headings = export_columns(self.other_answer_headings())
            self.list_export = list(self.export_headings)

    def other_answer_headings(self) -> dict:
        from pressroom.contact.models import ContactPage

        headings = {}
        for page in ContactPage.objects.all():
            for key, label in answer_labels(page).items():
                if key not in KNOWN_FIELDS and key != "product":
                    headings.setdefault(f"answer:{key}", label)
        return headings

    def to_row_dict(self, item):
        return export_row(item, self.list_export)

    def get_filename(self):
        return f"contact-messages-{timezone.localdate():%Y-%m-%d}"

    def stream_csv(self, queryset):
        """The CSV's lines, each made in the reader's language and time zone.

        The response streams them after the view has returned, when the admin has switched
        back to the site's language and zone: both are taken along from here.
        """
        lines = super().stream_csv(queryset)
        language, zone = translation.get_language(), timezone.get_current_timezone()

        def in_readers_terms():
            # A byte order mark first: without it Excel on a Chinese Windows reads UTF-8 as GBK.
            yield "\ufeff"
            while True:
                with translation.override(language), timezone.override(zone):
                    line = next(lines, None)
                if line is None:
                    return
                yield line

        return in_readers_terms()

    def write_csv_response(self, queryset):
        response = super().write_csv_response(queryset)
        response["Content-Type"] = "text/csv; charset=utf-8"
        return response


# --- one message ----------------------------------------------------------------------------


class MessageView(InspectView):
    """The whole message, its status buttons, a reply link and the sales team's note.

    Opening it marks it read for everyone.
    """

    page_title = capfirst(gettext_lazy("message"))  # 留言 ("Message" is the form's 留言内容)
    template_name = "contact/admin/message.html"

    def get_object(self, queryset=None):
        return get_object_or_404(ContactMessage.objects.select_related("page"), pk=self.pk)

    def get(self, request, *args, **kwargs):
        self.object.mark_read()  # after the permission check, which dispatch() has made
        return super().get(request, *args, **kwargs)

    def get_edit_url(self):
        return None  # there is no form to edit a message: the buttons below change it

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        message = self.object
        can_change = self.user_has_permission("change")
        context.update(
            {
                "message": message,
                "other_answers": message.other_answers(),
                "product": message.product if product_field() is not None else None,
                "has_product": product_field() is not None,
                "can_change": can_change,
                "note_form": NoteForm(instance=message) if can_change else None,
                "mail_configured": mail_configured(),
                "next_url": self.request.get_full_path(),
            }
        )
        return context


class NoteForm(forms.ModelForm):
    class Meta:
        model = ContactMessage
        fields = ["note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 4})}


class MessageActionView(PermissionCheckedMixin, BaseOperationView):
    """POST only: mark a message handled or not, spam or not, or save its note."""

    model = ContactMessage
    permission_required = "change"
    success_url_name = "contact_message:inspect"
    http_method_names = ["post"]
    # posted field: (model field, message when set, message when cleared)
    TOGGLES = {
        "handled": (
            "handled",
            gettext_lazy("Marked as handled."),
            gettext_lazy("Marked as not handled."),
        ),
        "spam": ("is_spam", gettext_lazy("Marked as spam."), gettext_lazy("Marked as not spam.")),
    }

    def post(self, request, *args, **kwargs):
        changes = [key for key in (*self.TOGGLES, "note") if key in request.POST]
        if len(changes) != 1:
            return HttpResponseBadRequest(_("Say what to change: handled, spam or note."))
        if changes[0] == "note":
            return self.save_note()
        field, when_set, when_cleared = self.TOGGLES[changes[0]]
        value = request.POST[changes[0]]
        if value not in ("0", "1"):
            return HttpResponseBadRequest(_("“%(field)s” must be 0 or 1.") % {"field": changes[0]})
        setattr(self.object, field, value == "1")
        self.object.save(update_fields=[field])
        messages.success(request, when_set if value == "1" else when_cleared)
        return redirect(self.get_success_url())

    def save_note(self):
        form = NoteForm(self.request.POST, instance=self.object)
        if form.is_valid():
            form.save()
            messages.success(self.request, _("Note saved."))
        else:
            messages.error(self.request, " ".join(form.errors["note"]))
        return redirect(self.get_success_url())


class AttachmentView(PermissionCheckedMixin, View):
    """The file a visitor sent with a message (a CV), for those who may read messages.

    Always a download, never shown in the browser, with nothing it could run; no cache keeps
    it. The file's own address under /media/ answers 404 to everyone (docs/security.md).
    """

    model = ContactMessage
    any_permission_required = ["view", "change", "delete"]

    def get(self, request, pk):
        message = get_object_or_404(ContactMessage, pk=pk)
        if not message.attachment:
            raise Http404(_("This message has no attached file."))
        try:
            handle = message.attachment.open("rb")
        except OSError as exc:
            raise Http404(_("The attached file is missing.")) from exc
        name = message.attachment_name or message.attachment.name.rpartition("/")[2]
        response = FileResponse(handle, as_attachment=True, filename=name)
        response["Content-Type"] = "application/octet-stream"
        response["Content-Security-Policy"] = "default-src 'none'; sandbox"
        response["X-Content-Type-Options"] = "nosniff"
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
        return response


class MessageEditRedirect(PermissionCheckedMixin, View):
    """Old "edit" links (a separate page with one checkbox) now open the message itself."""

    model = ContactMessage
    any_permission_required = ["view", "change", "delete"]
    template_name = None  # the viewset asks every edit view for one

    def get(self, request, pk):
        return redirect("contact_message:inspect", pk)


# --- permissions and the viewset ------------------------------------------------------------


class MessagePermissionPolicy(ModelPermissionPolicy):
    """Messages come only from visitors: nobody adds or copies one in the admin."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(user, [a for a in actions if a != "add"])


class ContactMessageViewSet(ModelViewSet):
    model = ContactMessage
    index_view_class = MessageIndexView
    inspect_view_class = MessageView
    edit_view_class = MessageEditRedirect
    index_template_name = "contact/admin/inbox.html"
    icon = "mail"
    menu_label = gettext_lazy("Messages")
    menu_order = 250
    add_to_admin_menu = True
    name = "contact_message"
    copy_view_enabled = False
    inspect_view_enabled = True
    ordering = ["-submit_time"]
    list_per_page = 50
    filterset_class = MessageFilterSet
    export_filename = "contact-messages"
    list_export = ["time"]  # the real columns are chosen per export (MessageIndexView.setup)
    form_fields = ["note"]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("status/<int:pk>/", self.status_view, name="status"),
            path("attachment/<int:pk>/", self.attachment_view, name="attachment"),
        ]

    @cached_property
    def attachment_view(self):
        return self.construct_view(AttachmentView)

    @cached_property
    def status_view(self):
        return self.construct_view(MessageActionView)
