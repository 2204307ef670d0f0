"""The picture formats an editor picks for a picture inside a paragraph (Wagtail's rich text
``image`` feature). Wagtail finds this module by its name in every app.

Wagtail's own three formats are replaced by ours: the same names, so stored text keeps working,
but sized like the body's picture block (960 px across, 480 beside the text) and loaded lazily,
with the labels the picture block uses.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.images.formats import Format, register_image_format, unregister_image_format


class LazyFormat(Format):
    """A format whose picture loads when the reader scrolls near it."""

    def image_to_html(self, image, alt_text, extra_attributes=None):
        attributes = {"loading": "lazy", "decoding": "async", **(extra_attributes or {})}
        return super().image_to_html(image, alt_text, attributes)


for name in ("fullwidth", "left", "right"):
    unregister_image_format(name)

register_image_format(
    LazyFormat("fullwidth", _("Full width"), "richtext-image full-width", "width-960")
)
register_image_format(
    LazyFormat("left", _("Left, text beside it"), "richtext-image left", "width-480")
)
register_image_format(
    LazyFormat("right", _("Right, text beside it"), "richtext-image right", "width-480")
)
