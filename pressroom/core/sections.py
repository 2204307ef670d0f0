"""The section menu beside inner pages: the pages of the top-level section a page is in.

关于我们 → 公司简介, 企业文化, 发展历程, 资质荣誉: a page just below the home page is a section,
its live, public children are the menu, and the children of the entry the visitor is in are
listed under it (two levels, as the main menu's sections are organised on such sites).

Page types that draw the menu say so with ``shows_section_menu = True``; the page cache
purges them when a page of their section changes (``pressroom.pagecache.showing``).
"""

from wagtail.models import Page

from pressroom.core.sitecache import any_view_restrictions

SECTION_DEPTH = 3  # root (1), home page (2), the home page's children (3)
SECTION_MENU_MAX_ITEMS = 30  # per level; a section with more pages is a list, not a menu


def section_root(page) -> Page | None:
    """The page just below the home page that ``page`` is in (``page`` itself when it is
    one); None for the home page and the root."""
    if page.depth < SECTION_DEPTH:
        return None
    if page.depth == SECTION_DEPTH:
        return page
    return Page.objects.ancestor_of(page).filter(depth=SECTION_DEPTH).first()


def visible_children(page):
    children = page.get_children().live()
    if any_view_restrictions():
        children = children.public()
    return list(children.order_by("path")[:SECTION_MENU_MAX_ITEMS])


def section_menu(page) -> tuple[Page | None, list[tuple[Page, list[Page]]]]:
    """The section ``page`` is in and its menu: each child of the section, with its own
    children when the visitor is in it. No section (nothing to list) when the section has
    no visible child."""
    root = section_root(page)
    if root is None:
        return None, []
    entries = []
    for child in visible_children(root):
        inside = page.path.startswith(child.path)
        entries.append((child, visible_children(child) if inside else []))
    if not entries:
        return None, []
    return root, entries
