from bench.setup_django import setup
setup()
from django.db import connection
from lsunion.search import engine, registry
from lsunion.search.query import parse
import time, sys
src = registry.get("tin-bai")
q = parse(sys.argv[1])
base = engine.base_queryset(src)
matching = engine.match(base, src.text_field, q.groups)
in_text = engine._ordered(engine.exclude_match(matching, src.title_field, q.groups), src)
anyq = engine._ordered(engine.exclude_match(engine.match(base, src.text_field, q.groups, "any"), src.text_field, q.groups), src)
for name, qs in [("text", in_text[:1]), ("some", anyq[:200])]:
    sql, params = qs.query.sql_with_params()
    with connection.cursor() as c:
        c.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
        print(name)
        for row in c.fetchall(): print("   ", row[0][:220])
