"""The contact page (联系我们) with its message form, and the messages visitors leave on it."""

import hashlib
import json
import re
import uuid
from datetime import timedelta
from urllib.parse import quote, urlencode

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.fields.json import KT
from django.db.models.functions import Replace
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control, patch_vary_headers
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.forms import WagtailAdminFormPageForm
from wagtail.contrib.forms.models import (
    AbstractFormField,
    AbstractFormSubmission,
    EmailFormMixin,
    FormMixin,
)
from wagtail.contrib.forms.utils import get_field_clean_name
from wagtail.fields import RichTextField
from wagtail.models import Page

from pressroom.core.models import BasePage
from pressroom.core.page_forms import ReadableSlugMixin
from pressroom.integrations.maps import REQUEST_MARK as LIVE_MAP_MARK
from pressroom.integrations.maps import live_map_for
from pressroom.search.fields import with_word_splitting

# The machine names the form logic knows: phone or email is required, the name and email
# end up in the notification, every other field is kept and mailed as it is.
KNOWN_FIELDS = ("name", "phone", "email", "company", "message")
RESERVED_NAMES = {"pr_hp", "pr_ts", "csrfmiddlewaretoken"}
NOTE_MAX_LENGTH = 5000

clean_name_validator = RegexValidator(
    r"^[a-z][a-z0-9_]{0,49}$",
    _("Use lower-case letters, digits and underscores, starting with a letter."),
)


class ContactFormField(AbstractFormField):
    """One field of the message form; its machine name keys the stored answers."""

    page = ParentalKey("ContactPage", on_delete=models.CASCADE, related_name="form_fields")
    clean_name = models.CharField(
        verbose_name=_("name"),
        max_length=255,
        blank=True,
        default="",
        help_text=_(
            "Machine name that keys the stored answers; name, phone, email, company and "
            "message are understood by the site. Do not change it once messages have come in."
        ),
    )

    panels = [
        FieldRowPanel([FieldPanel("label"), FieldPanel("clean_name")]),
        *AbstractFormField.panels[1:],
    ]

    def get_field_clean_name(self):
        # Chinese labels would become names like "u59d3u540d": the editor's stable name wins.
        return self.clean_name or get_field_clean_name(self.label)

    def clean(self):
        super().clean()
        if self.clean_name:
            clean_name_validator(self.clean_name)
            if self.clean_name in RESERVED_NAMES:
                raise ValidationError({"clean_name": _("This name is reserved.")})


class ContactPageForm(ReadableSlugMixin, WagtailAdminFormPageForm):
    """Wagtail's form-page form, with a readable address like every page (``core.page_forms``)."""


