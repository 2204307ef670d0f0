"""What the 留言 inbox lists: its columns, rows, filters and search box."""

import datetime

import django_filters
from django import forms
from django.core.exceptions import FieldDoesNotExist
from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.forms.search import SearchForm
from wagtail.admin.ui.tables import Column, Table, TitleColumn

from pressroom.contact.models import ContactMessage

# Longer searches are cut to this many characters: nobody types more into the box, and a
# pasted page of text should not become six LIKE patterns of a megabyte each.
SEARCH_MAX_LENGTH = 100
# Dates outside these years are no date anyone means; beyond them, converting the day to UTC
# would overflow Python's datetime.
EARLIEST, LATEST = datetime.date(2000, 1, 1), datetime.date(2999, 12, 31)


def product_field():
    """The message's ``product`` field, when the site has one (quote requests), else None."""
    try:
        return ContactMessage._meta.get_field("product")
    except FieldDoesNotExist:
        return None


def index_url_with_query(request) -> str:
    """The inbox's address with the reader's filters and search, for coming back after a POST.

    A filter or search reloads only the results, from another address: the list's own address
    is what a button must return to.
    """
    query = request.GET.copy()
    for key in ("_w_filter_fragment", "export"):
        query.pop(key, None)
    url = reverse("contact_message:index")
    return f"{url}?{query.urlencode()}" if query else url


class MessageTable(Table):
    classname = "listing inbox-table"

    def get_row_classname(self, instance):
        return "inbox-row is-unread" if instance.read_at is None else "inbox-row"


class TimeColumn(Column):
    """When the message came, in the admin's time zone (TIME_ZONE, or the user's own)."""

    cell_template_name = "contact/admin/time_cell.html"


class LinkColumn(Column):
    """A value as a link made by ``href`` (a message property), when it makes one."""

    cell_template_name = "contact/admin/link_cell.html"

    def __init__(self, name, href, **kwargs):
        super().__init__(name, **kwargs)
        self.href = href

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["href"] = getattr(instance, self.href)
        return context


class StatusColumn(Column):
    """Handled, spam and mail state, with the buttons that change the first two."""

    cell_template_name = "contact/admin/status_cell.html"

    def __init__(self, name, can_change, **kwargs):
        super().__init__(name, **kwargs)
        self.can_change = can_change

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context["request"]
        if self.can_change(request):
            context["status_url"] = reverse("contact_message:status", args=[instance.pk])
            context["next_url"] = index_url_with_query(request)
            context["csrf_token"] = get_token(request)
        return context


def columns(can_change) -> list:
    """时间 / 姓名 / 公司 / 电话 / 邮箱 / (产品) / 摘要 / 状态."""
    listed = [
        TimeColumn("submit_time", label=_("Time"), sort_key="submit_time", classname="inbox-time"),
        TitleColumn(
            "name",
            label=_("Name"),
            accessor=lambda message: message.name or _("(no name)"),
            get_url=lambda message: reverse("contact_message:inspect", args=[message.pk]),
            classname="inbox-name",
        ),
        Column("company", label=_("Company"), classname="inbox-company"),
        LinkColumn("phone", "tel_url", label=_("Phone"), classname="inbox-phone"),
        LinkColumn("email", "reply_url", label=_("Email"), classname="inbox-email"),
    ]
    if product_field() is not None:
        listed.append(Column("product", label=_("Product"), classname="inbox-product"))
    listed += [
        Column("excerpt", label=_("Summary"), classname="inbox-excerpt"),
        StatusColumn("status", can_change, label=_("Status"), classname="inbox-status"),
    ]
    return listed


STATUS_CHOICES = [
    ("unread", _("Unread")),
    ("unhandled", _("Not handled")),
    ("handled", _("Handled")),
    ("spam", _("Spam")),
]


class ReceivedFilter(django_filters.DateFromToRangeFilter):
    """From one day to another (both included), in the admin's time zone."""

    def filter(self, qs, value):
        if value:
            start, stop = value.start, value.stop
            if start is not None and not EARLIEST <= start.date() <= LATEST:
                start = None
            if stop is not None and not EARLIEST <= stop.date() <= LATEST:
                stop = None
            if start is None and stop is None:
                return qs
            value = slice(start, stop)
        return super().filter(qs, value)


class MessageFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=STATUS_CHOICES,
        method="filter_status",
        empty_label=_("All but spam"),
        widget=forms.RadioSelect,
    )
    received = ReceivedFilter(
        field_name="submit_time", label=_("Received"), widget=DateRangePickerWidget
    )
    delivery = django_filters.ChoiceFilter(
        label=_("Mail"),
        choices=ContactMessage.Delivery.choices,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )

    class Meta:
        model = ContactMessage
        fields = ["product"] if product_field() is not None else []

    def filter_status(self, queryset, name, value):
        return {
            "unread": queryset.filter(read_at__isnull=True),
            "unhandled": queryset.filter(handled=False),
            "handled": queryset.filter(handled=True),
            "spam": queryset.filter(is_spam=True),
        }.get(value, queryset)

    @property
    def shows_spam(self) -> bool:
        return self.is_valid() and self.form.cleaned_data.get("status") == "spam"


class MessageSearchForm(SearchForm):
    def clean_q(self):
        return self.cleaned_data["q"].strip()[:SEARCH_MAX_LENGTH]
