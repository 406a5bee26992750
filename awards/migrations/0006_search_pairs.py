"""Word-pair vectors beside a recipient's text, so that names are answered by an index."""

from django.db import migrations

from lsunion.search.indexes import pair_indexes


class Migration(migrations.Migration):
    dependencies = [("awards", "0005_recipient_unit_body")]

    operations = [pair_indexes("awards_recipient", "search_text")]
