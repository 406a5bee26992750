"""Gunicorn as configured for production (gunicorn.conf.py), under load on the test database.

A fresh worker's first PDF is as quick as the ones after it (WeasyPrint is warmed before the
workers fork); two workers hit a few hundred times stay under a measured memory bound; the
workers recycle at staggered counts. docs/deployment.md quotes these numbers.
"""

import os
import runpy
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.factories import ArticleFactory, CategoryFactory, UnionBodyFactory
from tests.test_redis_outage import free_port
from tests.test_scale_out import shared_database_url, shared_redis  # noqa: F401

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.django_db(transaction=True)

# Resident memory of one worker after the load below: measured 0 MB on this machine's
# PostgreSQL (docs/deployment.md), bound with margin.
RSS_BOUND_MB = 150


class Server:
    def __init__(self, *, workers: int, database_url: str, redis: tuple[str, str], media: Path):
        self.port = free_port(range(8410, 8417))
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = media.parent / "gunicorn.log"
        redis_url, prefix = redis
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.scale_out_settings",
            "DATABASE_URL": database_url,
            "REDIS_URL": redis_url,
            "DJANGO_CACHE_PREFIX": prefix,
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": "load-test-secret-0123456789-abcdefghijklmnopqrstu",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DJANGO_SECURE": "0",
            "DJANGO_PAGE_CACHE": "1",
            "DJANGO_MEDIA_ROOT": str(media),
        }
        command = [
            sys.executable, "-m", "gunicorn", "--config", str(ROOT / "gunicorn.conf.py"),
            "--workers", str(workers), "--bind", f"127.0.0.1:{self.port}",
            "--no-control-socket", "--error-logfile", str(self.log), "--log-level", "info",
        ]  # fmt: skip
        self.process = subprocess.Popen(command, cwd=ROOT, env=env)
        self.workers = workers

    def wait_until_ready(self) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.log.read_text()
            if len(self.worker_pids()) == self.workers:
                try:
                    with urllib.request.urlopen(f"{self.base}/suc-khoe/", timeout=5) as answer:
                        if answer.status == 200:
                            return
                except OSError:
                    pass
            time.sleep(0.2)
        pytest.fail(f"gunicorn never became ready:\n{self.log.read_text()}")

    def worker_pids(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()]

    def rss_mb(self, pid: int) -> float:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        raise AssertionError(f"no VmRSS for {pid}")

    def private_mb(self, pid: int) -> float:
        """Memory only this worker holds (RSS less the pages shared with the master)."""
        fields = dict(
            line.split(":", 1)
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]
        )
        kb = sum(int(fields[name].split()[0]) for name in ("Private_Clean", "Private_Dirty"))
        return kb / 1024

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@pytest.fixture
def articles(db):
    body = UnionBodyFactory(name="Công đoàn ngành Giáo dục", kind="sector")
    categories = [
        CategoryFactory(name=name, on_home=True, in_menu=True)
        for name in ("Tin hoạt động", "Chính sách – Pháp luật", "Gương điển hình")
    ]
    return [
        ArticleFactory(
            category=categories[n % 3],
            source_body=body,
            title=f"Hội nghị người lao động năm 2026 tại đơn vị số {n}",
            body="<p>Công đoàn cơ sở tổ chức hội nghị, bàn về thu nhập và an toàn lao động.</p>"
            * 20,
        )
        for n in range(30)
    ]


@pytest.fixture
def start(tmp_path, shared_redis):  # noqa: F811
    servers = []

    def run(workers: int) -> Server:
        media = tmp_path / "media"
        media.mkdir(exist_ok=True)
        server = Server(
            workers=workers,
            database_url=shared_database_url(tmp_path),
            redis=shared_redis,
            media=media,
        )
        servers.append(server)
        server.wait_until_ready()
        return server

    yield run
    for server in servers:
        server.stop()


def status_of(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=120) as answer:
            answer.read()
            return answer.status
    except urllib.error.HTTPError as error:
        return error.code


def timed_get(url: str) -> tuple[int, float]:
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=120) as answer:
        answer.read()
        return answer.status, time.perf_counter() - started


def test_the_first_pdf_of_a_fresh_worker_is_as_quick_as_the_next(start, articles):
    server = start(workers=1)
    first_status, first = timed_get(f"{server.base}{articles[0].get_absolute_url()}pdf/")
    later = [timed_get(f"{server.base}{a.get_absolute_url()}pdf/") for a in articles[1:6]]
    steady = statistics.median(seconds for _status, seconds in later)
    print(f"\nfirst PDF {first:.2f} s, then median {steady:.2f} s")
    assert first_status == 200 and all(status == 200 for status, _s in later)
    assert "PDF rendering warmed" in server.log.read_text()
    assert first < 0.5 + 3 * steady, (first, steady)


def test_two_workers_stay_under_the_memory_bound_under_load(start, articles):
    server = start(workers=2)
    paths = ["/", "/to-chuc/", "/khen-thuong/", "/tim-kiem/?q=an+toàn+lao+động"]
    paths += [a.get_absolute_url() for a in articles]
    paths += [f"{a.get_absolute_url()}pdf/" for a in articles[:8]]
    paths += [f"/tim-kiem/?q=hội+nghị+{n}&loai=tin-bai" for n in range(20)]
    paths += [f"/?utm_source=fb&fbclid={n}" for n in range(10)]
    statuses = []

    def reader(offset: int):
        for n in range(120):
            path = paths[(n + offset * 17) % len(paths)]
            statuses.append(status_of(server.base + urllib.parse.quote(path, safe="/?=&+")))

    readers = [threading.Thread(target=reader, args=(n,)) for n in range(3)]
    for thread in readers:
        thread.start()
    for thread in readers:
        thread.join(300)

    rss = {pid: server.rss_mb(pid) for pid in server.worker_pids()}
    private = [round(server.private_mb(pid), 1) for pid in rss]
    print(f"\n{len(statuses)} requests; worker RSS {sorted(round(v, 1) for v in rss.values())} MB,")
    print(f"of which private {sorted(private)} MB")
    assert len(statuses) == 360 and set(statuses) == {200}, sorted(set(statuses))
    assert len(rss) == 2
    assert max(rss.values()) < RSS_BOUND_MB, rss


def test_workers_recycle_at_staggered_counts_and_start_warm():
    config = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    assert config["max_requests"] == 5000
    # Each worker draws its own limit in [5000, 7500]: two never reach it together by design.
    assert config["max_requests_jitter"] == 2500
    assert config["preload_app"] is True and callable(config["when_ready"])
    assert config["timeout"] >= 60
