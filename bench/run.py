"""`make bench`: every public page under load, beside a hello-world view on the same server.

    make bench                                   (or: .venv/bin/python -m bench.run)
    .venv/bin/python -m bench.run --duration 5   (a quicker, noisier run)

1. Creates and migrates the benchmark database (BENCH_DATABASE_URL, PostgreSQL) and fills it
   with ten years of content (bench/dataset.py; skipped when it is already there).
2. Serves the site with gunicorn under production settings (DEBUG off, Redis cache, the
   database pool), twice: with the anonymous page cache, then without (DJANGO_PAGE_CACHE=0).
3. Drives each page from a second process with wrk on loopback: throughput, p50 and p99
   under a burst (--connections), and the p50 of a single reader (server time per page).
   The baseline is /bench/hello/, the smallest Django view, measured on the same server in
   the same run (best of before and after the pages), so ratios hold across machines.
4. Reads each worker's resident memory at the end, prints the table, and writes it to
   bench/results/last.json and docs/performance.md.
"""

import argparse
import json
import os
import platform
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from bench.setup_django import ROOT, database_url, ensure_database, setup

RESULTS = ROOT / "bench" / "results" / "last.json"
DOC = ROOT / "docs" / "performance.md"
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/5")
CACHE_PREFIX = "lsunion-bench"
SECRET = "bench-only-secret-key-0123456789-abcdefghijklmnop"  # noqa: S105 - a loopback benchmark

# Pages whose targets are ratios of hello-world throughput (docs/performance.md).
CACHED_TARGETS = {"home": 0.80, "category": 0.80, "article": 0.80}
UNCACHED_TARGETS = {"home": 0.08, "article": 0.12}
SEARCH_P50_MS = 30.0
WORKER_RSS_MB = 200


@dataclass
class Measure:
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int
    single_p50_ms: float | None = None


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


# -- the server -----------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def clear_cache() -> None:
    """Remove the benchmark's keys (and only those) from its Redis database."""
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    for key in client.scan_iter(f"{CACHE_PREFIX}:*", count=1000):
        client.delete(key)


class Server:
    """gunicorn under production settings, on its own port and control-socket-free."""

    def __init__(self, *, page_cache: bool, workers: int):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "lsunion.settings.base",
            "DATABASE_URL": database_url(),
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": SECRET,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DJANGO_SECURE": "0",
            "REDIS_URL": REDIS_URL,
            "DJANGO_CACHE_PREFIX": CACHE_PREFIX,
            "DJANGO_PAGE_CACHE": "1" if page_cache else "0",
            "DJANGO_BENCH": "1",
        }
        mode = "cached" if page_cache else "uncached"
        self.log = ROOT / "artifacts" / f"bench-gunicorn-{mode}.log"
        self.log.parent.mkdir(parents=True, exist_ok=True)
        command = [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            "lsunion.wsgi:application",
            "--workers", str(workers),
            "--bind", f"127.0.0.1:{self.port}",
            "--no-control-socket",
            "--error-logfile", str(self.log),
            "--timeout", "60",
        ]  # fmt: skip
        self.process = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)  # noqa: S603
        self._wait_until_healthy()

    def _wait_until_healthy(self) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"gunicorn stopped; see {self.log}")
            try:
                with urllib.request.urlopen(f"{self.base}/suc-khoe/", timeout=5) as response:  # noqa: S310
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        raise SystemExit(f"gunicorn did not become healthy; see {self.log}")

    def get(self, path: str) -> tuple[int, int]:
        with urllib.request.urlopen(self.base + path, timeout=60) as response:  # noqa: S310
            return response.status, len(response.read())

    def worker_rss_mb(self) -> list[float]:
        """Resident memory of each worker (the master's children), from /proc."""
        pid = self.process.pid
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        sizes = []
        for child in children:
            status = Path(f"/proc/{child}/status").read_text()
            match = re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE)
            if match:
                sizes.append(round(int(match.group(1)) / 1024, 1))
        return sizes

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


# -- the load generator ---------------------------------------------------------------------


def _ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def wrk(url: str, *, threads: int, connections: int, duration: int) -> Measure:
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency", url]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = _ms(re.search(r"^\s+50%\s+(\S+)", out, re.MULTILINE).group(1))
    p99 = _ms(re.search(r"^\s+99%\s+(\S+)", out, re.MULTILINE).group(1))
    errors = 0
    if match := re.search(r"Non-2xx or 3xx responses: (\d+)", out):
        errors += int(match.group(1))
    if match := re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out
    ):
        errors += sum(int(n) for n in match.groups())
    return Measure(rps=rps, p50_ms=p50, p99_ms=p99, errors=errors)


def measure(server: Server, path: str, args) -> Measure:
    url = server.base + path
    burst = wrk(url, threads=args.threads, connections=args.connections, duration=args.duration)
    single = wrk(url, threads=1, connections=1, duration=args.single_duration)
    burst.single_p50_ms = single.p50_ms
    return burst


