"""Result titles and snippets with the query's words marked, escaped for HTML."""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .fields import flatten
from .text import highlight_words, is_cjk

SNIPPET_LENGTH = 160


def word_pattern(query: str) -> re.Pattern | None:
    """A regex matching the query's words in a text: CJK runs as they are, English by stem."""
    words = sorted(highlight_words(query), key=len, reverse=True)
    if not words:
        return None
    parts = [re.escape(w) if is_cjk(w) else rf"\b{re.escape(w)}\w*" for w in words]
    return re.compile("|".join(parts), re.IGNORECASE)


def mark(text: str, pattern: re.Pattern | None) -> SafeString:
    """``text`` escaped, with each match of ``pattern`` in a <mark>."""
    if pattern is None:
        return escape(text)
    out, position = [], 0
    for match in pattern.finditer(text):
        out.append(escape(text[position : match.start()]))
        out.append(f"<mark>{escape(match.group())}</mark>")
        position = match.end()
    out.append(escape(text[position:]))
    return mark_safe("".join(out))  # noqa: S308 (every piece was escaped above)


def page_text(page) -> str:
    """The plain text a result's snippet is cut from: summary, then body."""
    parts = [getattr(page, "summary", "") or ""]
    body = getattr(page, "body", None)
    if body is not None and hasattr(body, "stream_block"):
        parts.append(flatten(body.stream_block.get_searchable_content(body)))
    return " ".join(" ".join(parts).split())


def snippet(text: str, pattern: re.Pattern | None, length: int = SNIPPET_LENGTH) -> SafeString:
    """About ``length`` characters of ``text`` around its first match, marked and escaped."""
    match = pattern.search(text) if pattern else None
    start = max(0, match.start() - length // 3) if match else 0
    end = min(len(text), start + length)
    piece = text[start:end]
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return mark_safe(f"{prefix}{mark(piece, pattern)}{suffix}")  # noqa: S308
