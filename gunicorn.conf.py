"""gunicorn for lsunion in production: `gunicorn -c gunicorn.conf.py` (docs/deployment.md).

Values here are the defaults the tests measured; the command line or GUNICORN_CMD_ARGS
override any of them (`--bind`, `--workers`).
"""

import multiprocessing
import os
import time

wsgi_app = "lsunion.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Sync workers, about two per core: pages are CPU work (template rendering).
workers = int(os.environ.get("GUNICORN_WORKERS", 2 * multiprocessing.cpu_count()))
worker_class = "sync"

# Recycle workers now and then, each after its own count between 5,000 and 7,500
# requests, so they never all restart at the same moment.
max_requests = 5000
max_requests_jitter = 2500

# Load Django and warm WeasyPrint (Pango, the embedded Noto Sans, the PDF template) once in
# the master; every worker, the first ones and each recycled one, starts warm. Deploying new
# code therefore needs a restart, not a reload (HUP keeps the loaded code).
preload_app = True

# A worker silent this long is killed. Far above any page or PDF measured under load
# (docs/deployment.md), so only a hung worker ever reaches it.
timeout = 90
graceful_timeout = 30
keepalive = 5

forwarded_allow_ips = "127.0.0.1"


def when_ready(server):
    """Before the first worker forks."""
    started = time.monotonic()
    try:
        from news.pdf.render import warm_up

        warm_up()
    except Exception:  # the site serves without PDFs rather than not at all
        server.log.exception("PDF warm-up failed: the first PDF of each worker will be slow")
        return
    server.log.info("PDF rendering warmed in %.1f s", time.monotonic() - started)
