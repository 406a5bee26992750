"""The byline joins an article's search text ("Tin và ảnh: Đỗ Thị Gấm" finds her articles)."""

from django.db import migrations

from lsunion.html import strip_tags
from lsunion.text import normalise

BATCH = 500


def forwards(apps, schema_editor):
    Article = apps.get_model("news", "Article")
    rows = Article.objects.exclude(byline="").only("title", "summary", "byline", "body")
    batch = []
    for article in rows.iterator(chunk_size=BATCH):
        article.search_text = normalise(
            " ".join([article.title, article.summary, article.byline, strip_tags(article.body)])
        )
        batch.append(article)
        if len(batch) >= BATCH:
            Article.objects.bulk_update(batch, ["search_text"])
            batch = []
    if batch:
        Article.objects.bulk_update(batch, ["search_text"])


class Migration(migrations.Migration):
    dependencies = [("news", "0008_mentioned_people")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
