"""Word-pair vectors beside the title and text, so that phrases are answered by an index."""

from django.db import migrations

from lsunion.search.indexes import pair_indexes


class Migration(migrations.Migration):
    dependencies = [("news", "0010_search_title_byline")]

    operations = [pair_indexes("news_article", "search_title", "search_text")]
