"""Progress of an import on the console: a line redrawn in place on a terminal, a plain
line every so many items otherwise (a log, a pipe), so a long import shows it is alive;
with the number of items and the share done when the source tells how many it holds."""

import time


class Progress:
    """Called once per item (``progress(kind)``); ``expect(total)`` when the source tells how
    many items it holds; ``finish()`` ends the line."""

    def __init__(self, out, *, every: int = 100, interval: float = 0.2):
        self.out = out
        self.terminal = bool(getattr(out, "isatty", lambda: False)())
        self.every, self.interval = every, interval
        self.count = 0
        self.started = self.drawn = time.monotonic()
        self.kinds: dict[str, int] = {}
        self.total: int | None = None

    def expect(self, total: int) -> None:
        self.total = total

    def __call__(self, kind: str) -> None:
        self.count += 1
        self.kinds[kind] = self.kinds.get(kind, 0) + 1
        if self.terminal:
            now = time.monotonic()
            if now - self.drawn >= self.interval:
                self.drawn = now
                self.out.write("\r" + self.line(), ending="")
                self.out.flush()
        elif self.count % self.every == 0:
            self.out.write(self.line())

    def line(self) -> str:
        seconds = max(time.monotonic() - self.started, 0.001)
        kinds = ", ".join(f"{count} {kind}" for kind, count in sorted(self.kinds.items()))
        return f"… {share(self.count, self.total)} ({kinds}), {self.count / seconds:.1f}/s"

    def finish(self) -> None:
        if self.terminal and self.count:
            self.out.write("\r" + self.line())
        elif self.count % self.every:
            self.out.write(self.line())  # a log gets the final count too


def share(count: int, total: int | None) -> str:
    """``"120 of 400 items (30%)"``, or ``"120 items"`` while the total is not known."""
    if not total:
        return f"{count} items"
    percent = min(100, count * 100 // total)
    return f"{count} of {total} items ({percent}%)"
