"""The account an import gives at the end: what it made, kept, left out and why."""

from collections import Counter
from dataclasses import dataclass, field


class SourceError(Exception):
    """The source cannot be imported at all (not the expected format, unreadable, truncated)."""


@dataclass
class Report:
    dry_run: bool = False
    created: Counter = field(default_factory=Counter)  # kind -> count
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    skipped: list[tuple[str, str, str]] = field(default_factory=list)  # kind, item, reason
    redirects: int = 0
    missing_files: list[str] = field(default_factory=list)
    removed_links: list[tuple[str, str, str]] = field(default_factory=list)  # item, href, why
    shortcodes: Counter = field(default_factory=Counter)  # unknown shortcodes left out
    comments: int = 0
    warnings: list[str] = field(default_factory=list)

    def skip(self, kind: str, item: str, reason: str) -> None:
        self.skipped.append((kind, item, reason))

    def lines(self) -> list[str]:
        """The report as plain lines, for the console and a file."""
        out = ["Dry run: nothing was written." if self.dry_run else "Import finished."]
        for kind in sorted(set(self.created) | set(self.updated) | set(self.unchanged)):
            out.append(
                f"  {kind}: {self.created[kind]} created, {self.updated[kind]} updated, "
                f"{self.unchanged[kind]} unchanged"
            )
        out.append(f"  redirects (301): {self.redirects}")
        out.append(f"  comments (counted, not imported): {self.comments}")
        if self.skipped:
            out.append(f"  skipped: {len(self.skipped)}")
            out.extend(f"    {kind} {item}: {reason}" for kind, item, reason in self.skipped)
        if self.missing_files:
            out.append(f"  missing files: {len(self.missing_files)}")
            out.extend(f"    {name}" for name in self.missing_files)
        if self.removed_links:
            out.append(f"  hidden or spam links left out: {len(self.removed_links)}")
            out.extend(f"    {item}: {href} ({why})" for item, href, why in self.removed_links)
        if self.shortcodes:
            out.append(
                "  shortcodes left out: "
                + ", ".join(f"[{name}] ×{count}" for name, count in sorted(self.shortcodes.items()))
            )
        if self.warnings:
            out.append(f"  warnings: {len(self.warnings)}")
            out.extend(f"    {warning}" for warning in self.warnings)
        return out
