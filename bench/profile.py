"""Where an uncached page's time goes: CPU per request, queries, and the profile by area.

    .venv/bin/python -m bench.profile                 (every page of `make bench`)
    .venv/bin/python -m bench.profile awards search   (some of them)

Runs in one process through Django's test client on the benchmark database, with the page
cache off, so every request is a render of the page's own data. CPU time (process time) is
what the load of other work on the machine moves least; the profile's split by area – the
database driver waiting, the ORM building SQL, the ORM building objects, templates, the
project's own code – says what a change should go after.
"""

import cProfile
import os
import pstats
import statistics
import sys
import time

from bench.setup_django import setup

AREAS = (
    ("database (driver, waiting)", ("psycopg",)),
    ("ORM: building SQL", ("django/db/models/sql", "django/db/models/expressions", "django/db/models/lookups")),
    ("ORM: rows to objects", ("django/db/models",)),
    ("templates", ("django/template", "django/forms")),
    ("project code", ("/awards/", "/news/", "/organizations/", "/lsunion/", "/documents/", "/questions/")),
)  # fmt: skip


SQL_RUNS = 5  # requests whose queries are timed one by one


def area_of(filename: str) -> str:
    for name, parts in AREAS:
        if any(part in filename for part in parts):
            return name
    return "other (Python, Django core)"


def profile_page(client, path: str, runs: int) -> dict:
    from django.db import connection

    for _ in range(3):
        client.get(path)
    cpu, wall = [], []
    for _ in range(runs):
        c, w = time.process_time(), time.perf_counter()
        response = client.get(path)
        cpu.append((time.process_time() - c) * 1000)
        wall.append((time.perf_counter() - w) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    queries, sql_ms = [], []

    def timed(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            queries.append((time.perf_counter() - started) * 1000)

    for _ in range(SQL_RUNS):
        queries.clear()
        with connection.execute_wrapper(timed):
            client.get(path)
        sql_ms.append(sum(queries))
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(runs):
        client.get(path)
    profiler.disable()
    stats = pstats.Stats(profiler)
    by_area: dict[str, float] = {}
    top = []
    for (filename, line, function), (_cc, calls, tottime, _cum, _callers) in stats.stats.items():
        by_area[area_of(filename)] = by_area.get(area_of(filename), 0.0) + tottime
        top.append((tottime, calls, f"{filename.split('site-packages/')[-1]}:{line}({function})"))
    total = sum(by_area.values()) or 1.0
    top.sort(reverse=True)
    return {
        "cpu_ms": statistics.median(cpu),
        "wall_ms": statistics.median(wall),
        "queries": len(queries),
        # The queries' own time, from the driver's call to its answer (PostgreSQL's work and
        # the round trips); the rest of the wall time is Python.
        "sql_ms": statistics.median(sql_ms),
        "areas": {k: v / total for k, v in sorted(by_area.items(), key=lambda kv: -kv[1])},
        "top": [(t / runs * 1000, n // runs, name) for t, n, name in top[:8]],
        "load": round(os.getloadavg()[0], 2),
    }


def main() -> None:
    os.environ["DJANGO_PAGE_CACHE"] = "0"
    setup()
    from django.test import Client

    from bench.run import pages

    wanted = set(sys.argv[1:])
    client = Client()
    for key, label, path in pages():
        if wanted and key not in wanted:
            continue
        result = profile_page(client, path, runs=20)
        print(f"\n## {label} ({path})")
        print(
            f"CPU {result['cpu_ms']:.1f} ms, wall {result['wall_ms']:.1f} ms per request, "
            f"{result['queries']} queries taking {result['sql_ms']:.1f} ms, load {result['load']}"
        )
        print(
            "share of profiled time: "
            + ", ".join(f"{k} {v:.0%}" for k, v in result["areas"].items())
        )
        for ms, calls, name in result["top"]:
            print(f"  {ms:6.2f} ms  {calls:6d} calls  {name}")


if __name__ == "__main__":
    main()
