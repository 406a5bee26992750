"""Database features the portal relies on: the Vietnamese collation and trigram search.

SQLite gets its "vi" collation at connection time (lsunion.collation); PostgreSQL keeps an
ICU collation of the same name, so `vi_order()` means the same on both.
"""

from django.db import migrations

POSTGRES_UP = [
    "CREATE COLLATION IF NOT EXISTS vi (provider = icu, locale = 'vi-VN')",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
]
POSTGRES_DOWN = ["DROP COLLATION IF EXISTS vi"]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in POSTGRES_UP:
            schema_editor.execute(statement)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in POSTGRES_DOWN:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    initial = True
    dependencies = []
    operations = [migrations.RunPython(forwards, backwards)]
