from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def list_url(context, number: int) -> str:
    """Address of page ``number`` of the news list being shown (same category or tag)."""
    return context["page"].list_url(
        category=context.get("category"), tag=context.get("tag"), number=number
    )
