"""Usernames compared in one normal form, for signing in, for throttling and for new accounts.

``admin``, `` admin``, ``ADMIN`` and ``ａｄｍｉｎ`` (full-width, as a Chinese input method in
full-width mode types it) are one name: NFKC, case-folded, trimmed. Invisible characters such
as U+200B are *not* removed: ``admin\u200b`` is another name, which no account can have
(Django's username validator refuses it), so it never signs in as ``admin``.
"""

import unicodedata

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import ValidationError
from django.db.models.signals import pre_save
from django.dispatch import receiver
from django.utils.translation import gettext as _

# A username has at most 150 characters; anything typed beyond twice that is cut before
# normalising, so a megabyte of combining marks costs nothing (HOSTILE F3).
INPUT_LIMIT = 300
# django-axes keeps usernames in a 255-character column.
KEY_LIMIT = 255


def normal_username(value) -> str:
    """The form in which two usernames are the same: NFKC, case-folded, trimmed."""
    text = unicodedata.normalize("NFKC", str(value)[:INPUT_LIMIT])
    # Case folding can undo NFKC (e.g. it decomposes some Greek letters): normalise again.
    return unicodedata.normalize("NFKC", text.casefold()).strip()[:KEY_LIMIT]


def _usernames(exclude_pk=None) -> list[str]:
    User = get_user_model()
    users = User.objects.all()
    if exclude_pk is not None:
        users = users.exclude(pk=exclude_pk)
    return list(users.values_list(User.USERNAME_FIELD, flat=True))


def stored_username(typed: str) -> str | None:
    """The stored username that ``typed`` names, or None (none, or two old accounts that only
    differ in case and were made before this rule: then only the exact name signs in)."""
    key = normal_username(typed)
    matches = [name for name in _usernames() if normal_username(name) == key]
    if typed in matches:
        return typed
    return matches[0] if len(matches) == 1 else None


def clashing_username(username: str, exclude_pk=None) -> str | None:
    """Another account's username with the same normal form, if there is one."""
    key = normal_username(username)
    return next((name for name in _usernames(exclude_pk) if normal_username(name) == key), None)


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
