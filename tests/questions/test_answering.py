"""The union answers in the admin: questions are routed to the body whose scope covers the
asker, answered privately or published after the staff remove the asker's details, and the
public version is reviewed like an article (a Phóng viên cannot publish)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from lsunion.models import OutgoingMail
from organizations.permissions import Role
from questions import services
from questions.models import Question, QuestionNote
from tests.admin_forms import form_data
from tests.conftest import make_jpeg
from tests.questions.conftest import dissolve, latest, staff

pytestmark = pytest.mark.django_db
ADMIN = "/quan-tri/questions/question"
PUBLIC_QUESTION = (
    "Tôi làm công nhân may, hợp đồng không xác định thời hạn. Công ty trả lương làm thêm giờ "
    "vào ngày nghỉ hằng tuần chỉ bằng 150% có đúng không?"
)
PUBLIC_ANSWER = (
    "Theo Điều 98 Bộ luật Lao động năm 2019, làm thêm giờ vào ngày nghỉ hằng tuần được trả ít "
    "nhất bằng 200% tiền lương theo công việc đang làm."
)


def change_url(question):
    return f"{ADMIN}/{question.pk}/change/"


def post_change(client, question, **changes):
    data = form_data(client.get(change_url(question)).content.decode())
    for name, value in changes.items():
        data[name] = [value] if isinstance(value, str) else value
    return client.post(change_url(question), data)


@pytest.fixture
def asked(ask, places):
    """A question from a worker at the hospital, and one from Đình Lập."""
    ask(workplace="Bệnh viện Đa khoa tỉnh Lạng Sơn", asker_name="Hoàng Thị Mai",
        files={"attachment": SimpleUploadedFile("hd.jpg", make_jpeg(300, 200), "image/jpeg")})  # fmt: skip
    hospital = latest()
    ask(district=places["dinh_lap"].pk, phone="0987 111 222", email="lan@example.vn",
        title="Hợp đồng thời vụ ký mấy lần",
        asker_name="Nông Văn Lân", workplace="Công ty Than Na Dương")  # fmt: skip
    return {"hospital": hospital, "dinh_lap": latest()}


@pytest.fixture
def people(django_user_model, places):
    return {
        "health_reporter": staff(django_user_model, "pv.yte", Role.REPORTER, places["health"]),
        "health_editor": staff(django_user_model, "bt.yte", Role.EDITOR, places["health"],
                               email="bt.yte@example.vn"),
        "dinh_lap_editor": staff(django_user_model, "bt.dl", Role.EDITOR, places["dinh_lap"]),
        "awards": staff(django_user_model, "tdkt", Role.AWARDS_STAFF, places["province"]),
        "chief": staff(django_user_model, "tbt", Role.CHIEF_EDITOR),
    }  # fmt: skip


def test_a_question_goes_to_the_union_above_the_workplace_else_the_district_else_the_province(
    places,
):
    route = services.route
    assert route(workplace="Bệnh viện Đa khoa tỉnh Lạng Sơn", district=None) == places["health"]
    assert route(workplace="", district=places["van_quan"]) == places["van_quan"]
    assert route(workplace="Một công ty chưa có trong danh bạ", district=None) == places["province"]
    # Since the 2025 reorganisation the district federations are history: their successor answers.
    dissolve(places["van_quan"], places["province"])
    assert route(workplace="", district=places["van_quan"]) == places["province"]


def test_staff_outside_the_routed_scope_cannot_see_the_question(asked, people):
    hospital, dinh_lap = asked["hospital"], asked["dinh_lap"]
    reporter = people["health_reporter"]
    listing = reporter.get(f"{ADMIN}/").content.decode()
    assert f"/{hospital.pk}/change/" in listing
    assert f"/{dinh_lap.pk}/change/" not in listing
    assert reporter.get(change_url(dinh_lap)).status_code == 403
    assert reporter.get(f"{ADMIN}/{dinh_lap.pk}/tep-dinh-kem/").status_code in (403, 404)

    other = people["dinh_lap_editor"]
    assert other.get(change_url(hospital)).status_code == 403
    assert other.get(f"{ADMIN}/{hospital.pk}/tep-dinh-kem/").status_code == 403
    assert "Hoàng Thị Mai" not in other.get(f"{ADMIN}/").content.decode()
    before = Question.objects.get(pk=hospital.pk).private_answer
    assert other.post(change_url(hospital), {"private_answer": "x"}).status_code == 403
    assert Question.objects.get(pk=hospital.pk).private_answer == before

    assert people["awards"].get(f"{ADMIN}/").status_code == 403
    chief = people["chief"].get(f"{ADMIN}/").content.decode()
    assert f"/{hospital.pk}/change/" in chief and f"/{dinh_lap.pk}/change/" in chief


def test_the_staff_who_answer_see_the_contacts_and_the_attachment(asked, people):
    hospital = asked["hospital"]
    page = people["health_reporter"].get(change_url(hospital)).content.decode()
    assert "Hoàng Thị Mai" in page and "0912 345 678" in page and "mai.hoang@example.vn" in page
    download = people["health_reporter"].get(f"{ADMIN}/{hospital.pk}/tep-dinh-kem/")
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    assert b"".join(download.streaming_content)[:2] == b"\xff\xd8"  # the JPEG itself


def test_an_answer_sent_privately_is_mailed_and_shown_on_the_tracking_page(
    asked, people, client, django_capture_on_commit_callbacks
):
    hospital = asked["hospital"]
    editor = people["health_editor"]
    with django_capture_on_commit_callbacks(execute=True):
        response = post_change(
            editor, hospital, status="answered", assigned_to=str(editor.user.pk),
            private_answer=PUBLIC_ANSWER, send_answer_mail="on",
        )  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:3000]
    hospital.refresh_from_db()
    assert hospital.status == Question.Status.ANSWERED
    assert hospital.answered_by == editor.user and hospital.closed_at is not None
    answer_mail = OutgoingMail.objects.filter(kind="Trả lời câu hỏi").get()
    assert answer_mail.recipient_list == ["mai.hoang@example.vn"]
    assert "200%" in answer_mail.body
    assert "200%" in client.get(hospital.get_tracking_url()).content.decode()


def test_a_decline_needs_a_reason_the_asker_sees(asked, people, client):
    hospital = asked["hospital"]
    page = post_change(people["health_editor"], hospital, status="declined").content.decode()
    assert "Hãy ghi lý do từ chối" in page
    post_change(people["health_editor"], hospital, status="declined",
                decline_reason="Câu hỏi trùng với câu đã trả lời.")  # fmt: skip
    assert "trùng với câu đã trả lời" in client.get(hospital.get_tracking_url()).content.decode()


def test_internal_notes_are_kept_with_their_author_and_never_shown_to_the_asker(
    asked, people, client
):
    hospital = asked["hospital"]
    reporter = people["health_reporter"]
    response = post_change(reporter, hospital, **{"notes-0-text": "Đã gọi điện, hẹn thứ hai."})
    assert response.status_code == 302
    note = QuestionNote.objects.get()
    assert note.author == reporter.user and note.question == hospital
    assert "hẹn thứ hai" not in client.get(hospital.get_tracking_url()).content.decode()


def _public_version(**extra):
    return {"public_title": "Tiền lương làm thêm giờ vào ngày nghỉ hằng tuần",
            "public_question": PUBLIC_QUESTION, "public_answer": PUBLIC_ANSWER,
            "legal_basis": "Bộ luật Lao động năm 2019, Điều 98", **extra}  # fmt: skip


def test_a_reporter_cannot_publish_an_editor_can_after_confirming(asked, people):
    hospital = asked["hospital"]
    reporter, editor = people["health_reporter"], people["health_editor"]

    form = reporter.get(change_url(hospital)).content.decode()
    assert 'value="submit"' in form and 'value="publish"' not in form
    refused = post_change(reporter, hospital, publication_step="publish",
                          confirm_anonymised="on", **_public_version())  # fmt: skip
    assert refused.status_code == 200  # not a choice the reporter has
    hospital.refresh_from_db()
    assert hospital.publication == Question.Publication.NONE

    post_change(reporter, hospital, publication_step="submit", **_public_version())
    hospital.refresh_from_db()
    assert hospital.publication == Question.Publication.REVIEW
    assert OutgoingMail.objects.filter(kind="Hỏi đáp chờ duyệt").get().recipient_list == [
        "bt.yte@example.vn"
    ]

    unconfirmed = post_change(editor, hospital, publication_step="publish")
    assert "xác nhận bản công khai không còn thông tin cá nhân" in unconfirmed.content.decode()
    post_change(editor, hospital, publication_step="publish", confirm_anonymised="on")
    hospital.refresh_from_db()
    assert hospital.publication == Question.Publication.PUBLISHED
    assert hospital.approved_by == editor.user and hospital.anonymised_confirmed
    assert hospital.status == Question.Status.ANSWERED
    # Published: the reporter may no longer change it.
    assert reporter.post(change_url(hospital), {"public_answer": "x"}).status_code == 403


@pytest.mark.parametrize(
    ("leak", "what"),
    [
        ({"public_question": PUBLIC_QUESTION + " Số của tôi 0912345678."}, "số điện thoại"),
        ({"public_answer": PUBLIC_ANSWER + " Chị Hoàng Thị Mai cần…"}, "tên người hỏi"),
        ({"public_question": "Tôi là mai.hoang@example.vn."}, "thư điện tử"),
        ({"public_title": "Lương ở Bệnh viện Đa khoa tỉnh Lạng Sơn"}, "nơi làm việc"),
    ],
)
def test_a_public_version_that_still_names_or_reaches_the_asker_is_refused(
    asked, people, leak, what
):
    hospital = asked["hospital"]
    page = post_change(people["health_editor"], hospital, publication_step="publish",
                       confirm_anonymised="on", **_public_version(**leak)).content.decode()  # fmt: skip
    assert f"Bản công khai còn chứa {what}" in page
    hospital.refresh_from_db()
    assert hospital.publication == Question.Publication.NONE


def test_a_published_answer_never_carries_the_asker_s_contacts(asked, people, client):
    hospital = asked["hospital"]
    post_change(people["health_editor"], hospital, publication_step="publish",
                confirm_anonymised="on", **_public_version())  # fmt: skip
    hospital.refresh_from_db()
    assert hospital.is_public
    pages = {
        "detail": client.get(hospital.get_absolute_url()),
        "list": client.get("/hoi-dap/"),
        "topic": client.get(hospital.topic.get_absolute_url()),
        "search": client.get("/tim-kiem/", {"q": "lam them gio ngay nghi"}),
        "sitemap": client.get("/sitemap-hoi-dap.xml"),
    }
    for name, response in pages.items():
        assert response.status_code == 200, name
        text = response.content.decode()
        for private in ("Hoàng Thị Mai", "0912 345 678", "0912345678", "mai.hoang@example.vn",
                        "Bệnh viện Đa khoa", hospital.code):  # fmt: skip
            assert private not in text, (name, private)
    found = pages["search"].content.decode()
    assert hospital.get_absolute_url() in found, found[found.find("<main") :][:3000]
    for private in ("hoang thi mai", "0912", "mai hoang", "benh vien"):
        assert private not in hospital.search_text


def test_the_desk_shows_each_answerer_the_questions_waiting_in_their_scope(asked, people):
    desk = people["health_reporter"].get("/quan-tri/").content.decode()
    assert "Câu hỏi chờ trả lời" in desk
    assert asked["hospital"].title in desk and asked["dinh_lap"].title not in desk
    assert "1 chờ trả lời" in desk
    assert "Câu hỏi chờ trả lời" not in people["awards"].get("/quan-tri/").content.decode()


def test_the_public_version_starts_as_a_copy_of_the_question_to_edit(asked, people):
    page = people["health_editor"].get(change_url(asked["hospital"])).content.decode()
    data = form_data(page)
    assert data["public_title"] == ["Lương làm thêm giờ ngày nghỉ hằng tuần"]
    assert "hợp đồng không xác định thời hạn" in data["public_question"][0]
