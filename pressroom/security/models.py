"""What the sign-in throttle keeps beside django-axes's own tables."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LoginDelay(models.Model):
    """When one address may next try an account that strangers have been guessing at.

    Made at the address's first attempt while the account is under attack; the attempt made
    once ``ready_at`` has passed goes ahead and uses it up. Retrying sooner does not move it.
    """

    username = models.CharField(_("username (normal form)"), max_length=255)
    ip_address = models.GenericIPAddressField(_("address"))
    ready_at = models.DateTimeField(_("may try from"), db_index=True)

    class Meta:
        verbose_name = _("sign-in delay")
        verbose_name_plural = _("sign-in delays")
        constraints = [
            models.UniqueConstraint(fields=["username", "ip_address"], name="one_delay_per_address")
        ]

    def __str__(self):
        return f"{self.username} from {self.ip_address}"


class RateWindow(models.Model):
    """How many requests one key (an address, a mailbox; kept as a keyed hash) has made in a
    fixed window that starts with its first request: later requests do not move the start."""

    key = models.CharField(_("key"), max_length=80, unique=True)
    started = models.DateTimeField(_("window started"), db_index=True)
    count = models.PositiveIntegerField(_("requests"), default=0)

    class Meta:
        verbose_name = _("request count")
        verbose_name_plural = _("request counts")

    def __str__(self):
        return f"{self.key}: {self.count} since {self.started:%Y-%m-%d %H:%M}"
