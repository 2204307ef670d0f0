from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SecurityConfig(AppConfig):
    name = "pressroom.security"
    label = "security"
    verbose_name = _("Security")

    def ready(self):
        from wagtail.documents import get_document_model
        from wagtail.images import get_image_model
        from wagtail.permissions import register_permission_policy

        from . import signals, throttle, usernames  # noqa: F401  (signal receivers)
        from .live_media import LiveMediaPermissionPolicy

        # In place of Wagtail's own (this app comes after wagtail.images and wagtail.documents).
        for model, auth_model in [
            (get_image_model(), "wagtailimages.Image"),
            (get_document_model(), "wagtaildocs.Document"),
        ]:
            policy = LiveMediaPermissionPolicy(
                model, auth_model=auth_model, owner_field_name="uploaded_by_user"
            )
            register_permission_policy(model, policy)
