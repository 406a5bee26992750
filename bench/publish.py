"""A publish under load: readers on the home page, a category and an article, then an
editor publishes an article through the service function.

Every publish changes the site-wide content version, so every page is stale at once. The
question is what that costs the readers who are there: the p99 of their requests in the
10 seconds after the publish, and how many times each page is rendered in that window
(the page cache lets one request render while the others get the previous copy; without
that, each of the 16 readers would render it).
"""

import statistics
import subprocess
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from bench.load import rotation_script
from bench.server import Server

WINDOW = 10.0


@dataclass
class PublishResult:
    p99_after_ms: float
    p50_after_ms: float
    requests_after: int
    renders_after: dict[str, int]
    workers: int
    load: float


def _draft_for(category):
    from news.models import Article

    article, _created = Article.objects.update_or_create(
        slug="bench-publish-under-load",
        defaults={
            "title": "Bài viết đăng trong lúc đo tải",
            "summary": "Bài viết do make bench đăng để đo trang sau khi đăng bài.",
            "body": "<p>Nội dung bài viết đo tải.</p>",
            "category": category,
            "status": Article.Status.DRAFT,
            "published_at": None,
        },
    )
    return article


def _parse(log: Path, published_at: float) -> tuple[list[float], dict[str, int]]:
    """Request times (ms) in the window after the publish, and renders per path in it."""
    latencies: list[float] = []
    renders: dict[str, int] = {}
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            stamp, rest = line[1:].split("] ", 1)
            path, status, millis, rendered = rest.rsplit(" ", 3)
        except ValueError:
            continue
        when = datetime.strptime(stamp, "%d/%b/%Y:%H:%M:%S %z").timestamp()
        if published_at - 1 < when < published_at + WINDOW and status == "200":
            latencies.append(float(millis))
        if rendered not in ("-", ""):
            at = float(rendered)
            if published_at <= at < published_at + WINDOW:
                key = path.strip('"')
                renders[key] = renders.get(key, 0) + 1
    return latencies, renders


def run(*, paths: dict[str, str], workers: int, connections: int, threads: int) -> PublishResult:
    """`paths`: label -> address of the pages the readers read, one of them a category."""
    import os

    from news.models import Category
    from news.services import publish

    root = Path(__file__).resolve().parent.parent
    log = root / "artifacts" / "bench-publish-access.log"
    log.unlink(missing_ok=True)
    category = Category.objects.get(slug=paths["category"].strip("/").split("/")[-1])
    article = _draft_for(category)
    server = Server(page_cache=True, workers=workers, access_log=log)
    try:
        server.warm(paths.values(), 3)
        script = rotation_script(list(paths.values()), root / "artifacts" / "bench-publish.lua")
        command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{int(WINDOW) + 8}s"]
        command += ["-s", str(script), server.base]
        readers = subprocess.Popen(command, stdout=subprocess.DEVNULL)  # noqa: S603
        time.sleep(4)
        published_at = time.time()
        publish(articles=[article], by=None)
        load = os.getloadavg()[0]
        readers.wait()
    finally:
        server.stop()
        article.delete()
    latencies, renders = _parse(log, published_at)
    latencies.sort()
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] if latencies else 0.0
    label_of = {path: label for label, path in paths.items()}
    return PublishResult(
        p99_after_ms=p99,
        p50_after_ms=statistics.median(latencies) if latencies else 0.0,
        requests_after=len(latencies),
        renders_after={label_of.get(p, p): n for p, n in sorted(renders.items())},
        workers=workers,
        load=round(load, 2),
    )
