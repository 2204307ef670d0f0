"""Loads the demo company from content.py into a site; a second run changes nothing."""

import io
import math
import random
from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.files.images import ImageFile
from django.db import transaction
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from pressroom.core.models import CompanyInfo
from pressroom.core.setup import create_site_tree
from pressroom.demo import content
from pressroom.demo.translations import load_translations

IMAGE_COUNT = 8
IMAGE_TITLE = "Pressroom demo picture {n}"
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


def ensure_images() -> list:
    Image = get_image_model()
    images = []
    for n in range(IMAGE_COUNT):
        title = IMAGE_TITLE.format(n=n + 1)
        image = Image.objects.filter(title=title).first()
        if image is None:
            data = io.BytesIO(draw_picture(n))
            image = Image(title=title)
            image.file = ImageFile(data, name=f"demo-{n + 1}.jpg")
            image.save()
        images.append(image)
    return images


def local_time(text: str) -> datetime:
    fmt = "%Y-%m-%d %H:%M:%S" if text.count(":") == 2 else "%Y-%m-%d %H:%M"
    return datetime.strptime(text, fmt).replace(tzinfo=ZoneInfo(settings.TIME_ZONE))


def stream_data(blocks, images) -> list[dict]:
    """Demo blocks as StreamField raw data."""
    data = []
    for kind, value in blocks:
        if kind == "image":
            value = {
                "image": images[value["image"]].pk,
                "caption": value.get("caption", ""),
                "alt_text": value.get("alt_text", ""),
            }
        elif kind == "table":
            value = {
                "data": value["rows"],
                "table_caption": value.get("caption", ""),
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "table_header_choice": "row",
            }
        data.append({"type": kind, "value": value})
    return data


def load_company(site) -> None:
    info = CompanyInfo.for_site(site)
    fields = dict(content.COMPANY)
    fields["icp_number"] = fields.pop("icp", "")
    changed = False
    for name, value in fields.items():
        if getattr(info, name) != value:
            setattr(info, name, value)
            changed = True
    if changed:
        info.save()


def load_categories() -> dict:
    from pressroom.news.models import NewsCategory

    categories = {}
    for order, item in enumerate(content.CATEGORIES):
        category, _ = NewsCategory.objects.get_or_create(
            slug=item["slug"],
            defaults={"name": item["name"], "name_en": item["name_en"], "sort_order": order},
        )
        categories[item["slug"]] = category
    return categories


def publish_child(parent, page, when: datetime | None = None, updated: datetime | None = None):
    parent.add_child(instance=page)
    revision = page.save_revision()
    revision.publish()
    if when is not None:
        Page.objects.filter(pk=page.pk).update(
            first_published_at=when, last_published_at=updated or when
        )
        revision.__class__.objects.filter(pk=revision.pk).update(created_at=updated or when)
    return page


def load_pages(home, images) -> None:
    from pressroom.contact.models import ContactPage
    from pressroom.news.models import NewsIndexPage
    from pressroom.pages.models import StandardPage

    for item in content.PAGES:
        if not Page.objects.child_of(home).filter(slug=item["slug"]).exists():
            page = StandardPage(
                title=item["title"],
                slug=item["slug"],
                summary=item["summary"],
                body=stream_data(item["body"], images),
                show_in_menus=True,
            )
            publish_child(home, page)
            # About pages come before the news center in the menu, in their written order.
            news_index = NewsIndexPage.objects.child_of(home).first()
            if news_index is not None:
                page.move(news_index, pos="left")
    contact = ContactPage.objects.child_of(home).first()
    if contact is not None and not contact.intro:
        contact.intro = content.CONTACT["intro"]
        contact.save_revision().publish()


def load_articles(news_index, categories, images) -> int:
    from pressroom.news.models import NewsArticlePage

    existing = set(NewsArticlePage.objects.child_of(news_index).values_list("slug", flat=True))
    created = 0
    for item in sorted(content.ARTICLES, key=lambda a: a["published"]):
        if item["slug"] in existing:
            continue
        article = NewsArticlePage(
            title=item["title"],
            slug=item["slug"],
            summary=item["summary"],
            author=item["author"],
            source_name=item["source_name"],
            source_url=item["source_url"],
            category=categories[item["category"]],
            cover_image=images[item["image"]],
            body=stream_data(item["body"], images),
        )
        article.tags.add(*item["tags"])
        publish_child(
            news_index, article, local_time(item["published"]), local_time(item["updated"])
        )
        created += 1
    return created


@transaction.atomic
def load_demo() -> dict:
    """Fill the default site with the demo company; returns what was created."""
    from pressroom.news.models import NewsIndexPage

    home = create_site_tree()
    site = Site.objects.get(is_default_site=True)
    images = ensure_images()
    load_company(site)
    if not home.intro:
        home.headline = content.COMPANY["name"]
        home.intro = (
            getattr(content, "HOME", {}).get("intro") or f"<p>{content.PAGES[0]['summary']}</p>"
        )
        home.save_revision().publish()
    categories = load_categories()
    load_pages(home, images)
    news_index = NewsIndexPage.objects.child_of(home).first()
    created = load_articles(news_index, categories, images)
    translated = load_translations(home, news_index, stream_data, images, local_time)
    return {"articles": created, "translations": translated}
