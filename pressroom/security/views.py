"""Sign-out for POST only."""

from wagtail.admin.views.account import LogoutView as WagtailLogoutView


class LogoutView(WagtailLogoutView):
    """Wagtail's sign-out, for POST only.

    Wagtail's view deletes the session cookie in every answer it gives, including the 405 for a
    GET, so a link or an image on another site could sign an editor out of their browser.
    """

    def dispatch(self, request, *args, **kwargs):
        if request.method.lower() not in self.http_method_names:
            return self.http_method_not_allowed(request, *args, **kwargs)
        return super().dispatch(request, *args, **kwargs)
