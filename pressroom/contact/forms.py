"""The visitor's message form: the editor's fields plus limits, a honeypot and a time stamp."""

import re
import time

import django.forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

HONEYPOT = "pr_hp"
TIMESTAMP = "pr_ts"
# The page a quote request (在线询价) names: a live, public page whose type says ``quotable``.
PRODUCT = "pr_product"
TIMESTAMP_SALT = "pressroom.contact.form-rendered"

# Characters in single-line answers: letters, digits, punctuation and spaces, but no line
# breaks or other control characters (they would end up in mail headers or break exports).
CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")
CONTROL_MULTILINE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

MAX_LENGTHS = {"name": 100, "phone": 40, "email": 254, "company": 200}
SINGLE_LINE_MAX = 200
MULTI_LINE_MAX = 5000

# Chinese mobile (optionally +86/0086), landline with area code, 400/800 service numbers, or
# any international number written with a leading "+"; each may end in an extension.
PHONE_PATTERNS = [
    re.compile(r"(?:\+86|0086|86)?1[3-9]\d{9}"),
    re.compile(r"0[1-9]\d{8,10}"),
    re.compile(r"[48]00\d{7}"),
    re.compile(r"\+[1-9]\d{6,14}"),
]
PHONE_SEPARATORS = re.compile(r"[\s().\-\u00a0]")
EXTENSION = re.compile(r"(?:\s*(?:转|分机|ext\.?|x|#)\s*|-)\d{1,6}$", re.IGNORECASE)
FULL_WIDTH = str.maketrans("０１２３４５６７８９＋（）－　", "0123456789+()- ")


def phone_digits(value: str) -> str:
    """The number as digits (and a leading "+"), without separators."""
    return PHONE_SEPARATORS.sub("", value.translate(FULL_WIDTH))


def validate_phone(value: str) -> None:
    if len(value) > MAX_LENGTHS["phone"]:
        return  # the length error says it; a megabyte here must not cost a second of regexes
    value = value.translate(FULL_WIDTH).strip()
    numbers = [phone_digits(value)]
    without_extension = EXTENSION.sub("", value)
    if without_extension != value:
        numbers.append(phone_digits(without_extension))
    if not any(p.fullmatch(n) for p in PHONE_PATTERNS for n in numbers):
        raise ValidationError(
            _("Enter a phone number such as 138 0000 0000, 0571-8888 8888 or +1 202 555 0100."),
            code="phone",
        )


def validate_single_line(value: str) -> None:
    if CONTROL.search(value):
        raise ValidationError(
            _("Please write this on one line, without line breaks or control characters."),
            code="single_line",
        )


def validate_multi_line(value: str) -> None:
    if CONTROL_MULTILINE.search(value):
        raise ValidationError(_("The text contains control characters."), code="control")


def sign_now() -> str:
    return signing.dumps(time.time(), salt=TIMESTAMP_SALT)


class ContactFormBuilder(FormBuilder):
    """Wagtail's form builder with length limits and checks keyed on the field's machine name."""

    def create_singleline_field(self, field, options):
        options["max_length"] = MAX_LENGTHS.get(field.clean_name, SINGLE_LINE_MAX)
        validators = [validate_single_line]
        if field.clean_name == "phone":
            validators.append(validate_phone)
        return django.forms.CharField(validators=validators, **options)

    def create_multiline_field(self, field, options):
        options["max_length"] = getattr(
            settings, "PRESSROOM_CONTACT_MAX_MESSAGE_LENGTH", MULTI_LINE_MAX
        )
        options.setdefault("widget", django.forms.Textarea(attrs={"rows": 6}))
        return django.forms.CharField(validators=[validate_multi_line], **options)

    def create_email_field(self, field, options):
        options["max_length"] = MAX_LENGTHS["email"]
        return django.forms.EmailField(**options)

    def get_form_class(self):
        return type("ContactForm", (ContactForm,), self.formfields)


class SpamTrapsMixin:
    """The spam defences of every visitor's form: a honeypot field and a signed time stamp.

    ``add_spam_traps()`` in ``__init__``, ``check_spam_traps(cleaned)`` in ``clean``;
    ``is_spam`` is True when a robot gave itself away (it filled the honeypot). A missing,
    forged or old stamp, or a form sent within seconds of being shown, is a form error.
    """

    is_spam = False

    def add_spam_traps(self) -> None:
        self.is_spam = False
        self.fields[HONEYPOT] = django.forms.CharField(
            label=_("Leave this field empty"),
            required=False,
            max_length=1000,
            widget=django.forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        self.fields[TIMESTAMP] = django.forms.CharField(
            required=False, widget=django.forms.HiddenInput, initial=sign_now
        )

    def check_spam_traps(self, cleaned: dict) -> None:
        if cleaned.get(HONEYPOT):
            self.is_spam = True
        self.check_timestamp(cleaned.get(TIMESTAMP) or "")

    def visible_message_fields(self):
        return [f for f in self if f.name not in (HONEYPOT, TIMESTAMP)]

    def check_timestamp(self, token: str) -> None:
        max_age = getattr(settings, "PRESSROOM_CONTACT_FORM_MAX_AGE", 2 * 86400)
        min_seconds = getattr(settings, "PRESSROOM_CONTACT_MIN_SECONDS", 3)
        try:
            rendered = float(signing.loads(token, salt=TIMESTAMP_SALT, max_age=max_age))
        except (signing.BadSignature, TypeError, ValueError):
            # Forged, missing or too old: a fresh stamp lets a real visitor simply send again.
            self.data = self.data.copy()
            self.data[TIMESTAMP] = sign_now()
            raise ValidationError(
                _("This form has expired. Please check your message and send it again."),
                code="expired",
            ) from None
        if time.time() - rendered < min_seconds:
            # The original stamp stays, so sending again a moment later works.
            raise ValidationError(
                _("That was very fast. Please check your message and send it again."),
                code="too_fast",
            )


class ContactForm(SpamTrapsMixin, BaseForm):
    """Adds the spam traps and the product a quote request names."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_spam_traps()
        # (no length limit: a bad value names no product, it never stops a message)
        self.fields[PRODUCT] = django.forms.CharField(
            required=False, widget=django.forms.HiddenInput
        )
        self.quoted = quoted_page(
            self.data.get(PRODUCT) if self.is_bound else self.initial.get(PRODUCT)
        )

    def quoted_title(self) -> str:
        """The title of the product this message asks about, or empty."""
        return self.quoted.title[:255] if self.quoted is not None else ""

    def clean(self):
        cleaned = super().clean()
        self.check_spam_traps(cleaned)
        if "phone" in self.fields and "email" in self.fields:
            has_error = "phone" in self.errors or "email" in self.errors
            if not has_error and not cleaned.get("phone") and not cleaned.get("email"):
                raise ValidationError(
                    _("Please give a phone number or an email address so that we can reply."),
                    code="no_contact",
                )
        return cleaned

    def submission_data(self) -> dict:
        """The visitor's answers without the spam traps, as JSON-friendly values."""
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name not in (HONEYPOT, TIMESTAMP, PRODUCT)
        }


def quoted_page(value):
    """The live, public page a quote request names by its id, when its type is quotable
    (``quotable = True``, e.g. a product); None for anything else, never an error."""
    from wagtail.models import Page

    text = str(value or "")
    if not (text.isdigit() and len(text) < 12):
        return None
    page = Page.objects.live().public().filter(pk=int(text)).first()
    if page is None or not getattr(page.specific_class, "quotable", False):
        return None
    return page
