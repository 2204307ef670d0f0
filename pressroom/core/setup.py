"""Setting up a new site: its languages, its address and the first administrator.

The page tree a new site starts with is ``pressroom.pages.setup``'s.
"""

import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from wagtail.models import Locale, Site

from pressroom.core.usernames import stored_username

ADMIN_USER_ENV = "PRESSROOM_ADMIN_USER"
ADMIN_PASSWORD_ENV = "PRESSROOM_ADMIN_PASSWORD"


def ensure_locales() -> None:
    """One Wagtail locale per configured content language."""
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


def base_url() -> str:
    """PRESSROOM_BASE_URL as the environment says now (settings.PRESSROOM_BASE_URL when unset)."""
    return (os.environ.get("PRESSROOM_BASE_URL") or settings.PRESSROOM_BASE_URL).rstrip("/")


def address_of(url: str) -> tuple[str, int]:
    """The host name and port a Site record needs to build absolute links with ``url``."""
    parts = urlsplit(url)
    default_port = 443 if parts.scheme == "https" else 80
    return parts.hostname or "localhost", parts.port or default_port


def follow_base_url() -> tuple[str, str] | None:
    """Give the default Site the address PRESSROOM_BASE_URL names, when it is set.

    Links in pages, sitemaps and feeds are built from the Site record, links in mails from
    the setting: one address for both, so a site served on another port (`PORT=9000 make
    run`) links to that port everywhere. Without PRESSROOM_BASE_URL the Site is left as it
    is (Settings → Sites). Returns the old and new root URL when it changed.
    """
    if not os.environ.get("PRESSROOM_BASE_URL"):
        return None
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return None
    address = address_of(base_url())
    if (site.hostname, site.port) == address:
        return None
    before = site.root_url
    site.hostname, site.port = address
    site.save(update_fields=["hostname", "port"])
    return before, site.root_url


@dataclass
class AdminAccount:
    username: str
    password: str | None  # None when the account existed already
    created: bool
    source: str = ""  # where the password came from: "environment", "file" or "generated"


def admin_username() -> str:
    return os.environ.get(ADMIN_USER_ENV) or "admin"


def kept_password(password_file: Path) -> str:
    """The password kept in ``password_file``, made (mode 0600) the first time."""
    if password_file.exists() and password_file.read_text().strip():
        return password_file.read_text().strip()
    password = secrets.token_urlsafe(12)
    password_file.parent.mkdir(parents=True, exist_ok=True)
    with os.fdopen(os.open(password_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w") as f:
        f.write(password + "\n")
    return password


def ensure_admin(password_file: Path | None = None) -> AdminAccount:
    """The first superuser: PRESSROOM_ADMIN_USER (or "admin") with PRESSROOM_ADMIN_PASSWORD, or
    else the password kept in ``password_file``, or else a generated one. An existing account
    is left as it is."""
    User = get_user_model()
    username = admin_username()
    existing = stored_username(username)  # `Admin` names the account `admin`
    if existing is not None:
        return AdminAccount(username=existing, password=None, created=False)
    if os.environ.get(ADMIN_PASSWORD_ENV):
        password, source = os.environ[ADMIN_PASSWORD_ENV], "environment"
    elif password_file is not None:
        password, source = kept_password(password_file), "file"
    else:
        password, source = secrets.token_urlsafe(12), "generated"
    User.objects.create_superuser(username=username, email="", password=password)
    return AdminAccount(username=username, password=password, created=True, source=source)


def login_hint(password_file: Path | None = None) -> str:
    """How to sign in, as far as this node can tell: "admin / <password>" when the password
    given (PRESSROOM_ADMIN_PASSWORD, else ``password_file``) is the account's."""
    username = stored_username(admin_username()) or admin_username()
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        return f"no user “{username}” yet: run `pressroom init`"
    password = os.environ.get(ADMIN_PASSWORD_ENV)
    if not password and password_file is not None and password_file.exists():
        password = password_file.read_text().strip()
    if password and user.check_password(password):
        return f"{username} / {password}"
    return (
        f"{username} (with the password set for it; "
        f"`pressroom changepassword {username}` sets a new one)"
    )
