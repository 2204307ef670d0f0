"""The admin sign-in form, bounded: a megabyte typed as a username is refused before NFKC."""

from django.contrib.auth.forms import UsernameField
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


class BoundedUsernameField(UsernameField):
    """Django normalises the username (NFKC) before checking its length: on a megabyte of
    combining marks that alone is slow (docs/security.md). Anything longer than a username can be
    is refused first, with the usual length message."""

    def to_python(self, value):
        if isinstance(value, str) and self.max_length and len(value) > 2 * self.max_length:
            raise ValidationError(
                self.error_messages.get("max_length", "Too long."),
                code="max_length",
                params={"limit_value": self.max_length, "show_value": len(value)},
            )
        return super().to_python(value)


class LoginForm(WagtailLoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].__class__ = BoundedUsernameField
        # Wagtail's password field has no label: Django would show its name, in English.
        self.fields["password"].label = _("Password")
