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


def page_pieces(page) -> list[str]:
    """The plain texts a result's snippet is cut from, each on its own: the summary, then each
    heading, paragraph, caption ... of the body (never run together into one text)."""
    pieces = [getattr(page, "summary", "") or ""]
    body = getattr(page, "body", None)
    if body is not None and hasattr(body, "stream_block"):
        for block in body:
            pieces.append(flatten(block.block.get_searchable_content(block.value)))
    return [text for text in (" ".join(piece.split()) for piece in pieces) if text]


# Where a sentence ends, in Chinese or English.
SENTENCE_END = re.compile(r"[。！？；!?;]|\.(?=\s)")


def _start(text: str, at: int, reach: int) -> int:
    """Where a snippet showing ``text[at:]`` begins: the start of the sentence that holds it
    when that is at most ``reach`` characters back, else the start of a word (in Latin text)
    at most ``reach`` back; CJK text may begin at any character."""
    if at <= 0:
        return 0
    ends = [m.end() for m in SENTENCE_END.finditer(text, 0, at)]
    sentence = ends[-1] if ends else 0
    if at - sentence <= reach:
        return sentence + len(text[sentence:at]) - len(text[sentence:at].lstrip())
    begin = at - reach
    if is_cjk(text[begin]):
        return begin
    space = text.find(" ", begin, at)
    return space + 1 if space != -1 else at


def _end(text: str, start: int, length: int) -> int:
    """Where a snippet from ``start`` ends: within ``length`` characters, at the end of a
    sentence or else of a word (CJK text may end at any character)."""
    end = start + length
    if end >= len(text):
        return len(text)
    ends = [m.end() for m in SENTENCE_END.finditer(text, start + length // 2, end)]
    if ends:
        return ends[-1]
    if is_cjk(text[end - 1]) or is_cjk(text[end]):
        return end
    space = text.rfind(" ", start, end)
    return space if space > start else end


def snippet_of(pieces: list[str], pattern: re.Pattern | None, length: int = SNIPPET_LENGTH):
    """About ``length`` characters of the first piece the query matches (else of the first
    piece), starting at a sentence or word, marked and escaped."""
    for text in pieces:
        match = pattern.search(text) if pattern else None
        if match:
            return snippet(text, pattern, length, at=match.start())
    return snippet(pieces[0], pattern, length) if pieces else mark_safe("")  # noqa: S308


def snippet(
    text: str, pattern: re.Pattern | None, length: int = SNIPPET_LENGTH, at: int | None = None
) -> SafeString:
    """About ``length`` characters of ``text`` from the sentence (or word) holding position
    ``at`` (the first match of ``pattern`` unless given), marked and escaped."""
    if at is None:
        match = pattern.search(text) if pattern else None
        at = match.start() if match else 0
    start = _start(text, at, reach=length // 3)
    end = _end(text, start, length)
    piece = text[start:end].strip()
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return mark_safe(f"{prefix}{mark(piece, pattern)}{suffix}")  # noqa: S308
