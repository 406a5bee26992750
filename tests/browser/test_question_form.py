"""The question form in a real browser: without JavaScript every field works and a refusal
keeps what was typed, only the proof of work cannot run, and the page says so; with
JavaScript the proof of work runs from our own files under the portal's CSP and the
question goes through to its tracking page."""

import pytest

from questions.models import Question

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

TITLE = "Công ty không trả lương làm thêm giờ ngày chủ nhật"
TEXT = "Tôi làm ở xưởng gỗ, chủ nhật nào cũng phải làm nhưng chỉ được trả như ngày thường."


def fill(page):
    page.select_option("#id_topic", label="Thời giờ làm việc, làm thêm giờ")
    page.fill("#id_title", TITLE)
    page.fill("#id_text", TEXT)
    page.check("#id_is_anonymous")
    page.fill("#id_phone", "0912 888 999")
    page.check("#id_consent")


def test_without_javascript_the_form_posts_and_only_the_proof_of_work_is_missing(new_context):
    context = new_context(java_script_enabled=False, viewport={"width": 360, "height": 800})
    page = context.new_page()
    page.goto("/hoi-dap/gui-cau-hoi/")
    notice = page.locator("noscript .pow-noscript, .pow-noscript")
    assert notice.first.is_visible()
    assert "cần JavaScript" in notice.first.inner_text()
    fill(page)
    page.click("form.public-form button[type=submit]")

    assert page.url.endswith("/hoi-dap/gui-cau-hoi/")
    assert "Chưa qua bước xác minh chống thư rác" in page.inner_text("main")
    assert page.input_value("#id_title") == TITLE
    assert page.input_value("#id_text") == TEXT
    assert page.input_value("#id_phone") == "0912 888 999"
    assert page.is_checked("#id_is_anonymous") and page.is_checked("#id_consent")
    assert not Question.objects.filter(title=TITLE).exists()


def test_with_javascript_the_proof_of_work_runs_and_the_question_is_received(new_context):
    context = new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto("/hoi-dap/gui-cau-hoi/")
    assert not page.locator(".pow-noscript").is_visible()
    fill(page)
    page.wait_for_selector("altcha-widget .altcha[data-state=verified]", timeout=30_000)
    page.click("form.public-form button[type=submit]")

    page.wait_for_url("**/hoi-dap/theo-doi/*/?moi=1")
    assert "Câu hỏi của bạn đã được gửi" in page.inner_text("main")
    question = Question.objects.get(title=TITLE)
    assert question.display_code in page.inner_text("main")
    assert errors == []
