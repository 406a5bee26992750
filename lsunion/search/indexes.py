"""Migration helper: stored full-text vectors with GIN indexes, on PostgreSQL only.

For each search field `f` the table gets a generated column `f_tsv` holding
to_tsvector('simple', f), and a GIN index on it. Queries test the stored vector
(lsunion.search.engine), so checking a row never recomputes the vector of a long text –
which is what made phrase queries over 100,000 articles slow. SQLite has neither and
searches the text itself.
"""

from django.db import migrations


def gin_indexes(table: str, *fields: str) -> migrations.RunPython:
    def forwards(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for field in fields:
            schema_editor.execute(
                f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {field}_tsv tsvector "
                f"GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, coalesce({field}, ''))) STORED"
            )
            schema_editor.execute(
                f"CREATE INDEX IF NOT EXISTS {table}_{field}_fts ON {table} USING gin ({field}_tsv)"
            )

    def backwards(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for field in fields:
            schema_editor.execute(f"DROP INDEX IF EXISTS {table}_{field}_fts")
            schema_editor.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS {field}_tsv")

    return migrations.RunPython(forwards, backwards)
