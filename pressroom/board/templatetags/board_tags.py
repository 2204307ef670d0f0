"""The board's structured data: an FAQPage of the questions shown (docs/board.md says why
FAQPage and not QAPage)."""

import json

from django import template
from django.utils.safestring import mark_safe

register = template.Library()

# Inside <script>, "</script>" or "<!--" in a visitor's text would end the block early.
SCRIPT_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def faq_page(page, questions, url: str) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "url": url,
        "name": page.title,
        "inLanguage": page.locale.language_code if page.locale_id else None,
        "mainEntity": [
            {
                "@type": "Question",
                "name": " ".join(question.text.split())[:300],
                "text": question.text,
                "dateCreated": question.created.isoformat(),
                "acceptedAnswer": {"@type": "Answer", "text": question.reply},
            }
            for question in questions
        ],
    }


@register.simple_tag(takes_context=True)
def board_json_ld(context):
    """The FAQPage block for the questions on this page of the board ("" when none)."""
    page, page_obj = context.get("page"), context.get("page_obj")
    if page is None or page_obj is None or not page_obj.object_list:
        return ""
    request = context.get("request")
    url = page.get_full_url(request) or ""
    if page_obj.number > 1:
        url += f"page/{page_obj.number}/"
    data = {k: v for k, v in faq_page(page, page_obj.object_list, url).items() if v}
    text = json.dumps(data, ensure_ascii=False, sort_keys=True).translate(SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308
