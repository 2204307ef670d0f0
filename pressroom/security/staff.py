"""The admin's user and group management, kept within the signed-in user's reach.

Wagtail's own views let anyone with ``auth.change_user`` edit every user (superusers included:
their password, email and superuser flag) and anyone with ``auth.change_group`` give any
group any permission. These subclasses, wired in through ``PressroomUsersConfig``, refuse users
and groups beyond reach (``pressroom.security.reach``) with a 403 page, offer only the groups
and permissions one may hand out, and answer a posted superuser flag with a form error.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.views.generic.history import HistoryView as GenericHistoryView
from wagtail.admin.views.generic.usage import UsageView as GenericUsageView
from wagtail.permissions import policy_registry
from wagtail.users import forms as user_forms
from wagtail.users.views import groups as group_views
from wagtail.users.views import users as user_views

from .reach import group_within_reach, groups_within_reach, held_permissions, is_superuser
from .refusal import refused
from .users import RefuseLookAlikeUsernames

SUPERUSER_LABEL = gettext_lazy("Superuser")
SUPERUSER_HELP = gettext_lazy(
    "A superuser can do everything, including managing other superusers. "
    "This is not the Administrators group."
)


class WithinReachUserForm:
    """Only a superuser may set the superuser flag or give groups beyond their own reach."""

    def __init__(self, *args, acting_user, **kwargs):
        super().__init__(*args, **kwargs)
        self.acting_user = acting_user
        self.kept_groups = []
        if "is_superuser" in self.fields:
            self.fields["is_superuser"].label = SUPERUSER_LABEL
            self.fields["is_superuser"].help_text = SUPERUSER_HELP
        if is_superuser(acting_user):
            return
        self.fields.pop("is_superuser", None)
        within = groups_within_reach(acting_user)
        self.fields["groups"].queryset = within
        if self.instance.pk:
            self.kept_groups = list(self.instance.groups.exclude(pk__in=within))
        if self.kept_groups:
            names = ", ".join(group.name for group in self.kept_groups)
            self.fields["groups"].help_text = _(
                "Also in: %(groups)s. Only a superuser can change that."
            ) % {"groups": names}

    def clean(self):
        cleaned_data = super().clean()
        posted = forms.CheckboxInput().value_from_datadict(
            self.data, self.files, self.add_prefix("is_superuser")
        )
        if posted and not is_superuser(self.acting_user):
            self.add_error(
                None,
                forms.ValidationError(
                    _("Only a superuser can make a user a superuser (the “%(field)s” field).")
                    % {"field": SUPERUSER_LABEL},
                    code="superuser_only",
                ),
            )
        return cleaned_data

    def save(self, commit=True):
        user = super().save(commit=commit)
        if commit:
            user.groups.add(*self.kept_groups)
        else:
            save_groups = self.save_m2m

            def save_m2m():
                save_groups()
                user.groups.add(*self.kept_groups)

            self.save_m2m = save_m2m
        return user


class UserCreationForm(RefuseLookAlikeUsernames, WithinReachUserForm, user_forms.UserCreationForm):
    pass


class UserEditForm(RefuseLookAlikeUsernames, WithinReachUserForm, user_forms.UserEditForm):
    pass


class ActingUserFormMixin:
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "acting_user": self.request.user}


class WithinReachMixin:
    """Refuses, before anything else happens, a user or group beyond the signed-in user's reach."""

    reach_action = "change"

    def dispatch(self, request, *args, **kwargs):
        policy = self.permission_policy
        if not policy.user_has_permission(request.user, self.reach_action):
            raise PermissionDenied  # Wagtail's answer; no reason that would describe the target
        target = getattr(self, "object", None) or self.get_object()
        if not policy.user_has_permission_for_instance(request.user, self.reach_action, target):
            return refused(request, self.refusal_reason(target))
        return super().dispatch(request, *args, **kwargs)

    def refusal_reason(self, target):
        if target.pk == self.request.user.pk and self.reach_action == "delete":
            return _("You cannot delete your own account.")
        if getattr(target, "is_superuser", False):
            return _("%(name)s is a superuser. Only a superuser can manage a superuser.") % {
                "name": target
            }
        return _(
            "%(name)s can manage users or groups, or holds permissions you do not hold. "
            "Only a superuser can manage them."
        ) % {"name": target}