class ContactPage(EmailFormMixin, FormMixin, BasePage):
    """The company's details and a message form whose messages are stored, then mailed."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    form_heading = models.CharField(
        _("form heading"), max_length=120, blank=True, help_text=_("Empty: “Leave a message”.")
    )
    privacy_note = RichTextField(
        _("privacy note"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Shown under the form: what is kept, for how long and why."),
    )
    thank_you_text = RichTextField(
        _("thank-you text"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Shown after a message is sent."),
    )

    map_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("map picture"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "A picture of a map showing where you are (a drawing or a map app's screenshot)."
            " The page links the address to Baidu Maps, AMap, Apple and Google Maps either way."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("map_image"),
        FieldPanel("form_heading"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("privacy_note"),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [FieldPanel("to_address"), FieldPanel("subject")],
            heading=_("Notification email"),
        ),
    ]
    # Chinese titles found by any word in the admin's search (docs/search.md).
    search_fields = with_word_splitting(Page.search_fields)
    parent_page_types = ["pages.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    base_form_class = ContactPageForm
    template = "contact/contact_page.html"
    landing_page_template = "contact/contact_page_landing.html"

    class Meta:
        verbose_name = _("contact page")
        verbose_name_plural = _("contact pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        live_map = live_map_for(request)
        if live_map is not None:
            # The CSP of this response, and of no other, allows the map vendor's hosts.
            setattr(request, LIVE_MAP_MARK, live_map)
        context["live_map"] = live_map
        return context

    def get_submission_class(self):
        return ContactMessage

    def get_form_class(self):
        from pressroom.contact.forms import ContactFormBuilder

        return ContactFormBuilder(self.get_form_fields()).get_form_class()

    def get_submissions_list_view_class(self):
        # One inbox: Wagtail's per-page submissions listing sends the reader to 留言.
        from pressroom.contact.submissions import SubmissionsToInboxView

        return SubmissionsToInboxView

    def process_form_submission(self, form, held=False):
        """Store the message; mailing it is the background task's job, never the request's.

        A held message (the site is over its limit) is left to the sweep's summary mail.
        """
        if held:
            delivery, due = ContactMessage.Delivery.HELD, timezone.now()
        else:
            # The task gets the first go; the sweep steps in only if it has not run in a minute.
            delivery, due = ContactMessage.Delivery.PENDING, timezone.now() + timedelta(seconds=60)
        data = form.submission_data()
        return ContactMessage.objects.create(
            form_data=data,
            product=form.quoted_title(),
            page=self,
            delivery=delivery,
            next_attempt_at=due,
            fingerprint=fingerprint(data),
        )

    def has_recent_duplicate(self, data: dict) -> bool:
        """True when the same message was sent to this page in the last ten minutes.

        An ``exists()`` query: no ordering, no row read back, no message built from it."""
        since = timezone.now() - timedelta(minutes=10)
        return ContactMessage.objects.filter(
            page=self, fingerprint=fingerprint(data), submit_time__gte=since
        ).exists()

    def render_landing_page(self, request, form_submission=None, *args, **kwargs):
        from pressroom.contact.views import thank_you

        return thank_you(self, request, form_submission)

    def serve(self, request, *args, **kwargs):
        from pressroom.contact.views import serve_contact_page

        response = serve_contact_page(self, request, *args, **kwargs)
        # The form carries a CSRF token and a signed time stamp: never share it in a cache.
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
        patch_vary_headers(response, ["Cookie"])
        return response

    def recipients(self) -> list[str]:
        """Where notifications go: the page's own addresses, else the company's email."""
        if self.to_address:
            return [a.strip() for a in self.to_address.split(",") if a.strip()]
        from pressroom.core.models import CompanyInfo

        site = self.get_site()
        info = CompanyInfo.for_site(site) if site else None
        return [info.email] if info and info.email else []


class ContactMessageQuerySet(models.QuerySet):
    def unread(self):
        """Messages nobody has opened in the admin yet (spam aside)."""
        return self.filter(read_at__isnull=True, is_spam=False)

    def unhandled(self):
        return self.filter(handled=False, is_spam=False)

    def search(self, text: str):
        """Messages whose name, company, phone, email, text or note contain ``text``.

        Each answer is matched on its own (as text, so Chinese matches on every database);
        a phone number matches whatever spaces or dashes either side wrote it with.
        """
        text = text.strip()
        if not text:
            return self
        query = models.Q(note__icontains=text)
        for key in SEARCHED_ANSWERS:
            query |= models.Q(**{f"form_data__{key}__icontains": text})
        messages = self
        digits = re.sub(r"[\s\-()]", "", text)
        if len(digits) >= 3 and re.fullmatch(r"\+?\d+", digits):
            phone = KT("form_data__phone")
            for separator in (" ", "-", "(", ")"):
                phone = Replace(
                    phone,
                    models.Value(separator),
                    models.Value(""),
                    output_field=models.TextField(),
                )
            messages = messages.alias(bare_phone=phone)
            query |= models.Q(bare_phone__contains=digits)
        return messages.filter(query)


# The answers the inbox search looks in (form_data keys; see KNOWN_FIELDS).
SEARCHED_ANSWERS = ("name", "company", "phone", "email", "message")


# Attached files live under documents/, the media folder no public address serves (not
# /media/, not nginx, not the S3 bucket policy, not the static export: docs/security.md).
ATTACHMENT_FOLDER = "documents/attachments"


def attachment_path(instance, filename: str) -> str:
    """A new name for a visitor's file that says nothing of what they called it."""
    extension = filename.rpartition(".")[2].lower() if "." in filename else ""
    suffix = f".{extension}" if re.fullmatch(r"[a-z0-9]{1,5}", extension) else ""
    return f"{ATTACHMENT_FOLDER}/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{suffix}"


