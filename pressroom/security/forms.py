"""The image and document forms the admin uses (``WAGTAIL*_FORM_BASE``)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from PIL import Image as PILImage
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from .live_media import refuse_live_file_replacement


class LiveFileMixin:
    """Only Moderators and up replace the file of an image or document the live site shows."""

    def __init__(self, *args, **kwargs):
        self.acting_user = kwargs.get("user")  # Wagtail's views pass it; the form drops it
        super().__init__(*args, **kwargs)

    def clean_file(self):
        refuse_live_file_replacement(self, self.acting_user)
        return self.cleaned_data.get("file")


class SafeDocumentForm(LiveFileMixin, BaseDocumentForm):
    pass


class SafeImageForm(LiveFileMixin, BaseImageForm):
    """Counts every frame of an animation against ``WAGTAILIMAGES_MAX_IMAGE_PIXELS``; keeps the
    file of an image the live site shows (``LiveFileMixin``).

    Wagtail multiplies the pixels by the frame count, but Willow's Pillow plugin reports one
    frame for every file, so a small GIF or animated PNG/WebP of many large frames passed and
    then cost the server all their pixels when a rendition was made.
    """

    def clean_file(self):
        file = super().clean_file()
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
