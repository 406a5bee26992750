"""`make bench`: every public page under load, beside a hello-world view on the same server.

    make bench                                              (or: .venv/bin/python -m bench.run)
    .venv/bin/python -m bench.run --rounds 1 --duration 5   (a quicker, noisier run)

1. Creates and migrates the benchmark database (BENCH_DATABASE_URL, PostgreSQL) and fills it
   with ten years of content (bench/dataset.py; skipped when it is already there).
2. Serves the site with gunicorn under production settings (DEBUG off, Redis cache, the
   database pool) twice at once: with the anonymous page cache, and without
   (DJANGO_PAGE_CACHE=0).
3. Measures in interleaved rounds (pages A B C … then … C B A), each round between two
   measures of /bench/hello/ (the smallest Django view) on the same server: throughput, p50
   and p99 under a burst (--connections), and the p50 of one reader (server time per page),
   each beside the machine's load. Ratios to hello world hold across machines; the ms do not.
4. A burst of 1,000 distinct look-ups and searches (bench/burst.py) on the uncached server,
   and a publish under load (bench/publish.py) on the cached one.
5. Prints the table, writes it to bench/results/last.json and docs/performance.md.
"""

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

from bench.goals import unmet
from bench.load import Measure, rotation_script, wrk
from bench.server import CACHE_PREFIX, REDIS_URL, Server, clear_cache
from bench.setup_django import ROOT, database_url, ensure_database, setup

RESULTS = ROOT / "bench" / "results" / "last.json"
DOC = ROOT / "docs" / "performance.md"
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"

# Pages whose targets are ratios of hello-world throughput (docs/performance.md).
CACHED_TARGETS = {"home": 0.80, "category": 0.80, "article": 0.80}
UNCACHED_TARGETS = {"home": 0.08, "article": 0.12}
# One reader, server time p50 of the uncached page (issue 17).
ONE_READER_GOALS_MS = {
    "awards": 15.0,
    "search": 25.0,
    "body": 10.0,
    "meetings": 8.0,
    "home": 8.0,
    "article": 6.0,
}
# Distinct look-ups and searches: req/s as a share of hello world's (issue 17).
BURST_GOALS = {"lookups": 0.10, "searches": 0.05}
PUBLISH_P99_MS = 100.0
WORKER_RSS_MB = 200


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# -- the pages ------------------------------------------------------------------------------


