"""Every way of writing an address under /media/ that leads into a private folder.

Used by the app's media view tests, the nginx tests and the S3 tests, so each way media can be
served is tried with the same forms: a check that looks at the raw path instead of the normal
one lets some of them through (an outside review found four).
"""

from urllib.parse import quote


def private_forms(folder: str, name: str) -> list[str]:
    """Raw request paths (as a client sends them) that a server may resolve to
    ``/media/<folder>/<name>``, or that only differ from it in ways a lax check misses."""
    target = f"{folder}/{name}"
    forms = [
        f"/media/{target}",
        f"/media//{target}",
        f"/media///{target}",
        f"/media/./{target}",
        f"/media/{folder}/./{name}",
        f"/media/{folder}//{name}",
        f"/media/original_images/../{target}",
        f"/media/images/../../media/{target}",
        f"/media/x/..%2f{target}",
        f"/media/x/..%2F{target}",
        f"/media/x/%2e%2e/{target}",
        f"/media/x/%2E%2E%2F{target}",
        f"/media/%2e/{target}",
        f"/media/%2f{target}",
        f"/media/{folder}%2f{name}",
        f"/media/{quote(target, safe='')}",
        f"/media/original_images/..%5c{folder}%5c{name}",
        f"/media/original_images\\..\\{folder}\\{name}",
        f"/media/{folder.upper()}/{name}",
        f"/media/{folder.capitalize()}/{name}",
        f"/media/{target}/",
        f"/media/{target}%00",
        f"/media/{target};x=1",
        f"/media/x/..%252f{target}",
        f"/media/%252e%252e/media/{target}",
    ]
    return list(dict.fromkeys(forms))
