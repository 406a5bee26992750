"""Cited documents become links where the library holds them: in article bodies, meeting
outcomes and a decision's legal basis, at rendering time, without touching what was written."""

from datetime import date

import pytest

from documents.models import Citation
from news.models import Article
from tests.factories import (
    ArticleFactory,
    DecisionFactory,
    DocumentFactory,
    DocumentKindFactory,
    IssuerFactory,
    MeetingFactory,
    UnionBodyFactory,
)

pytestmark = pytest.mark.django_db
BODY = (
    "<p>Quán triệt Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị (Khóa XI); "
    "Kế hoạch số 58/KH-TLĐ ngày 25/9/2014 của Tổng Liên đoàn Lao động Việt Nam.</p>"
)


def article_body(client, article) -> str:
    page = client.get(article.get_absolute_url()).content.decode()
    return page.split('class="article-body">', 1)[1].split("</div>", 1)[0]


def ct34():
    return DocumentFactory(symbol="34-CT/TW", issued_on=date(2014, 4, 7))


def kh58():
    return DocumentFactory(symbol="58/KH-TLĐ", kind=DocumentKindFactory(name="Kế hoạch", code="KH"),
                           issuer=IssuerFactory(name="Tổng Liên đoàn", code="TLĐ"),
                           issued_on=date(2014, 9, 25))  # fmt: skip


def test_an_article_saved_after_the_document_links_it(client):
    document = ct34()
    article = ArticleFactory(body=BODY)
    body = article_body(client, article)
    assert (f'<a class="cited-document" href="{document.get_absolute_url()}">'
            "Chỉ thị số 34-CT/TW</a> ngày 07/4/2014") in body  # fmt: skip
    assert "Kế hoạch số 58/KH-TLĐ ngày" in body and body.count("<a ") == 1


def test_an_article_saved_before_the_document_links_it_once_the_document_is_added(client):
    kind = DocumentKindFactory(name="Kế hoạch", code="KH")
    issuer = IssuerFactory(name="Tổng Liên đoàn", code="TLĐ")
    owner = UnionBodyFactory(kind="provincial")
    article = ArticleFactory(body=BODY)
    assert "cited-document" not in article_body(client, article)  # cached now
    saved = Article.objects.get(pk=article.pk).updated_at
    # Adding the document changes the content version: the cached page goes.
    document = DocumentFactory(symbol="58/KH-TLĐ", kind=kind, issuer=issuer, owner=owner,
                               issued_on=date(2014, 9, 25))  # fmt: skip
    body = article_body(client, article)
    assert (
        f'<a class="cited-document" href="{document.get_absolute_url()}">Kế hoạch số 58/KH-TLĐ</a>'
        in body
    )
    article.refresh_from_db()
    assert article.body == BODY and article.updated_at == saved  # never rewritten


def test_an_unpublished_document_is_not_linked(client):
    DocumentFactory(symbol="34-CT/TW", issued_on=date(2014, 4, 7), is_published=False)
    assert "cited-document" not in article_body(client, ArticleFactory(body=BODY))


def test_a_short_citation_links_only_when_the_library_holds_one_such(client):
    document = ct34()
    article = ArticleFactory(body="<p>Thực hiện CT 34 và Chỉ thị 34 của Bộ Chính trị.</p>")
    body = article_body(client, article)
    assert body.count(f'href="{document.get_absolute_url()}"') == 2
    DocumentFactory(symbol="34-CT/TU", issuer=IssuerFactory(name="Tỉnh ủy", code="TU"))
    assert "cited-document" not in article_body(client, article)  # which one? none


def test_the_year_of_the_citation_chooses_among_documents_of_the_same_number(client):
    ct34()
    older = DocumentFactory(symbol="34-CT/TW", issued_on=date(1998, 6, 1))
    article = ArticleFactory(
        body="<p>Chỉ thị số 34-CT/TW ngày 01/6/1998 và Chỉ thị số 34-CT/TW.</p>"
    )
    body = article_body(client, article)
    assert body.count("cited-document") == 1 and f'href="{older.get_absolute_url()}"' in body


