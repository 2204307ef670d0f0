"""A new translation takes its original's place among its siblings (and so in the menu)."""

from wagtail.models import Page
from wagtail.signals import copy_for_translation_done


def place_like_original(source, target) -> None:
    """Move ``target`` just before the translation of the original's next translated sibling.

    Wagtail adds every copy as the last child, so without this the English menu would list
    pages in the order they happened to be translated.
    """
    if not isinstance(target, Page) or target.depth <= 2:
        return
    source = Page.objects.get(pk=source.pk)  # the caller's copy may predate a move
    following = source.get_next_siblings().values_list("translation_key", flat=True)
    translated = {
        page.translation_key: page
        for page in target.get_siblings(inclusive=False).filter(translation_key__in=list(following))
    }
    for key in following:
        if key in translated:
            target.move(translated[key], pos="left")
            return


def connect() -> None:
    copy_for_translation_done.connect(
        lambda sender, source_obj, target_obj, **kwargs: place_like_original(
            source_obj, target_obj
        ),
        dispatch_uid="pressroom-i18n-place-like-original",
        weak=False,
    )