class ContactMessage(AbstractFormSubmission):
    """A visitor's message: stored before anything else happens, then mailed with retries."""

    # Wagtail's reference index ("usage" of a page) would otherwise record every message as a
    # use of its contact page: a second write transaction on each post, and a usage count
    # nobody reads (the inbox lists a page's messages). Wagtail's documented opt-out.
    wagtail_reference_index_ignore = True

    class Delivery(models.TextChoices):
        PENDING = "pending", _("waiting to be sent")
        SENDING = "sending", _("sending")
        RETRY = "retry", _("failed, will retry")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed, gave up")
        # Came in while the site was over its limit: kept, and named in a summary mail.
        HELD = "held", _("held for review")
        # No mail server is configured (EMAIL_URL unset): kept, read in the admin only.
        OFF = "off", _("mail not configured")
        # Brought in from an old site by an import (``pressroom import``): never mailed.
        IMPORTED = "imported", _("imported, not mailed")

    delivery = models.CharField(
        _("delivery"), max_length=10, choices=Delivery.choices, default=Delivery.PENDING
    )
    attempts = models.PositiveIntegerField(_("delivery attempts"), default=0)
    next_attempt_at = models.DateTimeField(
        _("next attempt"), null=True, blank=True, default=timezone.now
    )
    last_error = models.CharField(_("last delivery error"), max_length=500, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    handled = models.BooleanField(_("handled"), default=False)
    is_spam = models.BooleanField(_("spam"), default=False)
    # When someone first opened it in the admin: the inbox shows unopened messages in bold.
    read_at = models.DateTimeField(_("first opened"), null=True, blank=True)
    note = models.TextField(
        _("note"), blank=True, max_length=NOTE_MAX_LENGTH, help_text=_("For the sales team only.")
    )
    # The product a quote request (在线询价) was sent from: its title when the visitor sent it.
    product = models.CharField(_("product"), max_length=255, blank=True)
    # A file the visitor sent with the message (a job application's CV), kept where no public
    # address reaches it (docs/contact.md): only staff download it, through the inbox.
    attachment = models.FileField(
        _("attached file"), upload_to=attachment_path, blank=True, max_length=200
    )
    attachment_name = models.CharField(_("attached file's name"), max_length=150, blank=True)
    # A hash of the answers, so that a double click stores and mails the message once.
    fingerprint = models.CharField(max_length=64, blank=True, db_index=True, editable=False)

    objects = ContactMessageQuerySet.as_manager()

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["-submit_time"]
        indexes = [
            models.Index(fields=["delivery", "next_attempt_at"], name="contact_msg_due"),
            models.Index(fields=["submit_time"], name="contact_msg_time"),
        ]

    def __str__(self) -> str:
        return self.name or self.email or self.phone or f"#{self.pk}"

    def _value(self, key: str) -> str:
        return str(self.form_data.get(key) or "")

    @property
    def name(self) -> str:
        return self._value("name")

    @property
    def email(self) -> str:
        return self._value("email")

    @property
    def phone(self) -> str:
        return self._value("phone")

    @property
    def company(self) -> str:
        return self._value("company")

    @property
    def message(self) -> str:
        return self._value("message")

    @property
    def excerpt(self) -> str:
        text = re.sub(r"\s+", " ", self.message).strip()
        return text[:80] + ("…" if len(text) > 80 else "")

    def other_answers(self) -> list[tuple[str, str]]:
        """(label, answer) for the page's form fields the site does not know by name."""
        answers = []
        for key, label in answer_labels(self.page).items():
            value = self.form_data.get(key)
            if key in KNOWN_FIELDS or value in (None, "", []):
                continue
            text = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
            answers.append((label, text))
        return answers

    @property
    def tel_url(self) -> str:
        """A tel: link for the phone number, or "" when it has no digits to dial."""
        number = re.sub(r"[^\d+]", "", self.phone)
        return f"tel:{number}" if re.search(r"\d", number) else ""

    @property
    def reply_url(self) -> str:
        """A mailto: link answering the visitor, subject "Re: " and the start of the message."""
        address = self.email.strip()
        if not EMAIL_SHAPE.fullmatch(address):
            return ""
        text = re.sub(r"\s+", " ", self.message).strip()
        subject = "Re: " + (text[:40] + ("…" if len(text) > 40 else "") or self.company or "")
        return (
            f"mailto:{quote(address, safe='@')}?{urlencode({'subject': subject}, quote_via=quote)}"
        )

    @property
    def attachment_size(self) -> int | None:
        """The attached file's size in bytes; None when there is none or it is missing."""
        if not self.attachment:
            return None
        try:
            return self.attachment.size
        except OSError:
            return None

    def mark_read(self) -> None:
        """Remember that someone opened it (the first time only)."""
        if self.read_at is None:
            now = timezone.now()
            ContactMessage.objects.filter(pk=self.pk, read_at__isnull=True).update(read_at=now)
            self.read_at = now


# One address, nothing around it: what a mailto: link may carry.
EMAIL_SHAPE = re.compile(r"[^@\s<>\"',;:?&]+@[^@\s<>\"',;:?&]+\.[^@\s<>\"',;:?&]+")


def answer_labels(page) -> dict[str, str]:
    """{answer key: field label} for a contact page's form, in the form's order."""
    if page is None:
        return {}
    specific = page.specific
    if not isinstance(specific, ContactPage):
        return {}
    return {field.get_field_clean_name(): field.label for field in specific.get_form_fields()}


def fingerprint(data: dict) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()


def retention_days() -> int:
    return int(getattr(settings, "PRESSROOM_CONTACT_RETENTION_DAYS", 0) or 0)


@receiver(post_delete, sender=ContactMessage)
def delete_attachment(sender, instance: ContactMessage, **kwargs) -> None:
    """A deleted message (by hand or by the retention sweep) takes its file with it."""
    if instance.attachment:
        instance.attachment.delete(save=False)