def pages() -> list[tuple[str, str, str]]:
    """(key, label, path) of each page measured, chosen from the generated data."""
    from urllib.parse import urlencode

    from django.db.models import Count

    from news.models import Article, Category
    from organizations.models import UnionBody

    category = Category.objects.annotate(n=Count("articles")).order_by("-n", "pk").first()
    per_page = 20
    total = Article.objects.published().filter(category=category).count()
    deep = min(500, max(1, -(-total // per_page)))
    article = Article.objects.published().exclude(cover_image="").order_by("-published_at").first()
    body = (
        UnionBody.objects.filter(kind=UnionBody.Kind.DISTRICT)
        .annotate(n=Count("children"))
        .order_by("-n", "pk")
        .first()
    )
    return [
        ("home", "Home `/`", "/"),
        ("category", "Category, page 1", category.get_absolute_url()),
        (
            "category_deep",
            f"Category, page {deep}",
            f"{category.get_absolute_url()}?page={deep}",
        ),
        ("article", "Article (with photo)", article.get_absolute_url()),
        ("body", "Union body (a district federation)", body.get_absolute_url()),
        ("meetings", "Meeting list", "/hoi-nghi/"),
        (
            "awards",
            "Award look-up `truong thpt`",
            "/khen-thuong/?" + urlencode({"q": "truong thpt"}),
        ),
        (
            "search",
            "Site search `cong doan dinh lap`",
            "/tim-kiem/?" + urlencode({"q": "cong doan dinh lap"}),
        ),
    ]


def dataset_summary() -> dict[str, int]:
    from awards.models import Decision, Recipient
    from news.models import Article
    from organizations.models import Meeting, UnionBody

    return {
        "articles": Article.objects.count(),
        "union_bodies": UnionBody.objects.count(),
        "meetings": Meeting.objects.count(),
        "award_decisions": Decision.objects.count(),
        "award_recipients": Recipient.objects.count(),
    }


# -- measuring ------------------------------------------------------------------------------


def load_now() -> float:
    return round(os.getloadavg()[0], 2)


def measure(server: Server, path: str, args) -> Measure:
    url = server.base + path
    burst = wrk(url, threads=args.threads, connections=args.connections, duration=args.duration)
    single = wrk(url, threads=1, connections=1, duration=args.single_duration)
    burst.single_p50_ms = single.p50_ms
    burst.load = load_now()
    return burst


def rounds(servers: dict[str, Server], targets, args) -> dict:
    """Every page on both servers, round after round, the order reversed each round.

    Each round starts and ends with hello world on each server; a page's ratio is taken to
    the better hello world of its own round and server.
    """
    runs = {mode: [] for mode in servers}
    for number in range(args.rounds):
        order = targets if number % 2 == 0 else list(reversed(targets))
        log(f"== round {number + 1} of {args.rounds} (load {load_now()})")
        hello_before = {
            mode: measure(server, "/bench/hello/", args) for mode, server in servers.items()
        }
        pages = {mode: {} for mode in servers}
        for key, label, path in order:
            for mode, server in servers.items():
                m = measure(server, path, args)
                pages[mode][key] = m
                log(f"   {mode:<8} {label:<36} {m.rps:8.0f} req/s  one reader p50 "
                    f"{m.single_p50_ms:6.1f} ms  (load {m.load})")  # fmt: skip
        hello_after = {
            mode: measure(server, "/bench/hello/", args) for mode, server in servers.items()
        }
        for mode in servers:
            hello = max(hello_before[mode], hello_after[mode], key=lambda m: m.rps)
            log(f"   {mode:<8} hello world {hello.rps:8.0f} req/s")
            runs[mode].append(
                {"hello": asdict(hello), "pages": {k: asdict(v) for k, v in pages[mode].items()}}
            )
    return runs


def summarise(runs: list[dict], keys: list[str]) -> dict:
    """Medians over the rounds: req/s, ms, and each page's ratio to its round's hello world."""

    def med(values):
        return round(statistics.median(values), 3)

    out = {
        "hello": {
            "rps": med([r["hello"]["rps"] for r in runs]),
            "p50_ms": med([r["hello"]["p50_ms"] for r in runs]),
            "p99_ms": med([r["hello"]["p99_ms"] for r in runs]),
            "single_p50_ms": med([r["hello"]["single_p50_ms"] for r in runs]),
            "errors": sum(r["hello"]["errors"] for r in runs),
        },
        "pages": {},
    }
    for key in keys:
        rows = [r["pages"][key] for r in runs]
        out["pages"][key] = {
            "rps": med([m["rps"] for m in rows]),
            "ratio": med([m["rps"] / r["hello"]["rps"] for m, r in zip(rows, runs, strict=True)]),
            "p50_ms": med([m["p50_ms"] for m in rows]),
            "p99_ms": med([m["p99_ms"] for m in rows]),
            "single_p50_ms": med([m["single_p50_ms"] for m in rows]),
            "single_p50_best_ms": min(m["single_p50_ms"] for m in rows),
            "single_ratio": med(
                [
                    m["single_p50_ms"] / r["hello"]["single_p50_ms"]
                    for m, r in zip(rows, runs, strict=True)
                ]
            ),
            "errors": sum(m["errors"] for m in rows),
            "timeouts": sum(m.get("timeouts", 0) for m in rows),
            "load": [m["load"] for m in rows],
        }
    return out


def distinct_burst(server: Server, args) -> dict:
    """1,000 different look-ups, then 1,000 different searches, between two hello worlds."""
    from bench import burst

    scripts = {
        "lookups": rotation_script(burst.lookup_paths(), ROOT / "artifacts" / "bench-lookups.lua"),
        "searches": rotation_script(
            burst.search_paths(), ROOT / "artifacts" / "bench-searches.lua"
        ),
    }
    for script in scripts.values():
        first = re.search(r'"(/[^"]+)"', script.read_text(encoding="utf-8")).group(1)
        server.warm([first], 1)
    hello_before = measure(server, "/bench/hello/", args)
    results = {}
    for key, script in scripts.items():
        m = wrk(server.base, threads=args.threads, connections=args.connections,
                duration=args.duration, script=script)  # fmt: skip
        m.load = load_now()
        results[key] = m
        log(f"   distinct {key:<9} {m.rps:8.0f} req/s  p50 {m.p50_ms:.1f}  p99 {m.p99_ms:.1f} ms"
            f"  (load {m.load})")  # fmt: skip
    hello_after = measure(server, "/bench/hello/", args)
    hello = max(hello_before, hello_after, key=lambda m: m.rps)
    return {
        "hello": asdict(hello),
        **{k: {**asdict(v), "ratio": v.rps / hello.rps} for k, v in results.items()},
    }


# -- the report -----------------------------------------------------------------------------


def verdicts(result: dict) -> list[tuple[str, bool, str]]:
    cached, uncached = result["cached"], result["uncached"]
    checks = []
    for key, target in CACHED_TARGETS.items():
        r = cached["pages"][key]["ratio"]
        checks.append((f"cached {key} ≥ {target:.0%} of hello", r >= target, f"{r:.0%}"))
    for key, target in UNCACHED_TARGETS.items():
        r = uncached["pages"][key]["ratio"]
        checks.append((f"uncached {key} ≥ {target:.0%} of hello", r >= target, f"{r:.1%}"))
    deep = uncached["pages"]["category_deep"]["rps"] / uncached["pages"]["category"]["rps"]
    checks.append(
        ("uncached category page 500 at least half as fast as page 1", deep >= 0.5, f"{deep:.2f}×")
    )
    for key, goal in ONE_READER_GOALS_MS.items():
        ms = uncached["pages"][key]["single_p50_ms"]
        checks.append(
            (f"uncached {key}, one reader p50 ≤ {goal:.0f} ms", ms <= goal, f"{ms:.1f} ms")
        )
    if "burst" in result:
        for key, goal in BURST_GOALS.items():
            r = result["burst"][key]["ratio"]
            checks.append((f"distinct {key} ≥ {goal:.0%} of hello", r >= goal, f"{r:.1%}"))
    if "publish" in result:
        pub = result["publish"]
        p99 = pub["p99_after_ms"]
        checks.append((f"p99 in the {WINDOW_S} s after a publish ≤ {PUBLISH_P99_MS:.0f} ms",
                       p99 <= PUBLISH_P99_MS, f"{p99:.1f} ms"))  # fmt: skip
        most = max(pub["renders_after"].values(), default=0)
        limit = pub["workers"]
        checks.append((f"renders of each page after a publish ≤ one per worker ({limit})",
                       most <= limit, f"at most {most}"))  # fmt: skip
    rss = max(result["worker_rss_mb"])
    checks.append(
        (f"each worker < {WORKER_RSS_MB} MB resident", rss < WORKER_RSS_MB, f"{rss:.0f} MB")
    )
    return checks


WINDOW_S = 10


def table(result: dict) -> str:
    lines = [
        "| page | cached req/s | × hello | p50 / p99 ms | uncached req/s | × hello "
        "| p50 / p99 ms | one reader p50 ms (best) | goal | load | HTML KB |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    cached, uncached = result["cached"], result["uncached"]
    h_c, h_u = cached["hello"], uncached["hello"]
    lines.append(
        f"| Hello world (`/bench/hello/`) | {h_c['rps']:,.0f} | 1 | {h_c['p50_ms']:.1f} / "
        f"{h_c['p99_ms']:.1f} | {h_u['rps']:,.0f} | 1 | {h_u['p50_ms']:.1f} / {h_u['p99_ms']:.1f} "
        f"| {h_u['single_p50_ms']:.1f} | | | |"
    )
    for key, label, _path in result["pages"]:
        c, u = cached["pages"][key], uncached["pages"][key]
        goal = ONE_READER_GOALS_MS.get(key)
        goal_cell = f"≤ {goal:.0f} {'✅' if u['single_p50_ms'] <= goal else '❌'}" if goal else ""
        flag = _flag(c["errors"] + u["errors"], c.get("timeouts", 0) + u.get("timeouts", 0))
        loads = "–".join(f"{x:.1f}" for x in (min(u["load"]), max(u["load"])))
        lines.append(
            f"| {label}{flag} | {c['rps']:,.0f} | {c['ratio']:.0%} | {c['p50_ms']:.1f} / "
            f"{c['p99_ms']:.1f} | {u['rps']:,.0f} | {u['ratio']:.1%} | {u['p50_ms']:.1f} / "
            f"{u['p99_ms']:.1f} | {u['single_p50_ms']:.1f} ({u['single_p50_best_ms']:.1f}) "
            f"| {goal_cell} | {loads} | {result['html_bytes'][key] / 1024:.0f} |"
        )
    return "\n".join(lines)


def _flag(errors: int, timeouts: int) -> str:
    """Failed answers, and requests wrk stopped waiting for after 2 s (a queue, not a fault)."""
    flags = [f"{errors} errors"] if errors else []
    if timeouts:
        flags.append(f"{timeouts} waited over 2 s")
    return f" ⚠ {', '.join(flags)}" if flags else ""


def goals_table(result: dict) -> str:
    """Issue 17's one-reader goals, each beside what the page spends its time on."""
    lines = [
        "| uncached page, one reader | goal p50 | p50 (best round) | CPU in process | queries (their time) "
        "| where the profiled time goes | load |",
        "|---|--:|--:|--:|--:|---|--:|",
    ]
    labels = {key: label for key, label, _path in result["pages"]}
    for key, goal in ONE_READER_GOALS_MS.items():
        u = result["uncached"]["pages"][key]
        prof = result.get("profiles", {}).get(key)
        mark = "✅" if u["single_p50_ms"] <= goal else "❌"
        where = cpu = queries = ""
        if prof:
            where = ", ".join(f"{k} {v:.0%}" for k, v in list(prof["areas"].items())[:3])
            cpu, queries = f"{prof['cpu_ms']:.1f} ms", str(prof["queries"])
            if "sql_ms" in prof:
                queries += f" ({prof['sql_ms']:.1f} ms)"
        lines.append(
            f"| {labels[key]} | ≤ {goal:.0f} ms {mark} | {u['single_p50_ms']:.1f} "
            f"({u['single_p50_best_ms']:.1f}) ms | {cpu} | {queries} | {where} "
            f"| {'–'.join(f'{x:.1f}' for x in (min(u['load']), max(u['load'])))} |"
        )
    return "\n".join(lines)


def burst_table(result: dict) -> str:
    b = result["burst"]
    lines = [
        "| distinct requests (uncached server) | req/s | × hello | p50 / p99 ms | goal | load |",
        "|---|--:|--:|--:|--:|--:|",
        f"| Hello world, same server, same minute | {b['hello']['rps']:,.0f} | 1 | "
        f"{b['hello']['p50_ms']:.1f} / {b['hello']['p99_ms']:.1f} | | {b['hello']['load']} |",
    ]
    labels = {
        "lookups": "1,000 different award look-ups",
        "searches": "1,000 different site searches",
    }
    for key, goal in BURST_GOALS.items():
        m = b[key]
        mark = "✅" if m["ratio"] >= goal else "❌"
        flag = _flag(m["errors"], m.get("timeouts", 0))
        lines.append(
            f"| {labels[key]}{flag} | {m['rps']:,.0f} | {m['ratio']:.1%} | {m['p50_ms']:.1f} / "
            f"{m['p99_ms']:.1f} | ≥ {goal:.0%} {mark} | {m['load']} |"
        )
    return "\n".join(lines)


def publish_text(result: dict) -> str:
    pub = result["publish"]
    renders = ", ".join(f"{k} {v}" for k, v in pub["renders_after"].items()) or "none"
    return (
        f"Publish under load ({pub['connections']} readers on home, category and article, "
        f"cached server, {pub['workers']} workers; an article published through "
        f"`news.services.publish` 4 s in; load {pub['load']}): in the {WINDOW_S} s after it, "
        f"{pub['requests_after']:,} requests, p50 {pub['p50_after_ms']:.1f} ms, "
        f"**p99 {pub['p99_after_ms']:.1f} ms**; full renders: {renders}."
    )


def report(result: dict) -> str:
    meta = result["meta"]
    checks = "\n".join(
        f"- {'✅' if ok else '❌'} {name}: **{value}**" for name, ok, value in verdicts(result)
    )
    data = ", ".join(f"{k.replace('_', ' ')} {v:,}" for k, v in meta["dataset"].items())
    extra = "\n\n" + goals_table(result)
    if "burst" in result:
        extra += "\n\n" + burst_table(result)
    missed = unmet(result, ONE_READER_GOALS_MS, BURST_GOALS)
    if missed:
        extra += "\n\n" + missed
    if "publish" in result:
        extra += "\n\n" + publish_text(result)
    return f"""{BEGIN}
_Written by `make bench` on {meta["finished"]}; raw numbers in `bench/results/last.json`._

- Command: `{meta["command"]}`
- Machine: {meta["cpu"]}, {meta["cores"]} cores, {meta["memory_gb"]} GB; {meta["platform"]}
- Load average before / after: {meta["load_before"]} / {meta["load_after"]} (other work on the
  machine lowers every figure; the ratios to hello world, measured alongside, much less);
  the load column is the 1-minute load at each uncached page's measures, over the rounds
- Server: gunicorn {meta["gunicorn"]}, {meta["workers"]} sync workers, DEBUG off, Redis cache,
  PostgreSQL {meta["postgresql"]} with the connection pool; wrk {meta["wrk"]}:
  `-t{meta["threads"]} -c{meta["connections"]} -d{meta["duration"]}s` per page, then one
  connection for {meta["single_duration"]} s (the single-reader p50 is server time per page);
  {meta["rounds"]} interleaved rounds (A B C …, then … C B A), medians over the rounds, each
  ratio to the hello world of its own round and server
- Dataset: {data}

{table(result)}{extra}

Worker resident memory at the end: {result["worker_rss_mb"]} MB.

{checks}
{END}"""


def write_doc(text: str) -> None:
    if not DOC.exists():
        DOC.write_text(f"# Performance\n\n{text}\n", encoding="utf-8")
        return
    current = DOC.read_text(encoding="utf-8")
    if BEGIN in current and END in current:
        head, rest = current.split(BEGIN, 1)
        tail = rest.split(END, 1)[1]
        DOC.write_text(head + text + tail, encoding="utf-8")
    else:
        DOC.write_text(current.rstrip() + "\n\n" + text + "\n", encoding="utf-8")


def _version(command: list[str]) -> str:
    try:
        out = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
    except OSError:
        return "?"
    return (out.stdout or out.stderr).strip().splitlines()[0] if (out.stdout or out.stderr) else "?"


def machine() -> dict:
    cpu = "?"
    if Path("/proc/cpuinfo").exists():
        match = re.search(r"^model name\s*:\s*(.+)$", Path("/proc/cpuinfo").read_text(), re.M)
        cpu = match.group(1).strip() if match else "?"
    memory = 0.0
    if Path("/proc/meminfo").exists():
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        memory = round(kb / 1024 / 1024, 1)
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": memory,
        "platform": f"{platform.system()} {platform.release()}, Python {platform.python_version()}",
    }


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds")
    parser.add_argument("--duration", type=int, default=10, help="seconds of wrk per page")
    parser.add_argument("--single-duration", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--warm", type=int, default=5, help="requests per page before measuring")
    parser.add_argument("--no-write", action="store_true", help="print only; keep the docs")
    parser.add_argument(
        "--report", action="store_true", help="rewrite the table from the last result only"
    )
    args = parser.parse_args()
    if args.report:
        result = json.loads(RESULTS.read_text(encoding="utf-8"))
        write_doc(report(result))
        print(report(result).replace(BEGIN, "").replace(END, "").strip())
        return

    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: `make bench` installs it (apt package wrk).")
    # The publish under load runs in this process: it must bump the servers' content version.
    os.environ["REDIS_URL"] = REDIS_URL
    os.environ["DJANGO_CACHE_PREFIX"] = CACHE_PREFIX
    setup()
    log("== benchmark database: " + database_url())
    ensure_database()
    from bench import dataset

    dataset.generate(articles_total=args.articles)
    from django.db import connection

    targets = pages()
    summary = dataset_summary()
    connection.close()

    load_before = load_average()
    started = time.monotonic()
    result = {"pages": targets}
    clear_cache()
    servers = {
        "cached": Server(page_cache=True, workers=args.workers),
        "uncached": Server(page_cache=False, workers=args.workers),
    }
    try:
        paths = [path for _key, _label, path in targets]
        for server in servers.values():
            server.warm(["/bench/hello/", *paths], args.warm)
        result["html_bytes"] = {key: servers["uncached"].get(path)[1] for key, _l, path in targets}
        runs = rounds(servers, targets, args)
        keys = [key for key, _label, _path in targets]
        result["runs"] = runs
        for mode in servers:
            result[mode] = summarise(runs[mode], keys)
        log("== distinct look-ups and searches, uncached server")
        result["burst"] = distinct_burst(servers["uncached"], args)
        result["worker_rss_mb"] = [*servers["cached"].worker_rss_mb(),
                                   *servers["uncached"].worker_rss_mb()]  # fmt: skip
    finally:
        for server in servers.values():
            server.stop()
    log("== a publish under load, cached server")
    from bench import publish

    by_key = {key: path for key, _label, path in targets}
    outcome = publish.run(
        paths={"home": by_key["home"], "category": by_key["category"], "article": by_key["article"]},
        workers=args.workers, connections=args.connections, threads=args.threads,
    )  # fmt: skip
    result["publish"] = {**asdict(outcome), "connections": args.connections}
    log(f"   {publish_text(result)}")
    log("== where the time goes: each goal's page profiled in this process, page cache off")
    from django.conf import settings
    from django.test import Client

    from bench.profile import profile_page

    settings.PAGE_CACHE_ENABLED = False
    client = Client()
    result["profiles"] = {}
    for key, _label, path in targets:
        if key in ONE_READER_GOALS_MS:
            prof = profile_page(client, path, runs=10)
            result["profiles"][key] = {k: v for k, v in prof.items() if k != "top"}
            result["profiles"][key]["top"] = prof["top"][:5]
            log(f"   {key:<9} CPU {prof['cpu_ms']:.1f} ms, {prof['queries']} queries")
    connection.close()
    import django

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        pg_version = cursor.fetchone()[0]
    result["meta"] = {
        **machine(),
        "finished": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "seconds": round(time.monotonic() - started),
        "command": "make bench" if os.environ.get("MAKELEVEL") else " ".join(sys.argv),
        "load_before": load_before,
        "load_after": load_average(),
        "django": django.get_version(),
        "gunicorn": _version([str(ROOT / ".venv/bin/gunicorn"), "--version"])
        .split()[-1]
        .strip(")"),
        "wrk": _version(["wrk", "--version"]).split()[1],
        "postgresql": pg_version.split()[0],
        "workers": args.workers,
        "threads": args.threads,
        "connections": args.connections,
        "duration": args.duration,
        "single_duration": args.single_duration,
        "rounds": args.rounds,
        "dataset": summary,
    }
    text = report(result)
    print(text.replace(BEGIN, "").replace(END, "").strip())
    if not args.no_write:
        RESULTS.write_text(
            json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        write_doc(text)
        log(f"== wrote {RESULTS.relative_to(ROOT)} and {DOC.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
