"""Wagtail's "Translate page" view, refusing with a message where it would fail with a 500."""

from django import forms
from django.utils.translation import gettext as _
from wagtail.contrib.simple_translation.forms import SubmitTranslationForm
from wagtail.contrib.simple_translation.views import SubmitPageTranslationView


class ParentFirstTranslationForm(SubmitTranslationForm):
    """The admin greys out languages the parent page lacks; a forged POST gets an error too."""

    def clean_locales(self):
        locales = self.cleaned_data["locales"]
        disabled = set(getattr(self.fields["locales"].widget, "disabled_values", []))
        if any(locale.pk in disabled for locale in locales):
            raise forms.ValidationError(_("Translate the parent page into that language first."))
        return locales


class CheckedSubmitPageTranslationView(SubmitPageTranslationView):
    def get_form(self):
        if self.request.method == "POST":
            return ParentFirstTranslationForm(self.object, self.request.POST)
        return ParentFirstTranslationForm(self.object)
