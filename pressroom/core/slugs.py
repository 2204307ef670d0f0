"""Web addresses from Chinese titles: short pinyin, not a percent-encoded sentence.

Wagtail makes a page's slug from its title and keeps Chinese characters, so 青禾智能泵站远程运维平台
正式上线 becomes 48 characters of ``%E9%9D%92...`` in every shared link. Pressroom writes the
pinyin instead (``qing-he-zhi-neng-beng-zhan``), cut at a syllable to ``READABLE_SLUG_LENGTH``
characters: readable by a Chinese visitor, safe in any chat app and search result. pypinyin
chooses the reading of characters with more than one (重庆 → chong-qing); Latin words and
numbers in the title stay as they are (ISO 9001 → iso-9001).

pypinyin is imported when a slug is first made, not with this module: its dictionaries take
about 55 MB, and a worker that only serves visitors never makes a slug (docs/operations.md,
"Memory").
"""

from django.utils.text import slugify

READABLE_SLUG_LENGTH = 50


def readable_slug(text: str, max_length: int = READABLE_SLUG_LENGTH) -> str:
    """``text`` as a lower-case ASCII slug: Chinese as pinyin syllables joined by hyphens,
    cut at a hyphen so it is at most ``max_length`` characters. Empty when nothing is left
    (a title of punctuation only)."""
    from pypinyin import lazy_pinyin

    slug = slugify(" ".join(lazy_pinyin(text, errors="default")))
    if len(slug) > max_length:
        cut = slug[: max_length + 1]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else slug[:max_length]
    return slug.strip("-")


def free_slug(slug: str, siblings, step: int = 20) -> str:
    """``slug``, or ``slug-2``, ``slug-3`` … the first that none of ``siblings`` (a page
    queryset) has."""
    # Asked for by exact slugs, ``step`` at a time: an equality lookup uses the slug's index,
    # where a prefix match read every sibling (each new page of an import read all the pages
    # imported before it under the same parent).
    first = 1
    while True:
        candidates = [slug if n == 1 else f"{slug}-{n}" for n in range(first, first + step)]
        taken = set(siblings.filter(slug__in=candidates).values_list("slug", flat=True))
        for candidate in candidates:
            if candidate not in taken:
                return candidate
        first += step
