"""gunicorn under production settings, on its own port, for the benchmark."""

import os
import re
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

from bench.setup_django import ROOT, database_url

REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/5")
CACHE_PREFIX = "lsunion-bench"
SECRET = "bench-only-secret-key-0123456789-abcdefghijklmnop"  # noqa: S105 - a loopback benchmark
# Each request's end, path, status, milliseconds and, for a page the server rendered (not a
# stored copy), the time of the render (the X-Rendered header, sent only under DJANGO_BENCH).
ACCESS_FORMAT = '%(t)s "%(U)s%(q)s" %(s)s %(M)s %({x-rendered}o)s'


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
    """gunicorn under production settings, control-socket-free."""

    def __init__(self, *, page_cache: bool, workers: int, access_log: Path | None = None):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.mode = "cached" if page_cache else "uncached"
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
        self.log = ROOT / "artifacts" / f"bench-gunicorn-{self.mode}.log"
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
        if access_log is not None:
            command += ["--access-logfile", str(access_log), "--access-logformat", ACCESS_FORMAT]
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

    def warm(self, paths, times: int) -> None:
        for path in paths:
            for _ in range(times):
                status, _size = self.get(path)
                if status != 200:
                    raise SystemExit(f"{path} answered {status}")

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
