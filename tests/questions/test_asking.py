"""A worker asks: the question is stored before anything else, gets a tracking code, and the
form refuses bots and floods in Vietnamese while keeping what the person typed."""

import io
import re

import pytest
from django.conf import settings
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from lsunion.models import OutgoingMail
from questions import services
from questions.models import Question, Submission, UsedChallenge
from tests.conftest import make_jpeg
from tests.questions.conftest import ASK, TEXT, latest, solved_proof
from tests.smtp_sink import nothing_listens

pytestmark = pytest.mark.django_db
SMTP_PORT = 8121  # in this worktree's range; nothing listens there


def test_a_question_is_stored_routed_and_acknowledged_with_its_tracking_code(ask, places):
    response = ask(district=places["van_quan"].pk)

    question = latest()
    assert response.status_code == 302
    assert response["Location"] == f"/hoi-dap/theo-doi/{question.code}/?moi=1"
    assert re.fullmatch(r"[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}", question.code)
    assert question.text == TEXT
    assert question.status == Question.Status.RECEIVED
    assert question.body == places["van_quan"]
    (ack,) = mail.outbox
    assert ack.to == ["mai.hoang@example.vn"]
    assert question.display_code in ack.subject
    assert f"/hoi-dap/theo-doi/{question.code}/" in ack.body


def test_a_question_is_stored_when_the_mail_server_is_down(ask, settings):
    assert nothing_listens(SMTP_PORT)
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": SMTP_PORT, "timeout": 2},
        }
    }
    response = ask()

    assert response.status_code == 302
    question = latest()
    assert question.title == "Lương làm thêm giờ ngày nghỉ hằng tuần"
    outgoing = OutgoingMail.objects.get()
    assert outgoing.status == OutgoingMail.Status.FAILED  # kept, to be tried again
    assert outgoing.recipient_list == ["mai.hoang@example.vn"]
    assert question.code in outgoing.body


def test_the_tracking_page_shows_each_state(ask, client, django_user_model):
    ask(asker_name="", is_anonymous="on")
    question = latest()
    url = question.get_tracking_url()

    def state():
        page = client.get(url)
        assert page.status_code == 200
        assert page["Cache-Control"].startswith("private") or "no-store" in page["Cache-Control"]
        return page.content.decode()

    new = client.get(url + "?moi=1").content.decode()
    assert "Câu hỏi của bạn đã được gửi" in new and question.display_code in new
    assert "Đã tiếp nhận" in state()

    question.status = Question.Status.ANSWERING
    question.save()
    assert "Đang trả lời" in state()

    services.answer(question=question, by=None, text="Theo Điều 98 Bộ luật Lao động: ít nhất 200%.")
    page = state()
    assert "Đã trả lời" in page and "ít nhất 200%" in page

    question.show_answer_on_tracking = False
    question.save()
    assert "đã được gửi riêng cho bạn" in state()

    question.public_title = "Tiền lương làm thêm vào ngày nghỉ hằng tuần"
    question.public_answer = "Ít nhất bằng 200% tiền lương theo công việc đang làm."
    question.save()
    services.publish(question=question, by=None, confirmed=True)
    page = state()
    assert "đã đăng trên mục Hỏi đáp" in page and question.get_absolute_url() in page

    declined = Question.objects.create(
        title="Hỏi về việc riêng", text="…", topic=question.topic, phone="0912000111"
    )
    services.decline(question=declined, by=None, reason="Câu hỏi không thuộc lĩnh vực lao động.")
    page = client.get(declined.get_tracking_url()).content.decode()
    assert "Từ chối trả lời" in page and "không thuộc lĩnh vực lao động" in page


@pytest.mark.parametrize(
    "path",
    [
        "/hoi-dap/theo-doi/AAAAAAAAAA/",  # well formed, no such question
        "/hoi-dap/theo-doi/ABC-DEF-GHJ-KMN-PQR/",
        "/hoi-dap/theo-doi/%3Cscript%3E/",
        "/hoi-dap/theo-doi/' OR 1=1 --/",
        "/hoi-dap/theo-doi/" + "A" * 300 + "/",
        "/hoi-dap/khong-co-cau-hoi-nay/",
        "/hoi-dap/chu-de/khong-co/",
    ],
)
def test_a_bad_code_or_address_is_404(client, path):
    assert client.get(path).status_code == 404


