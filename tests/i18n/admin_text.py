"""What a Chinese editor reads in the admin, and which of it is English.

``visible_text`` takes the words a page shows or speaks: text nodes (also inside ``<template>``,
which scripts show later), and the attributes people see or hear (title, placeholder,
aria-label, alt, tooltips, the label a button takes while it works, submit buttons' values),
and the labels of the sidebar menu (JSON for the sidebar's script). ``english_words`` finds
the Latin words in that text once the site's own content (page titles, file names, user
names, addresses) is taken out, and keeps those not in ``ALLOWED``.
"""

import json
import re
from collections.abc import Iterable

from bs4 import BeautifulSoup, NavigableString, TemplateString

# Names and abbreviations a Chinese interface writes in Latin letters.
_ALLOWED_WORDS = (
    # products and services
    "Wagtail Pressroom Draftail Gravatar YouTube Bilibili Microsoft Google Authenticator "
    "FreeOTP Excel Windows Markdown JavaScript WordPress PbootCMS DedeCMS SQLite WXR "
    # abbreviations and file formats
    "SEO URL URLs CSV TSV PDF XLSX RSS Atom ICP HTML ID IP JPEG JPG PNG GIF WebP WEBP AVIF "
    "SVG HEIC MP4 QR API CDN UTC DOCX ODT PPTX RTF TXT ZIP KB MB GB px robots txt sitemap xml "
    "hreflang slug ISO CN DOC "
    # keys named in the keyboard-shortcut help
    "Ctrl Cmd Alt Shift Option Enter Esc Tab"
)
ALLOWED = frozenset(_ALLOWED_WORDS.split(" "))

# Visible or spoken attributes; data-w-* values are what Wagtail's controllers show.
TEXT_ATTRIBUTES = [
    "title",
    "placeholder",
    "aria-label",
    "aria-description",
    "alt",
    "data-w-tooltip-content-value",
    "data-w-progress-active-value",
    "data-w-swap-loading-text-value",
]
# What no reader takes for interface language: scripts, styles, what was typed, and machine text
# set as code (the two-factor key, a random base32 string that reads like words).
SKIPPED_TAGS = {"script", "style", "textarea", "code"}
# A frame shows its address, not what is written between its tags (lxml reads that as text, as
# browsers do); its title is still read.
HIDDEN_CONTENT = SKIPPED_TAGS | {"iframe"}
# The account's choice of admin language.
LANGUAGE_PICKER = {"name": "locale-preferred_language"}
WORD = re.compile(r"[A-Za-z][A-Za-z'’]*[A-Za-z]|[A-Za-z]")
# Addresses, paths, file names and e-mail addresses are content, not interface words; so are
# placeholders, sizes (1200x750), versions (v8.0.1), key combinations and a two-factor key.
NOT_WORDS = re.compile(
    "|".join(
        [
            r"https?://\S+",
            r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+",
            r"(?:/[\w.~%-]+)+/?",
            r"(?i:[\w-]+\.(?:jpe?g|png|gif|webp|avif|pdf|csv|docx?|xlsx|txt|zip|svg))\b",
            r"%\([a-z_]+\)[sd]|\{[a-z_]+\}|__[A-Z_]+__",
            r"\b\d+x\d+\b",
            r"\bv\d+(?:\.\d+)*\b",
            r"\b(?:Ctrl|Cmd|Alt|Shift|Option)(?: \+ \w+)+",
            r"\b(?:[A-Z2-7]{4} ){3,}[A-Z2-7]{1,4}\b",
            # Product model numbers (QH-50, QM-P500) and units of measure (m³/h, kW, MPa):
            # what a product is called and measured in, in every language.
            r"\b[A-Z]{1,3}-[A-Z0-9]*",
            r"(?<![\w/])(?:m³/h|m|kW|mm|MPa|L/h|r/min|V)(?![\w/])",
        ]
    )
)


