"""Search-engine push: the addresses that changed, told to IndexNow and to Baidu.

The owner turns each service on in Settings → 搜索引擎推送; until then nothing is queued.
How a queued address is sent, retried and bounded per day is in ``sending.py``.
"""

import secrets

from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Site


@register_setting(icon="globe")
class PushSettings(BaseSiteSetting):
    indexnow = models.BooleanField(
        _("tell IndexNow"),
        default=False,
        help_text=_(
            "Bing, Yandex, Seznam, Naver and other search engines that share IndexNow learn of"
            " each page published, changed, unpublished or deleted within a minute."
        ),
    )
    indexnow_key = models.CharField(
        _("IndexNow key"),
        max_length=128,
        blank=True,
        validators=[
            RegexValidator(
                r"^[A-Za-z0-9-]{8,128}$",
                _("8 to 128 letters, digits or hyphens."),
            )
        ],
        help_text=_(
            "Made for you when empty. The site shows it at /<key>.txt, which is how IndexNow"
            " checks that the site is yours."
        ),
    )
    baidu_token = models.CharField(
        _("Baidu push token"),
        max_length=64,
        blank=True,
        validators=[RegexValidator(r"^[A-Za-z0-9]{8,64}$", _("Letters and digits only."))],
        help_text=_(
            "The token of “普通收录 → API提交” in Baidu's search resource platform"
            " (ziyuan.baidu.com). Empty: Baidu is not told."
        ),
    )
    baidu_site = models.URLField(
        _("site address at Baidu"),
        blank=True,
        help_text=_(
            "The address the site is registered under at Baidu, e.g. https://www.example.com."
            " Empty: the site's own address."
        ),
    )

    class Meta:
        verbose_name = _("search engine push")

    def save(self, *args, **kwargs):
        if self.indexnow and not self.indexnow_key:
            self.indexnow_key = secrets.token_hex(16)
        super().save(*args, **kwargs)

    def engines(self) -> list[str]:
        return [
            engine
            for engine, on in (("indexnow", self.indexnow), ("baidu", bool(self.baidu_token)))
            if on
        ]


class PushedUrl(models.Model):
    """One address to tell one search engine, and what became of it."""

    ENGINES = [("indexnow", "IndexNow"), ("baidu", _("Baidu"))]
    REASONS = [
        ("published", _("published")),
        ("unpublished", _("unpublished or deleted")),
    ]
    WAITING, SENT, FAILED = "waiting", "sent", "failed"
    STATES = [(WAITING, _("waiting")), (SENT, _("sent")), (FAILED, _("failed"))]

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="+")
    engine = models.CharField(_("search engine"), max_length=20, choices=ENGINES)
    url = models.URLField(_("web address"), max_length=2000)
    reason = models.CharField(_("reason"), max_length=20, choices=REASONS)
    state = models.CharField(_("state"), max_length=10, choices=STATES, default=WAITING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    created_at = models.DateTimeField(_("queued at"), default=timezone.now)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    answer = models.CharField(_("answer"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("pushed address")
        verbose_name_plural = _("pushed addresses")
        indexes = [models.Index(fields=["state", "next_attempt_at"])]

    def __str__(self):
        return f"{self.engine} {self.url} ({self.state})"
