"""The admin's user forms: a username may not differ from another only in case, width or
surrounding spaces (the normal form sign-in compares, pressroom/security/usernames.py)."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from wagtail.users import forms as wagtail_forms
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from .usernames import clash_message, clashing_username


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


class UserCreationForm(RefuseLookAlikeUsernames, wagtail_forms.UserCreationForm):
    pass


class UserEditForm(RefuseLookAlikeUsernames, wagtail_forms.UserEditForm):
    pass


class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update=False):
        return UserEditForm if for_update else UserCreationForm