def sidebar(soup) -> tuple[list[str], list[str]]:
    """The labels and addresses of the sidebar's menu (Wagtail draws it from this JSON)."""
    labels, urls = [], []
    node = soup.find("script", id="wagtail-sidebar-props")

    def walk(value):
        if isinstance(value, dict):
            for key, item in value.items():
                if key in {"label", "help_text", "footer_text"} and isinstance(item, str):
                    labels.append(item)
                elif key == "url" and isinstance(item, str):
                    urls.append(item)
                else:
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    if node is not None and node.string:
        walk(json.loads(node.string))
    return labels, urls


def parse(html: str) -> BeautifulSoup:
    """An admin page's tree, read by lxml: the same texts and links as Python's html.parser
    on every page the admin walk opens, and the four roles' walks 96 s instead of 117."""
    return BeautifulSoup(html, "lxml")


def visible_text(html: str | BeautifulSoup) -> list[str]:
    """Every piece of interface text of an admin page (its HTML, or its tree from ``parse``)."""
    soup = html if isinstance(html, BeautifulSoup) else parse(html)
    texts = sidebar(soup)[0]
    for tag in soup.find_all(True):
        if tag.name in SKIPPED_TAGS:
            continue
        for attribute in TEXT_ATTRIBUTES:
            value = tag.get(attribute)
            if isinstance(value, str):
                texts.append(value)
        if tag.name == "input" and tag.get("type") in {"submit", "button"} and tag.get("value"):
            texts.append(tag["value"])
    for node in soup.find_all(string=True):
        if type(node) not in (NavigableString, TemplateString):  # comments, the doctype
            continue
        if node.find_parent("select", attrs=LANGUAGE_PICKER):
            continue  # each language is named in itself, so anyone finds their own
        if any(parent.name in HIDDEN_CONTENT for parent in node.parents):
            continue
        if node.strip():
            texts.append(node.strip())
    return texts


# English that Wagtail 8.0.1 writes with no message to translate (a literal in a template, a
# label made from an attribute name, a model without a verbose name), and why: each pattern
# matches one whole text as shown; anything else in English fails.
WAGTAIL_LITERALS = {
    "Search": "the dashboard's search button (screen readers only), value written in home.html",
    "Actions": "aria-label of the page header's buttons, written in shared/headers/_actions.html",
    "None": "the side panel's hidden issue counter before Wagtail's script fills in the number",
    "True": "a yes/no cell's screen-reader text: Python's True, from tables/boolean_cell.html",
    "False": "a yes/no cell's screen-reader text: Python's False, from tables/boolean_cell.html",
    "Port": "Settings → Sites: column labels made from the attribute names",
    "Site name": "Settings → Sites: column labels made from the attribute names",
    "Root page": "Settings → Sites: column labels made from the attribute names",
    "按“Port”[升降]序排列。": "Settings → Sites: the sort link of the Port column",
    "Locale": "the group permission table names Wagtail's Locale model, which has no verbose name",
    "Locales": "Settings → Locales: named after the same model",
    r"\d+ locales": "Settings → Locales: the count, named after the same model",
    "Page": "the group form's page permission rows: the page field has no label (screen readers)",
    "Role": 'Users → bulk "assign role": the form\'s role field has no label',
    "Simple translation": "the group permission table: simple_translation's model, no verbose name",
}


def english_words(
    texts: Iterable[str], content: Iterable[str], content_words: Iterable[str] = ()
) -> set[str]:
    """The English words in ``texts`` once ``content`` strings are taken out, and the Latin
    ``content_words`` of Chinese content (product codes, units) wherever they show."""
    content = sorted({c for c in content if c and len(c) > 1}, key=len, reverse=True)
    found = set()
    for text in texts:
        if any(re.fullmatch(pattern, text) for pattern in WAGTAIL_LITERALS):
            continue
        for piece in content:
            if piece in text:
                text = text.replace(piece, " ")
        text = NOT_WORDS.sub(" ", text)
        found.update(word for word in WORD.findall(text) if word not in ALLOWED)
    return found - set(content_words)
