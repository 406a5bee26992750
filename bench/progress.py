import sys
import time


class Progress:
    """A one-line progress bar on stderr; memory stays flat (it counts, it keeps nothing)."""

    def __init__(self, label: str, total: int):
        self.label, self.total, self.done = label, total, 0
        self.started = time.monotonic()
        self._last = 0.0

    def advance(self, n: int = 1) -> None:
        self.done += n
        now = time.monotonic()
        if now - self._last > 0.25 or self.done >= self.total:
            self._last = now
            width = 30
            filled = int(width * self.done / max(self.total, 1))
            rate = self.done / max(now - self.started, 1e-6)
            sys.stderr.write(
                f"\r{self.label:<18} [{'#' * filled}{'.' * (width - filled)}] "
                f"{self.done:>7}/{self.total} {rate:8.0f}/s"
            )
            if self.done >= self.total:
                sys.stderr.write("\n")
            sys.stderr.flush()
