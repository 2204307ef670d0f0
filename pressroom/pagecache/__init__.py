"""An exact page cache: anonymous GET/HEAD responses served without touching the database.

Entries are keyed by the canonical path (which carries the language prefix) and purged
exactly when content changes (see ``urls.urls_showing``). docs/caching.md tells the whole story.
"""
