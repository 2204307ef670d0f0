"""The admin's import form: a file or an address, the format and the options."""

from pathlib import Path
from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

FORMAT_CHOICES = [
    ("wordpress", _("WordPress export (WXR file)")),
    ("pbootcms", _("PbootCMS database (its SQLite file)")),
    ("feed", _("RSS or Atom feed (file or address)")),
    ("site", _("Any other old site (its address: crawled)")),
]
NEEDS_FILE = {"wordpress", "pbootcms"}
NEEDS_URL = {"site"}
SUFFIXES = {"wordpress": ".xml", "pbootcms": ".db", "feed": ".xml"}


class ImportForm(forms.Form):
    format = forms.ChoiceField(label=_("What to import"), choices=FORMAT_CHOICES)
    upload = forms.FileField(
        label=_("File"),
        required=False,
        help_text=_("A WordPress export, a PbootCMS database file or a feed file."),
    )
    url = forms.URLField(
        label=_("Web address"),
        required=False,
        assume_scheme="https",
        max_length=500,
        help_text=_("The feed's address, or the old site's home page to crawl."),
    )
    language = forms.ChoiceField(
        label=_("Language of the content"),
        choices=[
            ("", _("The site's default language")),
            ("zh-hans", _("Chinese")),
            ("en", _("English")),
        ],
        required=False,
    )
    limit = forms.IntegerField(
        label=_("Most pages to fetch"),
        min_value=1,
        max_value=10000,
        initial=500,
        help_text=_("Old site only: a later import continues where this one stopped."),
    )
    dry_run = forms.BooleanField(
        label=_("Dry run: report what would happen, change nothing"), required=False
    )
    overwrite = forms.BooleanField(
        label=_("Also update pages an editor changed since the last import"), required=False
    )
    visits = forms.BooleanField(
        label=_("PbootCMS: start the view counts from the old site's visit counts"),
        required=False,
        help_text=_("Off: view counts start at zero, counted by this site only."),
    )

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        limit = settings.PRESSROOM_IMPORT_MAX_UPLOAD
        if upload is not None and upload.size > limit:
            raise forms.ValidationError(
                _("The file is %(size)s; the largest accepted is %(limit)s.")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
            )
        return upload

    def clean_url(self):
        url = self.cleaned_data.get("url", "")
        if url and urlsplit(url).scheme not in ("http", "https"):
            raise forms.ValidationError(_("Give an http or https address."))
        return url

    def clean(self):
        data = super().clean()
        kind, upload, url = data.get("format"), data.get("upload"), data.get("url")
        if kind in NEEDS_FILE and upload is None and "upload" not in self.errors:
            self.add_error("upload", _("Choose the file to import."))
        elif kind in NEEDS_URL and not url and "url" not in self.errors:
            self.add_error("url", _("Give the old site's address."))
        elif kind == "feed" and not upload and not url and not self.errors:
            self.add_error("upload", _("Choose a feed file or give the feed's address."))
        return data

    def suffix(self) -> str:
        name = self.cleaned_data["upload"].name if self.cleaned_data.get("upload") else ""
        return Path(name).suffix.lower()[:10] or SUFFIXES.get(self.cleaned_data["format"], "")
