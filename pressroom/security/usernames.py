"""Signing in and new accounts by the usernames' one normal form (``pressroom.core.usernames``):
the sign-in backend finds the account a typed name means, and no account may be given a name
another one has in that form.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import ValidationError
from django.db.models.signals import pre_save
from django.dispatch import receiver
from django.utils.translation import gettext as _

from pressroom.core.usernames import clashing_username, stored_username


def clash_message(existing: str) -> str:
    return _(
        "The username “%(existing)s” is already taken: names that differ only in upper and "
        "lower case, full-width letters or spaces at either end count as the same."
    ) % {"existing": existing}


class UsernameBackend(ModelBackend):
    """Django's ModelBackend, finding the account by the normal form of the typed username."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        field = get_user_model().USERNAME_FIELD
        username = kwargs.pop(field, username)
        if username is not None:
            username = stored_username(username) or username
        return super().authenticate(request, username=username, password=password, **kwargs)


@receiver(pre_save, sender=get_user_model())
def refuse_clashing_usernames(sender, instance, update_fields=None, **kwargs):
    """No new or renamed account may share its name's normal form with another: the last line
    behind the admin's user forms, for ``createsuperuser``, ``pressroom init`` and the shell."""
    field = sender.USERNAME_FIELD
    if update_fields is not None and field not in update_fields:
        return  # e.g. last_login at every sign-in
    username = getattr(instance, field)
    if instance.pk is not None:
        current = sender.objects.filter(pk=instance.pk).values_list(field, flat=True)
        if current.first() == username:
            return  # not renamed: an older pair that clashes can still change its password
    existing = clashing_username(username, exclude_pk=instance.pk)
    if existing is not None:
        raise ValidationError(clash_message(existing), code="duplicate_username")
