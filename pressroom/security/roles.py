"""The three editorial roles, as Wagtail groups that `pressroom init` creates.

- Editors: add and edit pages in every language's home tree and submit them for
  moderation; add and choose images and documents, edit and delete their own uploads
  (not those the live site shows: security/live_media.py); read visitors' messages, mark
  them handled or spam and write notes on them (the 留言 inbox).
- Moderators: that, and publish, lock and unlock pages, edit, replace and delete everyone's
  images and documents, manage news categories.
- Administrators: that, and delete page trees, delete news categories, delete messages, edit
  the company info, manage users and groups within their reach (security/reach.py), and
  redirects.

Superusers (``pressroom init``'s first admin) can do everything besides.

The groups are named in Chinese, as editors read them in the admin (Wagtail prints group names
as stored); migration security/0003 renamed the English ones of older sites.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

EDITORS = "编辑"
MODERATORS = "审核员"
ADMINISTRATORS = "管理员"
ROLES = [EDITORS, MODERATORS, ADMINISTRATORS]

PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page"],
    MODERATORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    ADMINISTRATORS: [
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
        "unlock_page",
        "bulk_delete_page",
    ],
}

# Per collection, Wagtail reads "add" as "edit and delete your own uploads" and "change" as
# "edit and delete everyone's"; "delete" it neither reads nor offers in the group editor.
_MEDIA_OWN = [
    "wagtailimages.add_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.choose_document",
]
_MEDIA_ALL = [*_MEDIA_OWN, "wagtailimages.change_image", "wagtaildocs.change_document"]
COLLECTION_PERMISSIONS = {
    EDITORS: _MEDIA_OWN,
    MODERATORS: _MEDIA_ALL,
    ADMINISTRATORS: _MEDIA_ALL,
}
# Root-collection grants that Wagtail's starter data and older Pressroom versions gave these
# groups and no role has now; ensure_roles() removes exactly these rows and nothing else. An
# Editors group that should edit everyone's media gets "change" on a collection below the root
# (or a group of its own), which stays.
_MEDIA_DELETE = ["wagtailimages.delete_image", "wagtaildocs.delete_document"]
WITHDRAWN_COLLECTION_PERMISSIONS = {
    EDITORS: ["wagtailimages.change_image", "wagtaildocs.change_document", *_MEDIA_DELETE],
    MODERATORS: _MEDIA_DELETE,
    ADMINISTRATORS: _MEDIA_DELETE,
}

_CATEGORIES = ["news.add_newscategory", "news.change_newscategory", "news.view_newscategory"]
# The 留言 inbox: whoever runs the site's pages answers its visitors; deleting is for
# Administrators (a deleted message is gone for the whole sales team).
_MESSAGES = [
    "contact.view_contactmessage",
    "contact.change_contactmessage",
    "board.view_question",
    "board.change_question",
]
MODEL_PERMISSIONS = {
    EDITORS: ["wagtailadmin.access_admin", *_MESSAGES],
    MODERATORS: ["wagtailadmin.access_admin", *_CATEGORIES, *_MESSAGES],
    ADMINISTRATORS: [
        "wagtailadmin.access_admin",
        *_CATEGORIES,
        *_MESSAGES,
        "contact.delete_contactmessage",
        "board.delete_question",
        "news.delete_newscategory",
        "core.change_companyinfo",
        "pageviews.change_viewcountsettings",
        "push.change_pushsettings",
        # Analytics and chat (统计与客服): only the known services, by ID (decision 0033).
        "integrations.change_integrationsettings",
        # The contact page's live map (在线地图): a known vendor, by key.
        "integrations.change_mapsettings",
        "auth.add_user",
        "auth.change_user",
        "auth.delete_user",
        "auth.add_group",
        "auth.change_group",
        "auth.delete_group",
        "wagtailredirects.add_redirect",
        "wagtailredirects.change_redirect",
        "wagtailredirects.delete_redirect",
    ],
}


# Wagtail's starter data (its migrations make an "Editors" and a "Moderators" group) gives them
# model-level image and document permissions. Wagtail ignores those (media permissions are
# per collection), but they made these groups look, to the checks that keep Administrators
# within reach (security/reach.py), like groups carrying powers Administrators lack.
# ensure_roles() withdraws exactly these rows from the role groups and nothing else.
_MEDIA_MODEL_PERMISSIONS = [
    f"{app}.{action}_{model}"
    for app, model in [("wagtailimages", "image"), ("wagtaildocs", "document")]
    for action in ["add", "change", "delete", "choose"]
]
WITHDRAWN_MODEL_PERMISSIONS = {
    EDITORS: _MEDIA_MODEL_PERMISSIONS,
    MODERATORS: _MEDIA_MODEL_PERMISSIONS,
    ADMINISTRATORS: [],
}


def _permission(dotted: str) -> Permission:
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


@transaction.atomic
def ensure_roles() -> list[Group]:
    """Create the role groups, or add what they lack; take away only the WITHDRAWN_ grants.

    Page permissions are granted on each home page (depth 2, one per language tree) rather
    than on the tree root, so that no role can create a new site root. Wagtail's own starter
    grants to Editors and Moderators on the root are removed for that reason. Run
    ``pressroom init`` again after adding a language tree.
    """
    homes = list(Page.objects.filter(depth=2))
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    groups = []
    for name in ROLES:
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(*[_permission(p) for p in MODEL_PERMISSIONS[name]])
        group.permissions.remove(*[_permission(p) for p in WITHDRAWN_MODEL_PERMISSIONS[name]])
        if root_page is not None:
            GroupPagePermission.objects.filter(group=group, page=root_page).delete()
        for home in homes:
            for codename in PAGE_PERMISSIONS[name]:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=home, permission=_permission(f"wagtailcore.{codename}")
                )
        if root_collection is not None:
            for dotted in COLLECTION_PERMISSIONS[name]:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=_permission(dotted)
                )
            GroupCollectionPermission.objects.filter(
                group=group,
                collection=root_collection,
                permission__in=[_permission(p) for p in WITHDRAWN_COLLECTION_PERMISSIONS[name]],
            ).delete()
        groups.append(group)
    return groups
