"""WordPress post text before it is HTML: shortcodes and wpautop's paragraphs.

``[caption]`` becomes a figure with its caption, ``[gallery]`` the pictures it names (or the
post's own attachments), ``[embed]`` and a video address alone on a line a figure holding the
address; any other shortcode is left out (its enclosed text kept) and counted in the report.
Classic posts keep paragraphs as blank lines (WordPress adds the ``<p>`` when it shows them,
``wpautop``): those become paragraphs here, and single line breaks ``<br>``.
"""

import re
from collections import Counter
from collections.abc import Callable

from django.utils.html import escape

SHORTCODE = re.compile(r"\[(/?)([a-z][a-z0-9_-]*)((?:\s[^\]]*)?)\]", re.IGNORECASE)
ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))""")
CAPTION = re.compile(r"\[(caption|wp_caption)([^\]]*)\](.*?)\[/\1\]", re.IGNORECASE | re.DOTALL)
EMBED = re.compile(r"\[embed[^\]]*\](.*?)\[/embed\]", re.IGNORECASE | re.DOTALL)
GALLERY = re.compile(r"\[gallery([^\]]*)\]", re.IGNORECASE)
URL_LINE = re.compile(r"^\s*(https?://\S+)\s*$", re.MULTILINE)
BLOCK_START = re.compile(
    r"^\s*<(?:p|div|h[1-6]|ul|ol|li|table|blockquote|figure|pre|hr|iframe|section|address|dl)\b",
    re.IGNORECASE,
)


def attributes(text: str) -> dict[str, str]:
    return {m[1].lower(): m[2] or m[3] or m[4] or "" for m in ATTRIBUTE.finditer(text)}


def expand(
    text: str,
    *,
    gallery: Callable[[list[str]], list[str]],
    unknown: Counter,
) -> str:
    """``text`` with the shortcodes WordPress shows as pictures and videos made HTML, the
    others left out. ``gallery(ids)`` gives the picture addresses of attachment ids (of the
    post's own attachments when ``ids`` is empty)."""
    text = CAPTION.sub(caption, text)
    text = EMBED.sub(lambda m: f"\n\n<figure>{escape(m[1].strip())}</figure>\n\n", text)
    text = GALLERY.sub(lambda m: pictures(gallery, attributes(m[1])), text)
    closing = {name.lower() for slash, name, _ in SHORTCODE.findall(text) if slash}

    def drop(match: re.Match) -> str:
        slash, name, rest = match[1], match[2].lower(), match[3]
        if slash or name in closing or "=" in rest:
            if not slash:
                unknown[name] += 1
            return ""
        return match[0]  # "[sic]", "[1]": text in brackets, not a shortcode

    return SHORTCODE.sub(drop, text)


def caption(match: re.Match) -> str:
    inner = match[3]
    text = attributes(match[2]).get("caption", "")
    picture = re.search(r"(<a\b[^>]*>\s*)?<img\b[^>]*>(\s*</a>)?", inner, re.IGNORECASE)
    if picture:
        text = text or inner[picture.end() :].strip()
        inner = picture[0]
    return f"\n\n<figure>{inner}<figcaption>{text}</figcaption></figure>\n\n"


def pictures(gallery, attrs: dict[str, str]) -> str:
    ids = [part.strip() for part in attrs.get("ids", "").split(",") if part.strip()]
    images = "".join(f'<img src="{escape(url)}" alt="">' for url in gallery(ids))
    return f"\n\n<figure>{images}</figure>\n\n" if images else ""


def autop(text: str) -> str:
    """Classic WordPress text with its blank-line paragraphs as ``<p>`` elements."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = URL_LINE.sub(lambda m: f"\n\n<figure>{m[1]}</figure>\n\n", text)
    out = []
    for chunk in re.split(r"\n\s*\n", text):
        chunk = chunk.strip()
        if not chunk:
            continue
        if BLOCK_START.match(chunk):
            out.append(chunk)
        else:
            out.append("<p>" + re.sub(r"\s*\n\s*", "<br>", chunk) + "</p>")
    return "\n".join(out)
