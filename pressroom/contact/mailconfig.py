"""Whether mail reaches anyone, and who the site's mails come from."""

from email.headerregistry import Address

from django.conf import settings

from pressroom.core.models import CompanyInfo

# Backends that take a mail and hand it to nobody: printed, dropped or written to a file.
# `pressroom serve` without EMAIL_URL uses the console one.
NOWHERE = {
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
    "django.core.mail.backends.filebased.EmailBackend",
}


def mail_configured() -> bool:
    """True when the mail backend sends mail to a server (EMAIL_URL is set)."""
    return settings.EMAIL_BACKEND not in NOWHERE


def sender(site=None) -> str:
    """The From header: the company's name with DEFAULT_FROM_EMAIL when the operator set it,
    else with the company's email (Settings → Company info), else with the placeholder."""
    info = CompanyInfo.for_site(site) if site is not None else None
    address = settings.DEFAULT_FROM_EMAIL
    if not settings.PRESSROOM_FROM_EMAIL_SET and info and info.email:
        address = info.email
    # A name with a line break would be a header injection: one line, single spaces.
    name = " ".join(info.name.split()) if info else ""
    if not name:
        return address
    return str(Address(display_name=name, addr_spec=address))