def test_text_already_linked_by_the_editor_is_left_alone(client):
    ct34()
    article = ArticleFactory(
        body='<p><a href="https://example.vn/ct34">Chỉ thị số 34-CT/TW</a></p>'
    )
    body = article_body(client, article)
    assert "cited-document" not in body and 'href="https://example.vn/ct34"' in body


def test_meeting_outcomes_link_the_documents_they_cite(client):
    document = kh58()
    meeting = MeetingFactory(outcomes="<p>Triển khai Kế hoạch 58/KH-TLĐ trong năm 2015.</p>")
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert (
        f'<a class="cited-document" href="{document.get_absolute_url()}">Kế hoạch 58/KH-TLĐ</a>'
        in page
    )


def test_a_decisions_legal_basis_becomes_links_to_the_documents_it_rests_on(client):
    document = ct34()
    decision = DecisionFactory(legal_basis="Điều lệ Công đoàn Việt Nam;\nChỉ thị số 34-CT/TW ngày "
                               "07/4/2014 của Bộ Chính trị;\n<script>alert(1)</script>")  # fmt: skip
    page = client.get(decision.get_absolute_url()).content.decode()
    basis = page.split("Căn cứ</h2>", 1)[1].split("</p>", 1)[0]
    assert "Điều lệ Công đoàn Việt Nam;<br>" in basis
    assert (
        f'<a class="cited-document" href="{document.get_absolute_url()}">Chỉ thị số 34-CT/TW</a>'
        in basis
    )
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in basis and "<script>alert" not in page


def test_linking_costs_one_query_whatever_the_number_of_citations(page_queries):
    ct34(), kh58()
    one = ArticleFactory(body="<p>Chỉ thị số 34-CT/TW.</p>")
    many = ArticleFactory(body="".join(f"<p>Chỉ thị số 34-CT/TW, Kế hoạch 58/KH-TLĐ, CT {i}, "
                                       f"Quyết định số {i}/QĐ-LĐLĐ.</p>" for i in range(1, 40)))  # fmt: skip
    none = ArticleFactory(body="<p>Không trích dẫn văn bản nào.</p>")
    assert page_queries(one.get_absolute_url()) == page_queries(many.get_absolute_url())
    assert page_queries(none.get_absolute_url()) == page_queries(one.get_absolute_url()) - 1


def test_citations_are_recorded_on_save_and_forgotten_on_delete():
    article = ArticleFactory(body=BODY)
    assert sorted(Citation.objects.values_list("key", "year")) == [
        ("34|ct|tw", 2014), ("58|kh|tld", 2014),
    ]  # fmt: skip
    article.body = "<p>Chỉ thị số 30-CT/TU</p>"
    article.save()
    assert list(Citation.objects.values_list("key", flat=True)) == ["30|ct|tu"]
    article.delete()
    assert not Citation.objects.exists()


def test_texts_saved_without_signals_are_recorded_by_the_command():
    from django.core.management import call_command

    article = ArticleFactory(body="<p>Theo Kế hoạch 58/KH-TLĐ</p>")
    Citation.objects.all().delete()
    Article.objects.filter(pk=article.pk).update(body="<p>Theo Chỉ thị số 30-CT/TU</p>")
    call_command("record_citations", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert list(Citation.objects.values_list("key", flat=True)) == ["30|ct|tu"]


def test_an_answers_legal_basis_links_the_documents_the_library_holds(client):
    from questions.models import Topic
    from tests.questions.conftest import published

    document = ct34()
    question = published(
        Topic.objects.create(name="Tổ chức công đoàn"),
        legal_basis="Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị\nĐiều lệ Công đoàn Việt Nam",
    )
    page = client.get(question.get_absolute_url()).content.decode()
    assert (f'<a class="cited-document" href="{document.get_absolute_url()}">'
            "Chỉ thị số 34-CT/TW</a> ngày 07/4/2014") in page  # fmt: skip
    assert "<br>Điều lệ Công đoàn Việt Nam" in page
    # The document's page lists the answer among what cites it, by its public title only.
    document_page = client.get(document.get_absolute_url()).content.decode()
    assert question.public_title in document_page
    assert question.title not in document_page  # the asker's own words stay private
