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


# Word pairs: "cong doan dinh lap" -> congdoan, doandinh, dinhlap. A GIN index on single words
# answers a phrase only after re-reading every document that holds all its words (for common
# syllables, thousands of long vectors); one on adjacent pairs narrows a phrase to documents
# holding its pairs. The expression: the pairs starting at even word positions, then (first
# word dropped) those at odd positions – PostgreSQL's regular expressions cannot overlap.
PAIR_SUFFIX = "_pairs"
PAIRED_FIELDS = {
    "news_article": {"search_title", "search_text"},
    "awards_recipient": {"search_text"},
}


def _pairs_sql(field: str) -> str:
    text = f"coalesce({field}, '')"
    even = rf"regexp_replace({text}, '(\S+)\s+(\S+)', '\1\2', 'g')"
    odd = (
        rf"regexp_replace(regexp_replace({text}, '^\s*\S+\s*', ''), "
        rf"'(\S+)\s+(\S+)', '\1\2', 'g')"
    )
    return f"to_tsvector('simple'::regconfig, {even} || ' ' || {odd})"


def pair_indexes(table: str, *fields: str) -> migrations.RunPython:
    def forwards(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for field in fields:
            column = f"{field}{PAIR_SUFFIX}_tsv"
            schema_editor.execute(
                f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {column} tsvector "
                f"GENERATED ALWAYS AS ({_pairs_sql(field)}) STORED"
            )
            schema_editor.execute(
                f"CREATE INDEX IF NOT EXISTS {table}_{field}_pairs ON {table} USING gin ({column})"
            )

    def backwards(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for field in fields:
            schema_editor.execute(f"DROP INDEX IF EXISTS {table}_{field}_pairs")
            schema_editor.execute(
                f"ALTER TABLE {table} DROP COLUMN IF EXISTS {field}{PAIR_SUFFIX}_tsv"
            )

    return migrations.RunPython(forwards, backwards)
