"""StreamField blocks shared by articles and standard pages.

Headings and paragraphs, most of every body, are drawn in Python (``render_basic``): a
template per block cost a template render with a copy of the page's context each. The
others have a template each.
"""

import copy

from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock

from pressroom.core.prepared import PreparedQuery

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "hr", "h3", "h4", "superscript"]


class HeadingBlock(blocks.CharBlock):
    def render_basic(self, value, context=None):
        return format_html("<h2>{}</h2>", value)

    class Meta:
        icon = "title"
        label = _("Heading")
        form_classname = "title"
        max_length = 200
        preview_value = "质量是我们的名片"


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=RICH_TEXT_FEATURES, **kwargs)

    def render_basic(self, value, context=None):
        # (a RichText value expands its links and embeds as it is escaped)
        return format_html('<div class="rich-text">{}</div>', value)

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        preview_value = "<p>我们用心制造每一台设备。</p>"


class BodyImageChooserBlock(ImageChooserBlock):
    """Wagtail's image chooser; a body's pictures are read with SQL compiled once per number
    of pictures (``pressroom.core.prepared``) instead of building ``in_bulk`` each render."""

    MAX_PREPARED = 20  # bodies with more pictures than this use Wagtail's own reading

    def bulk_to_python(self, values):
        ids = list(values)
        if not 0 < len(ids) <= self.MAX_PREPARED or not all(type(i) is int for i in ids):
            return super().bulk_to_python(ids)
        numbered = {f"id{n}": pk for n, pk in enumerate(ids)}
        found = {image.pk: image for image in IMAGES_BY_ID.run(shape=len(ids), **numbered)}
        result, seen = [], set()
        for pk in ids:  # (as Wagtail does: None for a missing one, a copy for a repeated one)
            image = found.get(pk)
            result.append(copy.copy(image) if image is not None and pk in seen else image)
            seen.add(pk)
        return result


IMAGES_BY_ID = PreparedQuery(
    "body images", lambda **ids: get_image_model().objects.filter(pk__in=list(ids.values()))
)


class CaptionedImageBlock(blocks.StructBlock):
    image = BodyImageChooserBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=255)
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        max_length=255,
        help_text=_("Describe the picture for people who cannot see it. Empty: the caption."),
    )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/captioned_image_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"), max_length=2000)
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote_block.html"
        preview_value = {"text": "好的产品会说话。", "attribution": "总经理"}


class DataTableBlock(TableBlock):
    """A table with an optional caption; cells are rendered as escaped text only."""

    def __init__(self, **kwargs):
        super().__init__(table_options={"startRows": 3, "startCols": 3}, **kwargs)

    class Meta:
        icon = "table"
        label = _("Table")
        template = "blocks/table_block.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    table = DataTableBlock()
