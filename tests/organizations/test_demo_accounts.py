"""What the README promises about the demo accounts holds on today's date: each logs in with
the documented password and its lists show records of a union body that still exists."""

import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from awards.models import Decision
from news.models import Article
from organizations.demo import DEMO_PASSWORD
from organizations.models import Meeting, StaffScope

pytestmark = pytest.mark.django_db
README = Path(__file__).resolve().parents[2] / "README.md"
# The lists each role works in, and how their rows reach a union body.
LISTS = {
    "Phóng viên": [("news/article", Article, "source_body")],
    "Biên tập viên": [
        ("news/article", Article, "source_body"),
        ("organizations/meeting", Meeting, "organiser"),
    ],
    "Tổng biên tập": [("news/article", Article, "source_body")],
    "Cán bộ thi đua – khen thưởng": [("awards/decision", Decision, "issuing_body")],
    "Quản trị viên": [("news/article", Article, "source_body")],
}


def readme_accounts() -> list[tuple[str, str]]:
    rows = re.findall(r"^\| `([\w.]+)` \| ([^|]+?) \|", README.read_text(), re.MULTILINE)
    assert len(rows) == 5, rows
    return rows


def living(body) -> bool:
    return body is not None and (
        body.dissolved_on is None or body.dissolved_on > timezone.localdate()
    )


@pytest.mark.parametrize("username, role", readme_accounts())
def test_each_readme_demo_account_logs_in_and_works_on_a_living_body(
    client, settings, username, role
):
    settings.DEBUG = True  # the demo accounts exist only on a development machine
    call_command("load_demo", stdout=None)
    settings.DEBUG = False
    assert readme_accounts()  # the table names the accounts the demo creates
    login = client.post(
        "/quan-tri/login/?next=/quan-tri/",
        {"username": username, "password": DEMO_PASSWORD},
        follow=True,
    )
    assert login.status_code == 200
    assert login.wsgi_request.user.username == username
    assert role in login.wsgi_request.user.groups.values_list("name", flat=True)
    assert "Bàn làm việc" in login.content.decode()

    scope = StaffScope.objects.filter(user__username=username).first()
    assert all(living(body) for body in (scope.bodies.all() if scope else [])), username
    for url, model, body_field in LISTS[role]:
        page = client.get(f"/quan-tri/{url}/").content.decode()
        ids = {int(pk) for pk in re.findall(rf'href="/quan-tri/{url}/(\d+)/change/', page)}
        rows = model.objects.filter(pk__in=ids).select_related(body_field)
        assert any(living(getattr(row, body_field)) for row in rows), (username, url)
