"""Putting demo pages on the site: their bodies as StreamField data, published on their dates."""

from datetime import datetime

from wagtail.models import Page

from pressroom.demo.pictures import scene_picture


def stream_data(blocks, pictures: dict) -> list[dict]:
    """Demo blocks (``(kind, value)``, as the data files give them) as StreamField raw data."""
    data = []
    for kind, value in blocks:
        if kind == "image":
            chosen = value["image"]
            picture = scene_picture(chosen) if isinstance(chosen, str) else pictures[chosen]
            value = {
                "image": picture.pk,
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


def publish_child(parent, page, when: datetime | None = None, updated: datetime | None = None):
    """Add ``page`` under ``parent`` and publish it, dated ``when`` (and ``updated``) if given."""
    parent.add_child(instance=page)
    revision = page.save_revision()
    revision.publish()
    if when is not None:
        Page.objects.filter(pk=page.pk).update(
            first_published_at=when, last_published_at=updated or when
        )
        revision.__class__.objects.filter(pk=revision.pk).update(created_at=updated or when)
    return page


def backdate(page, published: datetime, updated: datetime) -> None:
    """Give a translation its original's publish times (first published, last updated)."""
    Page.objects.filter(pk=page.pk).update(first_published_at=published, last_published_at=updated)
    revision = page.live_revision
    if revision is not None:
        type(revision).objects.filter(pk=revision.pk).update(created_at=updated)
