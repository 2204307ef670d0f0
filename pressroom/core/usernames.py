"""Usernames compared in one normal form, for signing in, for throttling and for new accounts.

``admin``, `` admin``, ``ADMIN`` and ``ａｄｍｉｎ`` (full-width, as a Chinese input method in
full-width mode types it) are one name: NFKC, case-folded, trimmed. Invisible characters such
as U+200B are *not* removed: ``admin\u200b`` is another name, which no account can have
(Django's username validator refuses it), so it never signs in as ``admin``.

The rules that apply it (the sign-in backend, no look-alike new accounts, throttling) are
``pressroom.security``'s; ``pressroom init`` finds the first administrator by it.
"""

import unicodedata

from django.contrib.auth import get_user_model

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


def usernames(exclude_pk=None) -> list[str]:
    """Every account's username (but the one with ``exclude_pk``)."""
    User = get_user_model()
    users = User.objects.all()
    if exclude_pk is not None:
        users = users.exclude(pk=exclude_pk)
    return list(users.values_list(User.USERNAME_FIELD, flat=True))


def stored_username(typed: str) -> str | None:
    """The stored username that ``typed`` names, or None (none, or two old accounts that only
    differ in case and were made before this rule: then only the exact name signs in)."""
    key = normal_username(typed)
    matches = [name for name in usernames() if normal_username(name) == key]
    if typed in matches:
        return typed
    return matches[0] if len(matches) == 1 else None


def clashing_username(username: str, exclude_pk=None) -> str | None:
    """Another account's username with the same normal form, if there is one."""
    key = normal_username(username)
    return next((name for name in usernames(exclude_pk) if normal_username(name) == key), None)
