"""The owner's choice of analytics and chat services, by ID only (a site setting)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from pressroom.integrations.services import ANALYTICS, BY_KEY, CHAT, SERVICES, Service


@deconstructible
class ServiceIdValidator:
    """Accepts only the exact form of a known service's ID (no markup, quotes or spaces)."""

    def __init__(self, key: str):
        self.key = key

    def __call__(self, value: str) -> None:
        service = BY_KEY[self.key]
        if not service.accepts(value):
            raise ValidationError(
                _("This is not a %(service)s ID. It looks like: %(example)s"),
                code="invalid",
                params={"service": service.name, "example": service.id_example},
            )

    def __eq__(self, other) -> bool:
        return isinstance(other, ServiceIdValidator) and other.key == self.key


def id_field(service: Service) -> models.CharField:
    """A service's ID: empty (off) or the exact form the vendor's console gives."""
    return models.CharField(
        service.name,
        max_length=64,
        blank=True,
        validators=[ServiceIdValidator(service.key)],
        help_text=service.id_help,
    )


@register_setting(icon="code")
class IntegrationSettings(BaseSiteSetting):
    """Which of the known analytics and chat services a site loads. All off (empty) by default:
    a service's script is loaded, and the CSP of public pages widened by exactly its hosts, only
    while its ID is filled in."""

    baidu_tongji = id_field(BY_KEY["baidu_tongji"])
    la51 = id_field(BY_KEY["la51"])
    ga4 = id_field(BY_KEY["ga4"])
    kf53 = id_field(BY_KEY["kf53"])
    aifanfan = id_field(BY_KEY["aifanfan"])

    panels = [
        HelpPanel(
            content=_(
                "Each service is off while its ID is empty. Turning one on loads its script on"
                " every public page and lists it on the privacy page with what it sends where."
                " Only these services can be added: there is no box for other code."
            )
        ),
        MultiFieldPanel(
            [FieldPanel(s.key) for s in SERVICES if s.kind == ANALYTICS],
            heading=_("Visitor statistics"),
        ),
        MultiFieldPanel(
            [FieldPanel(s.key) for s in SERVICES if s.kind == CHAT],
            heading=_("Online chat (one at most)"),
        ),
    ]

    class Meta:
        verbose_name = _("analytics and chat")
        verbose_name_plural = _("analytics and chat")

    def __str__(self) -> str:
        return str(self._meta.verbose_name)

    def clean(self):
        super().clean()
        for service in SERVICES:
            setattr(self, service.key, (getattr(self, service.key) or "").strip())
        chats = [s for s in SERVICES if s.kind == CHAT and getattr(self, s.key)]
        if len(chats) > 1:
            raise ValidationError(
                {s.key: _("Turn on one chat service at most.") for s in chats[1:]}
            )

    def enabled(self) -> list[tuple[Service, str]]:
        """(service, ID) of every service turned on whose ID is well-formed: an ID that got
        into the database some other way than the form is ignored, never rendered."""
        pairs = []
        for service in SERVICES:
            value = getattr(self, service.key) or ""
            if value and service.accepts(value):
                pairs.append((service, value))
        return pairs