def test_a_code_typed_in_lower_case_with_a_dash_finds_the_question(ask, client):
    ask()
    question = latest()
    typed = f"{question.code[:5].lower()}-{question.code[5:].lower()}"
    response = client.get("/hoi-dap/theo-doi/", {"code": typed})
    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200
    assert client.get("/hoi-dap/theo-doi/", {"code": "sai"}).status_code == 200


def _refused_and_kept(response, message):
    page = response.content.decode()
    assert message in page, page
    assert "Lương làm thêm giờ ngày nghỉ hằng tuần" in page  # the title typed
    assert "hợp đồng không xác định thời hạn" in page  # and the text
    assert "0912 345 678" in page


def test_a_bot_without_the_proof_of_work_is_refused_with_the_text_kept(ask):
    response = ask(proof=False)
    assert response.status_code == 200
    _refused_and_kept(response, "Chưa qua bước xác minh chống thư rác")
    assert not Question.objects.exists()
    assert Submission.objects.filter(accepted=False).count() == 1


def test_a_forged_or_replayed_proof_of_work_is_refused(ask, client):
    forged = ask(proof="eyJhbGdvcml0aG0iOiJTSEEtMjU2In0=")
    _refused_and_kept(forged, "không hợp lệ")
    proof = solved_proof(client)
    assert ask(proof=proof).status_code == 302
    replay = ask(proof=proof)
    _refused_and_kept(replay, "đã được dùng")
    assert Question.objects.count() == 1
    assert UsedChallenge.objects.count() == 1


def test_a_filled_honeypot_is_refused_with_the_text_kept(ask):
    response = ask(trang_web="http://spam.example/")
    _refused_and_kept(response, "phải để trống")
    assert not Question.objects.exists()


def test_a_flood_from_one_address_is_throttled_with_the_text_kept(ask, settings):
    settings.QUESTIONS_RATE_LIMITS = {**settings.QUESTIONS_RATE_LIMITS, "per_address": 2}
    for n in range(2):
        assert ask(phone=f"091234500{n}", email=f"nguoi{n}@example.vn").status_code == 302
    response = ask()
    assert response.status_code == 429
    _refused_and_kept(response, "nhiều câu gửi đến trong thời gian ngắn")
    assert Question.objects.count() == 2


def test_a_flood_from_one_contact_is_throttled_across_addresses(ask, client, settings):
    settings.QUESTIONS_RATE_LIMITS = {**settings.QUESTIONS_RATE_LIMITS, "per_contact": 2}
    for n in range(2):
        client.defaults["REMOTE_ADDR"] = f"10.0.0.{n}"
        assert ask(email="").status_code == 302
    client.defaults["REMOTE_ADDR"] = "10.9.9.9"  # a third address, the same phone number
    response = ask(email="")
    assert response.status_code == 429
    _refused_and_kept(response, "Số điện thoại hoặc thư điện tử này đã gửi nhiều câu")
    assert Question.objects.count() == 2


def test_many_refused_posts_from_one_address_are_throttled_too(ask, settings):
    settings.QUESTIONS_RATE_LIMITS = {**settings.QUESTIONS_RATE_LIMITS, "attempts": 3}
    for _ in range(3):
        ask(proof=False)
    response = ask()
    assert response.status_code == 429
    _refused_and_kept(response, "quá nhiều lần")


def test_a_name_or_anonymity_and_a_contact_are_asked_for_in_vietnamese(ask):
    page = ask(asker_name="", phone="", email="").content.decode()
    assert "Hãy ghi họ và tên, hoặc đánh dấu" in page
    assert "Hãy để lại số điện thoại hoặc thư điện tử" in page
    assert not Question.objects.exists()
    assert ask(asker_name="", is_anonymous="on", email="").status_code == 302
    assert latest().asker_name == "" and latest().is_anonymous


def test_an_anonymous_asker_s_typed_name_is_not_kept(ask):
    ask(is_anonymous="on", asker_name="Hoàng Thị Mai")
    assert latest().asker_name == ""


