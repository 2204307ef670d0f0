"""Which language an imported text is in, for ``--language auto``: Chinese or English, by
the share of Chinese characters among the letters (a simple rule, right for the news of a
Chinese company's site, where the English items carry at most a name in Chinese and the
Chinese ones a few Latin brand names and model numbers)."""

import re

from pressroom.importers.cleaning import plain_text

CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef]")
LATIN = re.compile(r"[A-Za-z]")
CHINESE_SHARE = 0.2  # of the letters: a Chinese character weighs about five Latin letters


def detect_language(text: str) -> str | None:
    """``"zh-hans"``, ``"en"``, or None when the text has no letters to tell by."""
    chinese, latin = len(CJK.findall(text)), len(LATIN.findall(text))
    if chinese + latin == 0:
        return None
    return "zh-hans" if chinese / (chinese + latin) >= CHINESE_SHARE else "en"


def item_text(title: str, fields: dict) -> str:
    """An item's title, summary and the text of its body blocks, as plain text."""
    parts = [title, str(fields.get("summary") or "")]
    for block in fields.get("body") or []:
        value = block.get("value") if isinstance(block, dict) else None
        if isinstance(value, str):
            parts.append(plain_text(value))
    return " ".join(parts)
