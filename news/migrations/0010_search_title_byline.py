"""The byline ranks with the title: search_title is the title and the byline."""

from django.db import migrations

from lsunion.text import normalise

BATCH = 1000


def forwards(apps, schema_editor):
    Article = apps.get_model("news", "Article")
    rows = Article.objects.exclude(byline="").only("title", "byline").order_by("pk")
    batch = []
    for article in rows.iterator(chunk_size=BATCH):
        article.search_title = normalise(f"{article.title} {article.byline}")
        batch.append(article)
        if len(batch) >= BATCH:
            Article.objects.bulk_update(batch, ["search_title"])
            batch = []
    if batch:
        Article.objects.bulk_update(batch, ["search_title"])


class Migration(migrations.Migration):
    dependencies = [("news", "0009_search_text_byline")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
