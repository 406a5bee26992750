"""The contact form follows the rules of questions; both hold while Redis is down, since the
limits and the spent challenges live in the database."""

import pytest

from organizations.permissions import Role
from questions.models import ContactMessage, Question
from tests.questions.conftest import solved_proof, staff
from tests.smtp_sink import nothing_listens

pytestmark = pytest.mark.django_db
CONTACT = "/lien-he/gui/"
DEAD_REDIS_PORT = 8129  # in this worktree's range; nothing listens there


def send(client, proof=True, **fields):
    data = {"name": "Lò Văn Tú", "phone": "0912 777 888", "email": "", "subject": "Góp ý",
            "text": "Đề nghị đăng thêm lịch tiếp công dân của Liên đoàn.", "trang_web": "",
            **fields}  # fmt: skip
    if proof:
        data["altcha"] = solved_proof(client)
    return client.post(CONTACT, data)


def test_a_contact_message_reaches_the_province_and_only_its_staff(
    client, places, django_user_model
):
    response = send(client)
    assert response.status_code == 302
    assert "Thư của bạn đã được gửi" in client.get(response["Location"]).content.decode()
    message = ContactMessage.objects.get()
    assert message.body == places["province"]
    province_editor = staff(django_user_model, "bt.tinh", Role.EDITOR, places["province"])
    district_editor = staff(django_user_model, "bt.dl", Role.EDITOR, places["dinh_lap"])
    url = f"/quan-tri/questions/contactmessage/{message.pk}/change/"
    assert "0912 777 888" in province_editor.get(url).content.decode()
    assert district_editor.get(url).status_code == 403
    assert (
        "Lò Văn Tú"
        not in district_editor.get("/quan-tri/questions/contactmessage/").content.decode()
    )


def test_a_contact_message_without_proof_of_work_or_with_the_honeypot_is_refused_and_kept(
    client, places
):
    for response in (send(client, proof=False), send(client, trang_web="http://spam.example")):
        page = response.content.decode()
        assert response.status_code == 200
        assert "Chưa gửi được" in page and "lịch tiếp công dân" in page and "Lò Văn Tú" in page
    assert not ContactMessage.objects.exists()


def test_a_contact_flood_is_throttled(client, places, settings):
    settings.QUESTIONS_RATE_LIMITS = {**settings.QUESTIONS_RATE_LIMITS, "per_address": 1}
    assert send(client).status_code == 302
    refused = send(client, phone="0987 000 000")
    assert refused.status_code == 429
    assert "lịch tiếp công dân" in refused.content.decode()


def test_questions_are_received_and_limited_while_redis_is_down(ask, settings):
    assert nothing_listens(DEAD_REDIS_PORT)
    settings.CACHES = {
        "default": {
            "BACKEND": "lsunion.cache_backends.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{DEAD_REDIS_PORT}/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    settings.QUESTIONS_RATE_LIMITS = {**settings.QUESTIONS_RATE_LIMITS, "per_address": 1}
    assert ask().status_code == 302
    assert ask(phone="0987 000 000", email="").status_code == 429
    assert Question.objects.count() == 1