def run_mode(*, page_cache: bool, targets, args) -> dict:
    mode = "cached" if page_cache else "uncached"
    clear_cache()
    server = Server(page_cache=page_cache, workers=args.workers)
    try:
        log(f"== {mode}: gunicorn, {args.workers} workers, {server.base}")
        for _key, _label, path in [("hello", "", "/bench/hello/"), *targets]:
            for _ in range(args.warm):
                status, _size = server.get(path)
                if status != 200:
                    raise SystemExit(f"{path} answered {status}")
        sizes = {key: server.get(path)[1] for key, _label, path in targets}
        results = {}
        hello_before = measure(server, "/bench/hello/", args)
        log(f"   hello world          {hello_before.rps:8.0f} req/s")
        for key, label, path in targets:
            results[key] = measure(server, path, args)
            log(f"   {label:<28} {results[key].rps:8.0f} req/s  p50 {results[key].p50_ms:.1f} ms")
        hello_after = measure(server, "/bench/hello/", args)
        log(f"   hello world (after)  {hello_after.rps:8.0f} req/s")
        rss = server.worker_rss_mb()
    finally:
        server.stop()
    hello = max(hello_before, hello_after, key=lambda m: m.rps)
    return {
        "hello": asdict(hello),
        "hello_before_rps": hello_before.rps,
        "hello_after_rps": hello_after.rps,
        "pages": {key: asdict(value) for key, value in results.items()},
        "html_bytes": sizes,
        "worker_rss_mb": rss,
    }


# -- the report -----------------------------------------------------------------------------


def verdicts(result: dict) -> list[tuple[str, bool, str]]:
    cached, uncached = result["cached"], result["uncached"]

    def ratio(run, key):
        return run["pages"][key]["rps"] / run["hello"]["rps"]

    checks = []
    for key, target in CACHED_TARGETS.items():
        r = ratio(cached, key)
        checks.append((f"cached {key} ≥ {target:.0%} of hello", r >= target, f"{r:.0%}"))
    for key, target in UNCACHED_TARGETS.items():
        r = ratio(uncached, key)
        checks.append((f"uncached {key} ≥ {target:.0%} of hello", r >= target, f"{r:.1%}"))
    deep = uncached["pages"]["category_deep"]["rps"] / uncached["pages"]["category"]["rps"]
    checks.append(
        ("uncached category page 500 at least half as fast as page 1", deep >= 0.5, f"{deep:.2f}×")
    )
    search = uncached["pages"]["search"]["single_p50_ms"]
    checks.append((f"site search p50 (one reader) ≤ {SEARCH_P50_MS:.0f} ms", search <= SEARCH_P50_MS,
                   f"{search:.1f} ms"))  # fmt: skip
    rss = max(cached["worker_rss_mb"] + uncached["worker_rss_mb"])
    checks.append(
        (f"each worker < {WORKER_RSS_MB} MB resident", rss < WORKER_RSS_MB, f"{rss:.0f} MB")
    )
    return checks


def table(result: dict) -> str:
    lines = [
        "| page | cached req/s | × hello | p50 / p99 ms | uncached req/s | × hello "
        "| p50 / p99 ms | one reader p50 ms | HTML KB |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    cached, uncached = result["cached"], result["uncached"]

    def cell(run, m):
        return (
            f"{m['rps']:,.0f}",
            f"{m['rps'] / run['hello']['rps']:.0%}" if m is not run["hello"] else "1",
            f"{m['p50_ms']:.1f} / {m['p99_ms']:.1f}",
        )

    rows = [("hello", "Hello world (`/bench/hello/`)", "/bench/hello/")] + [
        tuple(p) for p in result["pages"]
    ]
    for key, label, _path in rows:
        c = cached["hello"] if key == "hello" else cached["pages"][key]
        u = uncached["hello"] if key == "hello" else uncached["pages"][key]
        cc = ("{:,.0f}".format(c["rps"]), "100%", f"{c['p50_ms']:.1f} / {c['p99_ms']:.1f}")
        uc = ("{:,.0f}".format(u["rps"]), "100%", f"{u['p50_ms']:.1f} / {u['p99_ms']:.1f}")
        if key != "hello":
            cc, uc = cell(cached, c), cell(uncached, u)
        size = "" if key == "hello" else f"{uncached['html_bytes'][key] / 1024:.0f}"
        errors = c["errors"] + u["errors"]
        flag = f" ⚠ {errors} errors" if errors else ""
        lines.append(
            f"| {label}{flag} | {cc[0]} | {cc[1]} | {cc[2]} | {uc[0]} | {uc[1]} | {uc[2]} "
            f"| {u['single_p50_ms']:.1f} | {size} |"
        )
    return "\n".join(lines)


def report(result: dict) -> str:
    meta = result["meta"]
    checks = "\n".join(
        f"- {'✅' if ok else '❌'} {name}: **{value}**" for name, ok, value in verdicts(result)
    )
    data = ", ".join(f"{k.replace('_', ' ')} {v:,}" for k, v in meta["dataset"].items())
    return f"""{BEGIN}
_Written by `make bench` on {meta["finished"]}; raw numbers in `bench/results/last.json`._

- Command: `{meta["command"]}`
- Machine: {meta["cpu"]}, {meta["cores"]} cores, {meta["memory_gb"]} GB; {meta["platform"]}
- Load average before / after: {meta["load_before"]} / {meta["load_after"]} (other work on the
  machine lowers every figure; the ratios to hello world, measured alongside, much less)
- Server: gunicorn {meta["gunicorn"]}, {meta["workers"]} sync workers, DEBUG off, Redis cache,
  PostgreSQL {meta["postgresql"]} with the connection pool; wrk {meta["wrk"]}:
  `-t{meta["threads"]} -c{meta["connections"]} -d{meta["duration"]}s` per page, then one
  connection for {meta["single_duration"]} s (the single-reader p50 is server time per page)
- Dataset: {data}

{table(result)}

Worker resident memory at the end: cached run {result["cached"]["worker_rss_mb"]} MB,
uncached run {result["uncached"]["worker_rss_mb"]} MB.

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
    result["cached"] = run_mode(page_cache=True, targets=targets, args=args)
    result["uncached"] = run_mode(page_cache=False, targets=targets, args=args)
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
