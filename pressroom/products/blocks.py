"""The blocks a product page is filled with: specification rows and downloads."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock


class SpecRowBlock(blocks.StructBlock):
    """One row of a specification table: 流量 | 50–200 | m³/h."""

    name = blocks.CharBlock(label=_("Parameter"), max_length=80)
    value = blocks.CharBlock(label=_("Value"), max_length=200, required=False)
    unit = blocks.CharBlock(label=_("Unit"), max_length=30, required=False)

    class Meta:
        icon = "list-ul"
        label = _("Specification row")


class DownloadBlock(blocks.StructBlock):
    """A file to download (说明书, 样本, certificate), with the title shown to visitors."""

    document = DocumentChooserBlock(label=_("File"))
    title = blocks.CharBlock(
        label=_("Title shown"),
        max_length=120,
        required=False,
        help_text=_("Empty: the file's title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Download")
