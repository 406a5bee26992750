import base64
import json
from datetime import date

import altcha
import pytest
from django.contrib.auth.models import Group
from django.test import Client

from organizations.models import StaffScope
from organizations.reorganisation import apply_reorganisation, plan_reorganisation
from questions.models import Question, Topic
from tests.factories import UnionBodyFactory

ASK = "/hoi-dap/gui-cau-hoi/"
TEXT = (
    "Tôi làm công nhân may ở công ty được 3 năm, hợp đồng không xác định thời hạn. "
    "Công ty trả lương làm thêm giờ vào ngày nghỉ hằng tuần chỉ bằng 150% có đúng không?"
)


def solved_proof(client) -> str:
    """What the browser's widget sends after solving the challenge our server gave it."""
    challenge = client.get("/hoi-dap/thu-thach/").json()
    solution = altcha.solve_challenge(
        challenge["challenge"], challenge["salt"], challenge["algorithm"], challenge["maxNumber"]
    )
    payload = {
        "algorithm": challenge["algorithm"],
        "challenge": challenge["challenge"],
        "number": solution.number,
        "salt": challenge["salt"],
        "signature": challenge["signature"],
    }
    return base64.b64encode(json.dumps(payload).encode()).decode()


@pytest.fixture
def places():
    province = UnionBodyFactory(
        name="Liên đoàn Lao động tỉnh Lạng Sơn", short_name="LĐLĐ tỉnh", kind="provincial"
    )
    van_quan = UnionBodyFactory(
        name="Liên đoàn Lao động huyện Văn Quan", short_name="LĐLĐ huyện Văn Quan",
        kind="district", parent=province,
    )  # fmt: skip
    dinh_lap = UnionBodyFactory(
        name="Liên đoàn Lao động huyện Đình Lập", short_name="LĐLĐ huyện Đình Lập",
        kind="district", parent=province,
    )  # fmt: skip
    health = UnionBodyFactory(
        name="Công đoàn ngành Y tế tỉnh Lạng Sơn", short_name="Công đoàn ngành Y tế",
        kind="sectoral", parent=province,
    )  # fmt: skip
    hospital = UnionBodyFactory(
        name="Công đoàn cơ sở Bệnh viện Đa khoa tỉnh Lạng Sơn",
        short_name="CĐCS Bệnh viện Đa khoa tỉnh", parent=health,
    )  # fmt: skip
    return {
        "province": province, "van_quan": van_quan, "dinh_lap": dinh_lap, "health": health,
        "hospital": hospital,
    }  # fmt: skip


def dissolve(body, successor):
    apply_reorganisation(
        plan=plan_reorganisation(
            bodies=[body], on=date(2025, 7, 1), successor=successor, kind="merge"
        )
    )
    body.refresh_from_db()


@pytest.fixture
def topic():
    return Topic.objects.create(name="Tiền lương, làm thêm giờ")


@pytest.fixture
def ask(client, topic, places, django_capture_on_commit_callbacks):
    """ask(**fields) -> the response to posting the form as a person would, proof solved.
    What runs after the commit (the mail handed to the task queue) runs too."""

    def post(proof=True, client=client, files=None, **fields):
        data = {
            "topic": topic.pk,
            "title": "Lương làm thêm giờ ngày nghỉ hằng tuần",
            "text": TEXT,
            "workplace": "",
            "district": "",
            "asker_name": "Hoàng Thị Mai",
            "phone": "0912 345 678",
            "email": "mai.hoang@example.vn",
            "consent": "on",
            "trang_web": "",
            **fields,
        }
        if proof is True:
            data["altcha"] = solved_proof(client)
        elif proof:
            data["altcha"] = proof
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(ASK, {**data, **(files or {})})

    return post


def staff(django_user_model, name, role, *bodies, email=""):
    user = django_user_model.objects.create_user(name, email=email, is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    StaffScope.objects.create(user=user).bodies.set(bodies)
    client = Client()
    client.force_login(user)
    client.user = user
    return client


def latest() -> Question:
    return Question.objects.order_by("-pk").first()


def published(topic, title="Làm thêm giờ vào ngày nghỉ hằng tuần được trả thế nào?", **fields):
    """A question answered and published, as the admin leaves it."""
    from django.utils import timezone

    now = timezone.now()
    defaults = {
        "title": "Hỏi riêng", "text": "…", "phone": "0912000111", "topic": topic,
        "public_title": title, "public_question": "Công ty trả 150% có đúng không?",
        "public_answer": "Ít nhất bằng 200% tiền lương theo công việc đang làm.",
        "legal_basis": "Bộ luật Lao động năm 2019, Điều 98",
        "status": Question.Status.ANSWERED, "publication": Question.Publication.PUBLISHED,
        "anonymised_confirmed": True, "published_at": now, "answered_at": now, "closed_at": now,
    }  # fmt: skip
    return Question.objects.create(**{**defaults, **fields})
