from bench.setup_django import setup
import os
os.environ["DJANGO_PAGE_CACHE"]="0"
setup()
import time
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
c = Client()
import sys
for q in sys.argv[1:]:
    c.get("/tim-kiem/", {"q": q})
    with CaptureQueriesContext(connection) as ctx:
        t = time.perf_counter(); c.get("/tim-kiem/", {"q": q}); total = time.perf_counter()-t
    print(q, round(total*1000), "ms")
    for x in ctx.captured_queries:
        print("   ", x["time"], x["sql"][:60].replace("\n"," "), "...", x["sql"][-160:])
