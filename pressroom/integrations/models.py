"""The owner's choice of analytics and chat services, by ID only, and of a live map on the
contact page (site settings)."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from pressroom.integrations.map_providers import BY_KEY as MAP_BY_KEY
from pressroom.integrations.map_providers import PROVIDERS as MAP_PROVIDERS
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


@register_setting(icon="site")
class MapSettings(BaseSiteSetting):
    """A live map on the contact page (Baidu Maps or AMap, with the owner's own key). Off by
    default: the page then shows the map picture and links only, and loads nothing else."""

    provider = models.CharField(
        _("live map"),
        max_length=16,
        blank=True,
        choices=[("", _("Off: the map picture and links only"))]
        + [(provider.key, provider.name) for provider in MAP_PROVIDERS],
    )
    api_key = models.CharField(
        _("map key"),
        max_length=64,
        blank=True,
        help_text=_(
            "From the map vendor's console. Restrict it there to this site's domain, since"
            " every visitor's browser sees it."
        ),
    )
    security_code = models.CharField(
        _("AMap security code"),
        max_length=64,
        blank=True,
        help_text=_("AMap only: the 安全密钥 shown beside the key (32 characters)."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_(
            "Where the marker goes, in the map vendor's own coordinates (its coordinate picker"
            " gives them). Empty: the map looks up the company's address."
        ),
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    zoom = models.PositiveSmallIntegerField(
        _("zoom"),
        default=16,
        validators=[MinValueValidator(3), MaxValueValidator(19)],
        help_text=_("3 shows the whole country, 19 a single building."),
    )

    panels = [
        HelpPanel(
            content=_(
                "While a live map is on, the contact page loads the map vendor's script, and"
                " the privacy page says what the vendor receives. Every other page stays as it"
                " is."
            )
        ),
        FieldPanel("provider"),
        MultiFieldPanel([FieldPanel("api_key"), FieldPanel("security_code")], heading=_("Map key")),
        MultiFieldPanel(
            [FieldPanel("longitude"), FieldPanel("latitude"), FieldPanel("zoom")],
            heading=_("Marker"),
        ),
    ]

    class Meta:
        verbose_name = _("live map")
        verbose_name_plural = _("live maps")

    def __str__(self) -> str:
        return str(self._meta.verbose_name)

    def clean(self):
        super().clean()
        self.api_key = (self.api_key or "").strip()
        self.security_code = (self.security_code or "").strip()
        errors = {}
        provider = MAP_BY_KEY.get(self.provider)
        if provider is not None:
            if not self.api_key:
                errors["api_key"] = _("A live map needs the vendor's key.")
            elif not provider.accepts(self.api_key):
                errors["api_key"] = _("This is not a %(vendor)s key. %(help)s") % {
                    "vendor": provider.name,
                    "help": provider.key_help,
                }
            if provider.key == "amap" and not re.fullmatch(r"[0-9a-f]{32}", self.security_code):
                errors["security_code"] = _(
                    "AMap's maps load only with the 32-character security code shown beside"
                    " the key."
                )
        if (self.longitude is None) != (self.latitude is None):
            errors["latitude" if self.latitude is None else "longitude"] = _(
                "Give both longitude and latitude, or neither."
            )
        if errors:
            raise ValidationError(errors)

    def live_map_values(self) -> tuple | None:
        """(provider, key, security code, longitude, latitude, zoom) while the map is on and
        its key well-formed; a value that got into the database some other way is ignored."""
        provider = MAP_BY_KEY.get(self.provider)
        if provider is None or not provider.accepts(self.api_key or ""):
            return None
        code = self.security_code if provider.key == "amap" else ""
        if provider.key == "amap" and not re.fullmatch(r"[0-9a-f]{32}", code or ""):
            return None
        located = self.longitude is not None and self.latitude is not None
        return (
            provider.key,
            self.api_key,
            code,
            str(self.longitude) if located else "",
            str(self.latitude) if located else "",
            min(max(self.zoom or 16, 3), 19),
        )
