"""A downloads center's blocks: a category (样本, 说明书, 证书 …) and the files in it."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock


class FileBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("File"))
    title = blocks.CharBlock(
        label=_("Title shown"),
        max_length=120,
        required=False,
        help_text=_("Empty: the file's title."),
    )
    description = blocks.CharBlock(label=_("Short description"), max_length=300, required=False)

    class Meta:
        icon = "doc-full"
        label = _("File")


class CategoryBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Category"), max_length=80)
    files = blocks.ListBlock(FileBlock(), label=_("Files"))

    class Meta:
        icon = "folder-open-inverse"
        label = _("Category")
