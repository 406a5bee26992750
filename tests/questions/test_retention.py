"""Askers' contacts are erased once the retention period after a question is closed has
passed, by a command that is safe to run every day."""

from datetime import timedelta
from pathlib import Path

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from questions import services
from questions.models import ContactMessage, Question, Submission, UsedChallenge
from tests.conftest import make_jpeg
from tests.questions.conftest import latest

pytestmark = pytest.mark.django_db


def run() -> str:
    from io import StringIO

    out = StringIO()
    call_command("erase_expired_contacts", stdout=out)
    return out.getvalue()


def test_contacts_are_erased_after_the_retention_period_and_the_command_is_idempotent(
    ask, settings, places
):
    settings.QUESTIONS_CONTACT_RETENTION_DAYS = 730
    photo = SimpleUploadedFile("hd.jpg", make_jpeg(200, 100), "image/jpeg")
    ask(workplace="Nhà máy gạch Tuynel", files={"attachment": photo})
    closed = latest()
    services.answer(question=closed, by=None, text="Được trả ít nhất 200%.")
    ask(phone="0987 000 111", email="khac@example.vn")
    still_open = latest()
    message = ContactMessage.objects.create(subject="Góp ý", text="…", name="Lò Văn Tú",
                                            phone="0912777888", body=places["province"])  # fmt: skip
    attachment = Path(closed.attachment.path)
    assert attachment.exists()

    with time_machine.travel(timezone.now() + timedelta(days=729)):
        assert "của 0 câu hỏi" in run()
    closed.refresh_from_db()
    assert closed.phone == "0912 345 678"

    with time_machine.travel(timezone.now() + timedelta(days=731)):
        report = run()
        assert "của 1 câu hỏi, 1 thư liên hệ" in report
        again = run()
        assert "của 0 câu hỏi, 0 thư liên hệ" in again

    closed.refresh_from_db()
    assert (closed.asker_name, closed.phone, closed.email, closed.workplace) == ("", "", "", "")
    assert not closed.attachment and not attachment.exists()
    assert closed.contacts_erased_at is not None
    # The question and its answer stay: the record of what the union answered.
    assert closed.text and closed.private_answer == "Được trả ít nhất 200%."
    still_open.refresh_from_db()
    assert still_open.phone == "0987 000 111"  # not closed: its clock has not started
    message.refresh_from_db()
    assert (message.name, message.phone) == ("", "")
    # Counts for the rate limits and spent challenges do not outlive their window.
    assert not Submission.objects.exists() and not UsedChallenge.objects.exists()


def test_an_erased_question_still_shows_its_state_on_the_tracking_page(ask, client):
    ask()
    question = latest()
    services.decline(question=question, by=None, reason="Không thuộc lĩnh vực lao động.")
    Question.objects.filter(pk=question.pk).update(closed_at=timezone.now() - timedelta(days=800))
    run()
    page = client.get(question.get_tracking_url())
    assert page.status_code == 200
    assert "Không thuộc lĩnh vực lao động" in page.content.decode()
