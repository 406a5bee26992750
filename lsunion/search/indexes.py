"""Migration helper: GIN full-text indexes on search fields, on PostgreSQL only.

The indexed expression is exactly the one lsunion.search.engine.TextSearchMatch filters on.
"""

from django.db import migrations


def gin_indexes(table: str, *fields: str) -> migrations.RunPython:
    def forwards(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for field in fields:
            schema_editor.execute(
                f"CREATE INDEX IF NOT EXISTS {table}_{field}_fts ON {table} "
                f"USING gin (to_tsvector('simple'::regconfig, {field}))"
            )

    def backwards(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for field in fields:
            schema_editor.execute(f"DROP INDEX IF EXISTS {table}_{field}_fts")

    return migrations.RunPython(forwards, backwards)
