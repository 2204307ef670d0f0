"""StreamField blocks shared by articles and standard pages.

Headings and paragraphs, most of every body, are drawn in Python (``render_basic``): a
template per block cost a template render with a copy of the page's context each. The
others have a template each.
"""

from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from pressroom.core.video import KNOWN_HOSTS, player_for

RICH_TEXT_FEATURES = [
    "bold",
    "italic",
    "link",
    "document-link",
    "image",
    "ol",
    "ul",
    "hr",
    "h3",
    "h4",
    "superscript",
]


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


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    placement = blocks.ChoiceBlock(
        label=_("Placement"),
        choices=[
            ("full", _("Full width")),
            ("left", _("Left, text beside it")),
            ("right", _("Right, text beside it")),
        ],
        default="full",
        required=False,
        help_text=_("Beside the text on wide screens; full width on phones."),
    )
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


class VideoBlock(blocks.StructBlock):
    """A video from Bilibili, Tencent Video or Youku (its player in a frame), or an MP4 file
    uploaded to the documents."""

    url = blocks.URLBlock(
        label=_("Video page address"),
        required=False,
        help_text=_("The address of the video's page on Bilibili, Tencent Video or Youku."),
    )
    file = DocumentChooserBlock(
        label=_("Or a video file"), required=False, help_text=_("An MP4 file from the documents.")
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=255)

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if bool(value["url"]) == bool(value["file"]):
            errors["url"] = ValidationError(
                _("Give a video page address or a video file: one of them.")
            )
        elif value["url"] and player_for(value["url"]) is None:
            errors["url"] = ValidationError(
                _("Not a video page Pressroom can show. Use an address like: %(hosts)s")
                % {"hosts": KNOWN_HOSTS}
            )
        elif value["file"] and value["file"].file_extension.lower() != "mp4":
            errors["file"] = ValidationError(_("Choose an MP4 file: browsers play that format."))
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["player"] = player_for(value["url"]) if value["url"] else None
        return context

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blocks/video_block.html"


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
    video = VideoBlock()
    quote = QuoteBlock()
    table = DataTableBlock()
