"""Editing panels shared by the apps."""

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class TwinFieldPanel(FieldPanel):
    """A Chinese field with an English twin (``<name>_en``): its help ends with a reminder to
    update the twin, so that an edit in Chinese does not leave the English site behind."""

    def on_model_bound(self):
        super().on_model_bound()
        meta = self.model._meta
        own = self.help_text or meta.get_field(self.field_name).help_text
        twin = meta.get_field(f"{self.field_name}_en").verbose_name
        reminder = format_lazy(_("Changed this? Update “{twin}” as well."), twin=twin)
        self.help_text = format_lazy("{} {}", own, reminder) if own else reminder
