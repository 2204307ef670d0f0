"""PbootCMS's language areas (``ay_area``) and which of their sorts and items are
translations of each other.

PbootCMS keeps one set of tables for every area; each row names its area (``acode``). Nothing
in them links a sort or an item of one area to its counterpart in another, and PbootCMS's
admin refuses a sort ``filename`` another area already uses, so the rules here are what the
rows can honestly tell:

1. **By address name**: a sort (or an item) is the translation of one in the default area
   when their ``filename`` is the same once the areas' codes are taken off as a prefix or
   suffix (``en-aboutus``, ``aboutus_en`` and ``aboutus`` are one page).
2. **By place in the tree** (sorts only): of the sorts still unmatched under translated
   parents (or both at the top), those of one model are paired in their order (``sorting``,
   then id) when both areas have as many of them.

Anything else stays unlinked: a page of its own language, reported.
"""

import re

# Area codes and the content language each means (Django's codes).
CHINESE = {"cn", "zh", "zh-cn", "zh_cn", "zhcn", "chs", "zh-hans", "gb", "chinese"}
ENGLISH = {"en", "en-us", "en_us", "en-gb", "eng", "english"}


def number(value) -> int:
    """An integer column as PbootCMS stores it (SQLite keeps whatever it was given)."""
    try:
        return int(value or 0)
    except (TypeError, ValueError):
        return 0


def language_of(acode: str) -> str | None:
    """The content language an area code names, or None when it names neither of ours."""
    code = acode.strip().lower()
    if code in CHINESE:
        return "zh-hans"
    if code in ENGLISH:
        return "en"
    return None


def base_name(filename: str, acode: str) -> str:
    """``filename`` without the area's code as a prefix or suffix (``en-about`` → ``about``)."""
    name = (filename or "").strip().lower()
    code = re.escape(acode.strip().lower())
    match = re.fullmatch(rf"(?:{code}[-_])?(.+?)(?:[-_]{code})?", name)
    return match.group(1) if match else name


def by_filename(rows, acode: str) -> dict[str, dict]:
    """The rows that have a ``filename``, by its base name (the first of each name wins)."""
    found: dict[str, dict] = {}
    for row in rows:
        if (row["filename"] or "").strip():
            found.setdefault(base_name(row["filename"], acode), row)
    return found


def match_sorts(default_sorts, default_acode, other_sorts, other_acode) -> dict[str, str]:
    """``{scode in the other area: scode of its translation in the default area}``."""
    matched: dict[str, str] = {}
    names = by_filename(default_sorts, default_acode)
    for sort in other_sorts:
        if (sort["filename"] or "").strip():
            twin = names.get(base_name(sort["filename"], other_acode))
            if twin is not None and twin["scode"] not in matched.values():
                matched[sort["scode"]] = twin["scode"]
    # By place: repeat until no more pairs, as each pairing may translate parents.
    while True:
        taken = set(matched.values())
        added = False
        for parent, group in siblings(other_sorts).items():
            twin_parent = "0" if parent == "0" else matched.get(parent)
            if twin_parent is None:
                continue
            theirs = siblings(default_sorts).get(twin_parent, {})
            for mcode, ours in group.items():
                free = [s for s in theirs.get(mcode, []) if s["scode"] not in taken]
                left = [s for s in ours if s["scode"] not in matched]
                if left and len(left) == len(free):
                    for sort, twin in zip(left, free, strict=True):
                        matched[sort["scode"]] = twin["scode"]
                    added = True
        if not added:
            return matched


def siblings(sorts) -> dict[str, dict[str, list]]:
    """``{parent scode: {mcode: [sorts in their order]}}`` (parent "0": the top level)."""
    tree: dict[str, dict[str, list]] = {}
    for sort in sorted(sorts, key=lambda row: (number(row["sorting"]), number(row["id"]))):
        parent = str(sort["pcode"] or "0")
        tree.setdefault(parent, {}).setdefault(str(sort["mcode"]), []).append(sort)
    return tree