class UserCreateView(ActingUserFormMixin, user_views.CreateView):
    pass


class UserEditView(ActingUserFormMixin, WithinReachMixin, user_views.EditView):
    pass


class UserDeleteView(WithinReachMixin, user_views.DeleteView):
    reach_action = "delete"


class UserHistoryView(WithinReachMixin, user_views.HistoryView):
    pass


class UsageView(WithinReachMixin, GenericUsageView):
    pass


class UserViewSet(user_views.UserViewSet):
    add_view_class = UserCreateView
    edit_view_class = UserEditView
    delete_view_class = UserDeleteView
    history_view_class = UserHistoryView
    usage_view_class = UsageView
    # Wagtail 8.0.1's generic copy view saves the form over the user it copies (their name,
    # email, password and superuser flag), so "copy" edits; users are added with "Add a user".
    copy_view_enabled = False

    def get_form_class(self, for_update=False):
        return UserEditForm if for_update else UserCreationForm


class WithinReachGroupForm(user_forms.GroupForm):
    """Offers a non-superuser only the permissions they hold, never user or group management."""

    def __init__(self, *args, acting_user, **kwargs):
        super().__init__(*args, **kwargs)
        if not is_superuser(acting_user):
            field = self.fields["permissions"]
            field.queryset = field.queryset.filter(pk__in=held_permissions(acting_user))


class BeyondReach(Exception):
    pass


class GroupResultWithinReachMixin(ActingUserFormMixin):
    """Saves the group and its permission panels (pages, collections, sites), then undoes it
    all with a 403 page if the group now carries what the signed-in user could not hand out."""

    def process_form(self):
        actor = self.request.user
        if is_superuser(actor):
            return super().process_form()
        try:
            with transaction.atomic():
                response = super().process_form()
                group = self.form.instance
                if group.pk is not None and not group_within_reach(actor, group):
                    raise BeyondReach
        except BeyondReach:
            # Nothing was saved: drop the "group saved" message the form queued.
            list(messages.get_messages(self.request))
            return refused(
                self.request,
                _(
                    "You can give a group only permissions you hold yourself, on the pages, "
                    "collections and sites where you hold them, and never the management of "
                    "users or groups."
                ),
            )
        return response


class GroupCreateView(GroupResultWithinReachMixin, group_views.CreateView):
    pass


class GroupEditView(GroupResultWithinReachMixin, WithinReachMixin, group_views.EditView):
    def refusal_reason(self, target):
        return _(
            "The group %(name)s carries permissions you do not hold, or the management of "
            "users or groups. Only a superuser can change or delete it."
        ) % {"name": target}


class GroupDeleteView(WithinReachMixin, group_views.DeleteView):
    reach_action = "delete"
    refusal_reason = GroupEditView.refusal_reason


class GroupHistoryView(WithinReachMixin, GenericHistoryView):
    refusal_reason = GroupEditView.refusal_reason


class GroupUsageView(WithinReachMixin, GenericUsageView):
    refusal_reason = GroupEditView.refusal_reason


class GroupViewSet(group_views.GroupViewSet):
    add_view_class = GroupCreateView
    edit_view_class = GroupEditView
    delete_view_class = GroupDeleteView
    history_view_class = GroupHistoryView
    usage_view_class = GroupUsageView

    def get_form_class(self, for_update=False):
        return WithinReachGroupForm


def user_bulk_action_beyond_reach(request, action_type, objects, action):
    """A 403 page for a bulk action on users beyond reach, or a group beyond reach; else None."""
    if action.model is not get_user_model() or is_superuser(request.user):
        return None
    if action_type == "assign_role":
        role = action.cleaned_form.cleaned_data["role"]
        if not group_within_reach(request.user, role):
            return refused(
                request,
                _(
                    "The group %(name)s carries permissions you do not hold, or the management "
                    "of users or groups. Only a superuser can give it to someone."
                )
                % {"name": role},
            )
    verb = "delete" if action_type == "delete" else "change"
    policy = policy_registry.get_by_type(action.model)
    actor = request.user
    beyond = [u for u in objects if not policy.user_has_permission_for_instance(actor, verb, u)]
    if beyond:
        return refused(
            request,
            _("Only a superuser can change or delete these users: %(names)s.")
            % {"names": ", ".join(str(user) for user in beyond)},
        )
    return None
