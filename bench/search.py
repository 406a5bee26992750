"""Search benchmark: 100,000 generated articles in PostgreSQL, p50/p95 per query.

    make bench-search        (or: .venv/bin/python -m bench.search [--runs 30])

Measures the whole /tim-kiem/ view (query parsing, matching, ranking, highlighting,
rendering) in-process with the page cache off, so the figure is server time per query.
"""

import argparse
import os
import statistics
import time

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
]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--articles", type=int, default=100_000)
    args = parser.parse_args()

    os.environ["DJANGO_PAGE_CACHE"] = "0"
    setup()
    ensure_database()
    from bench import dataset

    dataset.generate(articles_total=args.articles)

    from django.test import Client

    from news.models import Article

    client = Client()
    print(
        f"\nTìm kiếm trên {Article.objects.count():,} tin bài (PostgreSQL), {args.runs} lần mỗi truy vấn\n"
    )
    print(f"{'truy vấn':<28} {'p50 ms':>8} {'p95 ms':>8}  {'kết quả':>8}")
    p50s = []
    for q in QUERIES:
        for _ in range(3):
            client.get("/tim-kiem/", {"q": q})
        timings = []
        for _ in range(args.runs):
            start = time.perf_counter()
            response = client.get("/tim-kiem/", {"q": q})
            timings.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200
        timings.sort()
        p50 = statistics.median(timings)
        p95 = timings[min(len(timings) - 1, int(len(timings) * 0.95))]
        p50s.append(p50)
        hits = response.content.decode().count('class="search-result"')
        print(f"{q:<28} {p50:8.1f} {p95:8.1f}  {hits:>8}")
    print(f"\n{'trung vị của các p50':<28} {statistics.median(p50s):8.1f} ms (mục tiêu < 30 ms)")


if __name__ == "__main__":
    main()