@pytest.mark.parametrize(
    "fields",
    [
        {"text": "Nội dung\x00có NUL"},
        {"title": "\x00" * 10},
        {"text": "x" * (settings.QUESTIONS_TEXT_MAX_CHARS + 1)},
        {"title": "t" * 5000},
        {"topic": "không-phải-số"},
        {"topic": "999999999999999999999"},
        {"district": "-1"},
        {"phone": "gọi tôi nhé"},
        {"email": "không phải thư"},
        {"altcha": "\x00\xff" * 3000},
        {"consent": ""},
    ],
    ids=lambda f: next(iter(f)),
)
def test_junk_input_is_a_vietnamese_form_error_never_a_500(ask, fields):
    proof = fields.pop("altcha", True)
    response = ask(proof=proof, **fields)
    assert response.status_code == 200
    assert "Chưa gửi được" in response.content.decode()
    assert not Question.objects.exists()


def _upload(name, data, content_type):
    return {"attachment": SimpleUploadedFile(name, data, content_type=content_type)}


def test_a_photo_attachment_is_kept_privately_without_its_metadata(ask, settings):
    photo = make_jpeg(800, 600, exif_gps=True)
    assert ask(files=_upload("hop-dong-cua-mai.jpg", photo, "image/jpeg")).status_code == 302
    question = latest()
    name = question.attachment.name
    assert "mai" not in name and name.endswith(".jpg")
    path = question.attachment.path
    assert path.startswith(str(settings.QUESTIONS_PRIVATE_ROOT))
    assert not path.startswith(str(settings.MEDIA_ROOT))
    with Image.open(path) as stored:
        assert not stored.getexif()


def test_a_pdf_attachment_is_accepted_by_its_content(ask):
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    assert ask(files=_upload("hop-dong.pdf", pdf, "application/pdf")).status_code == 302
    assert latest().attachment.name.endswith(".pdf")


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("anh.jpg", b"<html><script>alert(1)</script></html>"),
        ("hop-dong.pdf", b"MZ\x90\x00 not a pdf"),
        ("anh.png", make_jpeg(50, 50)),  # a JPEG calling itself PNG
        ("trang.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'),
    ],
)
def test_an_attachment_that_is_not_what_it_says_is_refused(ask, name, data):
    response = ask(files=_upload(name, data, "application/octet-stream"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Chỉ nhận ảnh" in page or "không phải là PDF" in page
    assert "tệp đính kèm cần được chọn lại" in page
    assert not Question.objects.exists()


def test_an_attachment_over_the_size_limit_is_refused(ask, settings):
    settings.QUESTIONS_ATTACHMENT_MAX_BYTES = 1024
    out = io.BytesIO()
    Image.new("RGB", (400, 400), (10, 200, 30)).save(out, "PNG")
    response = ask(files=_upload("anh.png", out.getvalue() + b"\0" * 2048, "image/png"))
    assert "Tệp đính kèm quá lớn" in response.content.decode()


def test_the_form_works_without_javascript_except_the_proof_of_work_which_says_so(client, topic):
    page = client.get(ASK)
    html = page.content.decode()
    assert page.status_code == 200
    assert "<noscript>" in html and "cần JavaScript" in html
    assert 'method="post"' in html and 'enctype="multipart/form-data"' in html
    # Our own script and challenge address: nothing from another origin.
    assert 'src="/static/altcha/altcha.min.js"' in html
    assert 'challengeurl="/hoi-dap/thu-thach/"' in html
    assert "worker-src 'self' blob:" in page["Content-Security-Policy"]
    assert "script-src 'self'" in page["Content-Security-Policy"]


def test_the_form_costs_the_same_queries_whatever_the_number_of_topics_and_districts(
    client, topic, places, django_assert_max_num_queries
):
    from questions.models import Topic
    from tests.factories import UnionBodyFactory

    def queries():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as ctx:
            assert client.get(ASK).status_code == 200
        return len(ctx.captured_queries)

    small = queries()
    for n in range(15):
        Topic.objects.create(name=f"Chủ đề {n}")
        UnionBodyFactory(name=f"LĐLĐ huyện số {n}", kind="district", parent=places["province"])
    assert queries() == small
