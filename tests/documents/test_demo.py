"""The demo library: the documents the seed articles cite, each with a small generated PDF."""

import pytest
from django.core.management import call_command

from documents.models import Document
from news.models import Article

pytestmark = pytest.mark.django_db


def test_the_demo_holds_the_seed_citations_with_pdfs_and_links_them(client):
    call_command("load_demo", verbosity=0)
    symbols = set(Document.objects.values_list("symbol", flat=True))
    assert {"34-CT/TW", "58/KH-TLĐ", "30-CT/TU"} <= symbols
    for document in Document.objects.all():
        with document.file.open("rb") as handle:
            assert handle.read(5) == b"%PDF-"
        assert "ban pdf mau" in document.search_text  # read from its PDF
        assert document.preview.name.endswith(".png")
    ct34 = Document.objects.get(symbol="34-CT/TW")
    assert (ct34.issuer.name, ct34.issued_on.isoformat()) == ("Bộ Chính trị", "2014-04-07")
    article = Article.objects.published().get(body__contains="34-CT/TW")
    page = client.get(article.get_absolute_url()).content.decode()
    assert f'<a class="cited-document" href="{ct34.get_absolute_url()}">' in page
    assert (
        f'href="{article.get_absolute_url()}"'
        in client.get(ct34.get_absolute_url()).content.decode()
    )
    old = Document.objects.get(symbol="12/2012/QH13")
    assert old.state == Document.State.REPLACED and old.replaced_by.get().symbol == "50/2024/QH15"

    count, files = Document.objects.count(), sorted(Document.objects.values_list("file", flat=True))
    call_command("load_demo", verbosity=0)
    assert Document.objects.count() == count
    assert sorted(Document.objects.values_list("file", flat=True)) == files
