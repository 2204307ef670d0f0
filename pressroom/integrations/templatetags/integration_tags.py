"""The scripts of the analytics and chat services a site has turned on."""

from django import template
from django.templatetags.static import static
from django.utils.html import format_html_join

from pressroom.integrations.turned_on import services_for

register = template.Library()


@register.simple_tag(takes_context=True)
def integration_scripts(context):
    """One ``<script src=…/integrations.js data-service=… data-id=… defer>`` per service turned
    on: the static loader reads the (validated, escaped) ID from its data attribute and adds
    the vendor's script. No inline script."""
    request = context.get("request")
    if request is None:
        return ""
    return format_html_join(
        "\n",
        '<script src="{}" data-service="{}" data-id="{}" defer></script>',
        (
            (static("js/integrations.js"), service.key, value)
            for service, value in services_for(request)
        ),
    )
