"""The demo's pictures: abstract illustrations drawn on first use, the same every time."""

import io
import math
import random

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model

IMAGE_COUNT = 8
IMAGE_TITLE = "演示配图 {n}"
# Their title before the admin was all Chinese: a site loaded then gets them renamed.
OLD_IMAGE_TITLE = "Pressroom demo picture {n}"
PALETTES = [
    ("#0b5cab", "#7fb3e6"),
    ("#0f766e", "#99d6cf"),
    ("#7c3aed", "#c4b5fd"),
    ("#b45309", "#fcd34d"),
    ("#1f2937", "#94a3b8"),
    ("#be123c", "#fda4af"),
    ("#166534", "#86efac"),
    ("#1e3a8a", "#93c5fd"),
]


def draw_picture(n: int, size=(1200, 750)) -> bytes:
    """An abstract, deterministic illustration (pipes and flow lines) as JPEG bytes."""
    dark, light = PALETTES[n % len(PALETTES)]
    rng = random.Random(n)
    picture = PILImage.new("RGB", size, light)
    draw = ImageDraw.Draw(picture)
    width, height = size
    for y in range(height):  # vertical gradient
        mix = y / height
        draw.line([(0, y), (width, y)], fill=_blend(light, dark, mix * 0.6))
    for _ in range(6):  # flow lines
        amplitude, phase, base = (
            rng.randint(20, 90),
            rng.random() * 6.3,
            rng.randint(80, height - 80),
        )
        points = [
            (x, base + amplitude * math.sin(x / 140 + phase)) for x in range(0, width + 20, 20)
        ]
        draw.line(points, fill="#ffffff", width=rng.randint(3, 9))
    for _ in range(4):  # pipe joints
        cx, cy, r = (
            rng.randint(100, width - 100),
            rng.randint(100, height - 100),
            rng.randint(40, 110),
        )
        draw.ellipse([cx - r, cy - r, cx + r, cy + r], outline=dark, width=14)
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=82)
    return buffer.getvalue()


def _blend(a: str, b: str, t: float) -> tuple[int, int, int]:
    ca = [int(a[i : i + 2], 16) for i in (1, 3, 5)]
    cb = [int(b[i : i + 2], 16) for i in (1, 3, 5)]
    return tuple(round(x + (y - x) * t) for x, y in zip(ca, cb, strict=True))


def ensure_images() -> dict[int, object]:
    """The demo pictures by number (1 to IMAGE_COUNT), drawn and saved when missing."""
    Image = get_image_model()
    images = {}
    for n in range(1, IMAGE_COUNT + 1):
        title = IMAGE_TITLE.format(n=n)
        image = Image.objects.filter(title=title).first()
        if image is None:
            image = Image.objects.filter(title=OLD_IMAGE_TITLE.format(n=n)).first()
            if image is not None:
                image.title = title
                image.save(update_fields=["title"])
        if image is None:
            data = io.BytesIO(draw_picture(n - 1))
            image = Image(title=title)
            image.file = ImageFile(data, name=f"demo-{n}.jpg")
            image.save()
        images[n] = image
    return images
