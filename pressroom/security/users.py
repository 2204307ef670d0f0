"""The admin user forms' check that a username may not differ from another only in case, width or
surrounding spaces (the normal form sign-in compares, pressroom/core/usernames.py)."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from pressroom.core.usernames import clashing_username

from .usernames import clash_message


class RefuseLookAlikeUsernames:
    def clean(self):
        cleaned = super().clean()
        field = get_user_model().USERNAME_FIELD
        username = cleaned.get(field)
        if username and field not in self.errors:
            existing = clashing_username(username, exclude_pk=self.instance.pk)
            if existing is not None:
                self.add_error(
                    field, ValidationError(clash_message(existing), code="duplicate_username")
                )
        return cleaned
