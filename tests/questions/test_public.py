"""Hỏi đáp for readers: published answers by topic, newest and most read, each on its own
page with the date answered and the law it relies on, found by site search without
diacritics; constant queries whatever the number of answers; cached until something changes."""

from datetime import timedelta

import pytest
from django.utils import timezone

from lsunion.cache import content_version
from questions.models import Question, Topic
from tests.questions.conftest import published

pytestmark = pytest.mark.django_db


def test_the_list_shows_the_newest_answers_the_most_read_and_the_topics(client, topic):
    old = published(topic, "Hợp đồng thời vụ ký mấy lần?", read_count=500,
                    published_at=timezone.now() - timedelta(days=9))  # fmt: skip
    new = published(topic, "Đoàn phí công đoàn bằng bao nhiêu?", read_count=3)
    Question.objects.create(title="Chưa trả lời", text="…", topic=topic, phone="0912000222",
                            public_title="Bản công khai chưa duyệt",
                            publication=Question.Publication.REVIEW)  # fmt: skip
    page = client.get("/hoi-dap/").content.decode()
    newest = page[page.index("Mới trả lời") : page.index("Đọc nhiều")]
    assert newest.index(new.public_title) < newest.index(old.public_title)
    most_read = page[page.index("Đọc nhiều") :]
    assert most_read.index(old.public_title) < most_read.index(new.public_title)
    assert topic.get_absolute_url() in page
    assert "Bản công khai chưa duyệt" not in page


def test_a_topic_page_lists_only_its_answers(client, topic):
    other = Topic.objects.create(name="Chế độ thai sản")
    mine = published(topic, "Làm thêm ngày lễ được trả bao nhiêu?")
    published(other, "Nghỉ thai sản mấy tháng?")
    page = client.get(topic.get_absolute_url()).content.decode()
    assert mine.public_title in page and "Nghỉ thai sản mấy tháng?" not in page


def test_an_answer_shows_its_date_its_law_and_a_note_when_the_law_changed(client, topic):
    answered = timezone.now() - timedelta(days=400)
    question = published(topic, answered_at=answered, published_at=answered,
                         legal_basis="Luật Việc làm năm 2013, Điều 49\nNghị định số 28/2015/NĐ-CP")  # fmt: skip
    page = client.get(question.get_absolute_url()).content.decode()
    assert timezone.localtime(answered).strftime("%d/%m/%Y") in page
    # One line each, as the staff wrote them (linked where the documents library holds them).
    assert "<p>Luật Việc làm năm 2013, Điều 49<br>Nghị định số 28/2015/NĐ-CP</p>" in page
    assert "quy định đã thay đổi" not in page

    question.law_changed_note = "Luật Việc làm năm 2025 thay thế luật này từ 01/01/2026."
    question.save()
    page = client.get(question.get_absolute_url()).content.decode()
    assert "Lưu ý: quy định đã thay đổi sau ngày trả lời." in page
    assert "thay thế luật này từ 01/01/2026" in page


def test_what_is_not_published_has_no_public_page(client, topic):
    draft = published(topic, publication=Question.Publication.REVIEW)
    assert draft.slug is None
    gone = published(topic, "Đã gỡ xuống")
    url = gone.get_absolute_url()
    gone.publication = Question.Publication.DRAFT
    gone.save()
    assert client.get(url).status_code == 404
    assert url not in client.get("/sitemap-hoi-dap.xml").content.decode()


def test_site_search_finds_an_answer_typed_without_diacritics(client, topic):
    question = published(
        topic, "Bị cắt giảm có được hưởng bảo hiểm thất nghiệp không?",
        public_answer="Bạn được hưởng trợ cấp bảo hiểm thất nghiệp khi đã đóng đủ 12 tháng.",
    )  # fmt: skip
    published(topic, "Làm thêm giờ ngày lễ")
    page = client.get("/tim-kiem/", {"q": "bao hiem that nghiep"}).content.decode()
    assert question.get_absolute_url() in page
    assert "Hỏi đáp" in page
    only = client.get("/tim-kiem/", {"q": "bao hiem that nghiep", "loai": "hoi-dap"})
    assert question.get_absolute_url() in only.content.decode()


@pytest.mark.parametrize("url", ["/hoi-dap/", "topic", "detail", "/hoi-dap/gui-cau-hoi/"])
def test_pages_cost_the_same_queries_with_few_or_many_answers(url, topic, page_queries):
    first = published(topic, "Câu hỏi đầu tiên về tiền lương")
    target = {"topic": topic.get_absolute_url(), "detail": first.get_absolute_url()}.get(url, url)
    few = page_queries(target)
    other = Topic.objects.create(name="Bảo hiểm xã hội")
    for n in range(30):
        published(topic if n % 2 else other, f"Câu hỏi số {n} về bảo hiểm",
                  read_count=n)  # fmt: skip
    many = page_queries(target)
    assert many == few, (few, many)
    assert many <= 8


def test_publishing_shows_at_once_a_new_question_does_not_touch_the_cache(client, topic):
    assert client.get("/hoi-dap/").status_code == 200
    before = content_version()
    Question.objects.create(title="Câu mới", text="…", topic=topic, phone="0912000333")
    assert content_version() == before  # a question arriving changes nothing readers see
    question = published(topic, "Lương tối thiểu vùng năm nay là bao nhiêu?")
    assert content_version() != before
    assert question.public_title in client.get("/hoi-dap/").content.decode()


def test_a_read_is_counted_by_one_post_and_junk_is_harmless(client, topic):
    question = published(topic)
    url = f"{question.get_absolute_url()}da-doc/"
    assert client.post(url).status_code == 204
    assert client.post(url).status_code == 204
    question.refresh_from_db()
    assert question.read_count == 2
    assert client.get(url).status_code == 404
    assert client.post("/hoi-dap/khong-co/da-doc/").status_code == 204
