"""Spellings of a file's address: every way a client can write it that a lax server resolves.

The media tests request these instead of a hand-written list. Each rule below is one way an
address can differ from its normal form; the forms are every combination of two rules plus
a fixed-seed sample of all four, so a rule added here reaches every test that uses them.
"""

import itertools
import random
from urllib.parse import unquote

# How the root folder (e.g. "media") itself can be reached.
ROOT_SPELLINGS = ["/{r}/", "//{r}/", "/./{r}/", "/x/../{r}/", "/{R}/", "/%{h}{t}/", "/{r}%2f"]
# Ways to leave and re-enter the root, written before the file's own path.
DETOURS = [
    "",
    "/",
    "./",
    "%2e/",
    ".%2f",
    "x/../",
    "original_images/../",
    "images/../",
    "x/%2e%2e/",
    "x/%2E%2E/",
    "x/.%2e/",
    "x/%2e./",
    "x/..%2f",
    "x%2f..%2f",
    "x\\..\\",
    "x%5c..%5c",
    "x/%252e%252e/",
    "x/..%252f",
    "x/..;/",
    "x/../../{r}/",
    "%2e%2e/{r}/",
]
# Ways to write the "/" between the file's folder and its name.
SEPARATORS = ["/", "//", "/./", "/%2e/", "%2f", "%2F", "\\", "%5c", "%252f", "/;/", "/x/../"]
# What a decoder, a file system or a parser may drop or ignore after the name.
SUFFIXES = ["", "/", "/.", "%00", "%00.png", "%0a", ".", "%20", ";x=1", "?download=1"]


def folder_spellings(name: str) -> list[str]:
    """The first segment in other cases and percent-encoded (once, fully, twice)."""
    encoded = "".join(f"%{ord(char):02x}" for char in name)
    return [
        name,
        name.upper(),
        name.title(),
        f"%{ord(name[0]):02x}{name[1:]}",
        encoded,
        f"%25{ord(name[0]):02x}{name[1:]}",
    ]


def spellings(root: str, segments: list[str], sample: int = 300) -> list[str]:
    """Absolute paths under ``/<root>/`` a lax server could resolve to ``segments``."""
    first, rest = segments[0], segments[1:]
    roots = [
        spelling.format(r=root, R=root.upper(), h=f"{ord(root[0]):02x}", t=root[1:])
        for spelling in ROOT_SPELLINGS
    ]

    def form(prefix="", detour="", folder=first, separator="/", suffix=""):
        prefix = prefix or f"/{root}/"
        return prefix + detour.format(r=root) + separator.join([folder, *rest]) + suffix

    dimensions = {
        "prefix": roots,
        "detour": DETOURS,
        "folder": folder_spellings(first),
        "separator": SEPARATORS if rest else ["/"],
        "suffix": SUFFIXES,
    }
    forms = set()
    for (one, ones), (two, twos) in itertools.combinations(dimensions.items(), 2):
        for a, b in itertools.product(ones, twos):
            forms.add(form(**{one: a, two: b}))
    everything = list(itertools.product(*dimensions.values()))
    for combination in random.Random(2026).sample(everything, min(sample, len(everything))):
        forms.add(form(**dict(zip(dimensions, combination, strict=True))))
    # Overlong: thousands of detours, and one segment past the file system's name limit.
    target = "/".join(segments)
    forms.add(f"/{root}/" + "x/" * 2000 + "../" * 2000 + target)
    forms.add(f"/{root}/" + "a" * 300 + "/../" + target)
    forms.add(f"/{root}/" + "a" * 5000)
    forms.add(f"/{root}/original_images/" + "a" * 300 + ".png")
    return sorted(forms)


def decoded_path(path: str) -> str:
    """The path a WSGI server hands the app: the query cut off, percent-escapes decoded once."""
    return unquote(path.split("?", 1)[0])
