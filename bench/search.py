"""Search benchmark: speed and ranking quality over 100,000 generated articles and 20,000
recipients in PostgreSQL, with the demo loaded on top.

    make bench-search        (or: .venv/bin/python -m bench.search [--runs 30])

Speed, two ways, per query: the whole /tim-kiem/ view in-process (parsing, matching,
ranking, highlighting, rendering; page cache off), and one reader on gunicorn (production
settings, Redis, page cache off) timed from the client. Quality: the share of the queries in
bench/search_quality.toml answered in the top 1 and the top 3.
"""

import argparse
import os
import statistics
import time
from urllib.parse import urlencode

from bench.setup_django import ensure_database, setup

QUERIES = [
    "cong doan dinh lap",
    "Công đoàn Đình Lập",
    "LĐLĐ Văn Quan",
    "ldld van quan",
    "CĐCS",
    "hoi nghi ban chap hanh",
    "Tháng Công nhân",
    "giải bóng đá công nhân",
    "thi đua khen thưởng",
    "Đại hội",
    "bảo hiểm thất nghiệp",
    "xyzzy",
    "Đỗ Thị Gấm",
    "34-CT/TW",
    "123/QĐ-LĐLĐ",
    "dinh lpa",
]
GOAL_P50, GOAL_P95 = 25, 60


def percentiles(timings: list[float]) -> tuple[float, float]:
    timings = sorted(timings)
    return statistics.median(timings), timings[min(len(timings) - 1, int(len(timings) * 0.95))]


def time_in_process(client, q: str, runs: int) -> tuple[float, float, int]:
    for _ in range(3):
        client.get("/tim-kiem/", {"q": q})
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get("/tim-kiem/", {"q": q})
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    hits = response.content.decode().count('class="search-result"')
    return (*percentiles(timings), hits)


def time_on_gunicorn(server, q: str, runs: int) -> tuple[float, float]:
    path = "/tim-kiem/?" + urlencode({"q": q})
    for _ in range(3):
        server.get(path)
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        status, _ = server.get(path)
        timings.append((time.perf_counter() - start) * 1000)
        assert status == 200
    return percentiles(timings)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--no-gunicorn", action="store_true", help="in-process timings only")
    parser.add_argument("--quality-only", action="store_true")
    args = parser.parse_args()

    os.environ["DJANGO_PAGE_CACHE"] = "0"
    setup()
    ensure_database()
    from bench import dataset

    dataset.generate(articles_total=args.articles)
    from django.core.management import call_command

    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115 - idempotent

    from django.test import Client

    from awards.models import Recipient
    from bench import search_quality
    from news.models import Article

    client = Client()
    print(
        f"\nTìm kiếm trên {Article.objects.count():,} tin bài, {Recipient.objects.count():,} "
        f"lượt khen thưởng (PostgreSQL), {args.runs} lần mỗi truy vấn"
    )
    if not args.quality_only:
        server = None
        if not args.no_gunicorn:
            from bench.run import Server, clear_cache

            clear_cache()
            server = Server(page_cache=False, workers=1)
        try:
            print(
                f"\n{'truy vấn':<28} {'trong tiến trình':>17}   {'gunicorn, 1 người đọc':>22}"
                f"  {'kết quả':>7}\n{'':<28} {'p50 ms':>8} {'p95 ms':>8}   {'p50 ms':>11}"
                f" {'p95 ms':>10}"
            )
            p50s, worst = [], (0.0, 0.0)
            for q in QUERIES:
                p50, p95, hits = time_in_process(client, q, args.runs)
                g50, g95 = time_on_gunicorn(server, q, args.runs) if server else (p50, p95)
                p50s.append(g50)
                worst = (max(worst[0], g50), max(worst[1], g95))
                served = f"{g50:11.1f} {g95:10.1f}" if server else f"{'–':>11} {'–':>10}"
                print(f"{q:<28} {p50:8.1f} {p95:8.1f}   {served}  {hits:>7}")
        finally:
            if server:
                server.stop()
        where = "gunicorn" if server else "trong tiến trình"
        print(
            f"\n{where}: trung vị các p50 {statistics.median(p50s):.1f} ms; p50 lớn nhất "
            f"{worst[0]:.1f} ms (mục tiêu ≤ {GOAL_P50}), p95 lớn nhất {worst[1]:.1f} ms "
            f"(mục tiêu ≤ {GOAL_P95})"
        )
    search_quality.report(search_quality.evaluate(client))


if __name__ == "__main__":
    main()
