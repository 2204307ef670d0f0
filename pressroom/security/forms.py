"""The image form the admin uses (``WAGTAILIMAGES_IMAGE_FORM_BASE``)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from PIL import Image as PILImage
from wagtail.images.forms import BaseImageForm


class SafeImageForm(BaseImageForm):
    """Counts every frame of an animation against ``WAGTAILIMAGES_MAX_IMAGE_PIXELS``.

    Wagtail multiplies the pixels by the frame count, but Willow's Pillow plugin reports one
    frame for every file, so a small GIF or animated PNG/WebP of many large frames passed and
    then cost the server all their pixels when a rendition was made.
    """

    def clean_file(self):
        file = self.cleaned_data.get("file")
        limit = getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", None)
        if not file or not limit or "file" not in self.changed_data:
            return file
        file.seek(0)
        try:
            with PILImage.open(file) as image:
                width, height = image.size
                frames = getattr(image, "n_frames", 1)
        except Exception:  # Wagtail's own field check has accepted it: leave it to Willow
            return file
        finally:
            file.seek(0)
        pixels = width * height * frames
        if pixels > limit:
            message = self.fields["file"].error_messages["file_too_many_pixels"]
            raise ValidationError(
                message % {"num_pixels": pixels, "max_pixels_count": limit},
                code="file_too_many_pixels",
            )
        return file
