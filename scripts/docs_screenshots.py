"""Copy the first screen of a few browser-test screenshots into docs/screenshots/, small.

Run after the browser tests (`make test` or `pytest -m browser`), which write full-page PNGs to
test-artifacts/screenshots/. Keeps each PNG small: cropped to the viewport, 64-colour palette.
"""

import sys
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "test-artifacts" / "screenshots"
TARGET = ROOT / "docs" / "screenshots"
# name -> height of the first screen (the viewport the tests use)
CHOSEN = {
    "home-desktop": 768,
    "home-phone": 812,
    "home-en-desktop": 768,
    "article-desktop": 768,
    "news-list-phone": 812,
    "article-phone": 812,
    "editor-preview-desktop": 768,
    # the admin as a Chinese editor sees it (tests/browser/test_admin_chinese.py)
    "admin-login-desktop": 768,
    "admin-dashboard-desktop": 768,
    "admin-edit-desktop": 768,
    "admin-schedule-phone": 812,
    "admin-menu-phone": 812,
}


def main(names: list[str]) -> None:
    """Refresh the chosen screenshots, or only those ``names``."""
    TARGET.mkdir(parents=True, exist_ok=True)
    for name, height in CHOSEN.items():
        if names and name not in names:
            continue
        with Image.open(SOURCE / f"{name}.png") as full:
            first_screen = full.convert("RGB").crop((0, 0, full.width, min(height, full.height)))
            small = first_screen.quantize(colors=64, method=Image.Quantize.MEDIANCUT)
            path = TARGET / f"{name}.png"
            small.save(path, optimize=True)
            print(f"{path.relative_to(ROOT)}: {path.stat().st_size / 1000:.0f} kB")


if __name__ == "__main__":
    main(sys.argv[1:])
