from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def list_url(context, number: int) -> str:
    """Address of page ``number`` of the news list being shown (same category or tag)."""
    return context["page"].list_url(
        category=context.get("category"), tag=context.get("tag"), number=number
    )


@register.simple_tag
def latest_news(count: int = 5):
    """The newest published articles of the visitor's language (e.g. on the 404 page)."""
    from django.utils.translation import get_language

    from pressroom.news.models import NewsArticlePage

    return list(
        NewsArticlePage.objects.published()
        .filter(locale__language_code=get_language())
        .defer_streamfields()[:count]
    )
