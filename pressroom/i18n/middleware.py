"""Locale selection that keeps every public URL one cacheable response."""

from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's locale middleware without ``Vary: Accept-Language``.

    With ``prefix_default_language=False`` the language always comes from the URL: a path
    under ``/en/`` is English, any other is Chinese, whatever the browser prefers (Django's
    own ``process_request`` does exactly that). So the response never varies by
    Accept-Language and saying it does would split every shared cache by browser language.
    Django's other response step (redirecting a 404 to a language prefix) only applies
    when the default language is prefixed, which it is not here.
    """

    def process_response(self, request, response):
        response.headers.setdefault("Content-Language", translation.get_language())
        return response
