"""Add many small pictures to a Pressroom site, for measuring the admin's image chooser.

    PRESSROOM_DATA_DIR=<site> .venv/bin/python bench/seed_images.py [--images 10000]

Each picture is a generated 64 x 48 PNG of one colour with a title, saved through Wagtail's
image model as the admin's upload saves it (file, size, hash), in batches of 500 in one
transaction each, and added to the search index a batch at a time (the search backends'
``add_bulk``): on SQLite each single index update recomputes the title weights of the whole
index, 1.6 s per picture at 100,000 articles. The site must exist (``pressroom init``).
Writes a marker ``images-<N>`` into the data folder, so scale.py adds them once.
"""

import argparse
import io
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BATCH = 500
# A few words for titles, so the chooser's search has something to find.
WORDS = ("厂房", "展会", "产品", "团队", "签约", "设备", "样品", "仓库", "plant", "expo", "team")


def picture(number: int) -> bytes:
    from PIL import Image

    colour = ((number * 37) % 256, (number * 91) % 256, (number * 53) % 256)
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), colour).save(buffer, "PNG")
    return buffer.getvalue()


def add_images(count: int, start: int = 0) -> None:
    from django.conf import settings
    from django.core.files.images import ImageFile
    from django.db import transaction
    from wagtail.images import get_image_model
    from wagtail.search.backends import get_search_backends

    backends = list(get_search_backends())
    settings.WAGTAILSEARCH_BACKENDS = {  # no index update per picture: add_bulk below
        name: {**params, "AUTO_UPDATE": False}
        for name, params in settings.WAGTAILSEARCH_BACKENDS.items()
    }
    model = get_image_model()
    for first in range(start, start + count, BATCH):
        with transaction.atomic():
            batch = []
            for number in range(first, min(first + BATCH, start + count)):
                title = f"{WORDS[number % len(WORDS)]} {number}"
                image = model(title=title)
                image.file = ImageFile(io.BytesIO(picture(number)), name=f"bench-{number}.png")
                image.save()
                batch.append(image)
            for backend in backends:
                backend.add_bulk(model, batch)
        print(f"  {min(first + BATCH, start + count):,} pictures", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--images", type=int, default=10_000)
    args = parser.parse_args()
    data_dir = Path(os.environ["PRESSROOM_DATA_DIR"])
    marker = data_dir / f"images-{args.images}"
    if marker.exists():
        return
    os.environ.setdefault("PRESSROOM_LOG_LEVEL", "WARNING")
    os.environ["DJANGO_SETTINGS_MODULE"] = "pressroom.settings"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from wagtail.images import get_image_model

    have = get_image_model().objects.count()
    started = time.monotonic()
    print(f"Adding {args.images:,} pictures ({have:,} there already)...", flush=True)
    add_images(args.images, start=have)
    marker.write_text(f"{args.images}\n")
    print(f"  added in {time.monotonic() - started:.0f} s", flush=True)


if __name__ == "__main__":
    main()
