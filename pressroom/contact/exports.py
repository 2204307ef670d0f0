"""The admin's message lists and their spreadsheet exports, in which no cell runs a formula."""

from wagtail.admin.views.generic import IndexView
from wagtail.contrib.forms.views import SubmissionsListView

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


class MessageIndexView(FormulaSafeExportMixin, IndexView):
    pass


class ContactSubmissionsListView(FormulaSafeExportMixin, SubmissionsListView):
    """Wagtail's submissions listing of the contact page, exporting as the inbox does."""
