"""Every public page type is valid HTML, as judged by the W3C Nu HTML checker (vnu-jar).

The pages are rendered through the test client on the demo content (plus an article published
"now", whose timestamp carries microseconds), written to one folder and checked by a single
run of the checker on the machine's Java: one JVM start for all pages.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from awards.models import Decision, Recipient
from documents.models import Document
from news.models import Article
from organizations.models import EmulationBlock, Meeting, Person
from questions.models import Question
from sitepages.models import MenuItem, Page
from tests.factories import ArticleFactory

ROOT = Path(__file__).resolve().parents[1]
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

pytestmark = pytest.mark.django_db


def _java() -> str:
    java = shutil.which("java")
    if java is None:
        pytest.fail("java is missing: `make test` installs it (apt package default-jre-headless).")
    if not VNU.exists():
        pytest.fail(f"{VNU} is missing: `make test` runs npm ci (package.json).")
    return java


def _pages() -> dict[str, tuple[str, int]]:
    """Name -> (URL, expected status) for every public page type."""
    reported = Article.objects.published().exclude(source_body=None).first()
    with_photos = Article.objects.published().filter(photos__isnull=False).first()
    assert reported is not None and with_photos is not None
    now = ArticleFactory(published_at=timezone.now(), category=reported.category)
    body = reported.source_body
    meeting = Meeting.objects.filter(articles__isnull=False).first() or Meeting.objects.first()
    person = Person.objects.first()
    block = EmulationBlock.objects.first()
    decision = Decision.objects.published().filter(recipients__isnull=False).first()
    recipient = Recipient.objects.filter(decision=decision).first()
    document = Document.objects.published().filter(symbol="34-CT/TW").first()
    replaced = Document.objects.published().filter(replaced_by__isnull=False).first()
    answer = Question.objects.published().exclude(law_changed_note="").first()
    assert None not in (meeting, person, block, decision, recipient, document, replaced, answer)
    other_page = Page.objects.create(title="Quy chế", body="<p>Điều 1.</p>")
    # A nested menu item and a footer heading: every page shows the menus.
    top = MenuItem.objects.get(target="section:organizations:directory")
    MenuItem.objects.create(parent=top, target="section:organizations:block-list")
    heading = MenuItem.objects.create(menu="footer", title="Liên kết khác")
    MenuItem.objects.create(menu="footer", parent=heading, url="https://www.congdoan.vn/")
    return {
        "home": ("/", 200),
        "category": (reported.category.get_absolute_url(), 200),
        "article-photos": (with_photos.get_absolute_url(), 200),
        "article-reported": (reported.get_absolute_url(), 200),
        "article-now": (now.get_absolute_url(), 200),
        "directory": (reverse("organizations:directory"), 200),
        "body": (body.get_absolute_url(), 200),
        "body-news": (reverse("news:body-news", kwargs={"slug": body.slug}), 200),
        "meetings": (reverse("organizations:meeting-list"), 200),
        "meeting": (meeting.get_absolute_url(), 200),
        "person": (person.get_absolute_url(), 200),
        "blocks": (reverse("organizations:block-list"), 200),
        "block": (block.get_absolute_url(), 200),
        "awards": (reverse("awards:lookup"), 200),
        "awards-q": (reverse("awards:lookup") + "?q=c%C3%B4ng+%C4%91o%C3%A0n", 200),
        "decision": (decision.get_absolute_url(), 200),
        "recipient": (recipient.get_absolute_url(), 200),
        "verify": (recipient.get_verification_url(), 200),
        "search": (reverse("search"), 200),
        "search-results": (reverse("search") + "?q=c%C3%B4ng+%C4%91o%C3%A0n", 200),
        "search-none": (reverse("search") + "?q=zzzyyxxq", 200),
        "documents": (reverse("documents:list"), 200),
        "documents-filtered": (reverse("documents:list") + "?loai=chi-thi&nam=2014", 200),
        "document": (document.get_absolute_url(), 200),
        "document-replaced": (replaced.get_absolute_url(), 200),
        "questions": (reverse("questions:list"), 200),
        "questions-topic": (answer.topic.get_absolute_url(), 200),
        "question": (answer.get_absolute_url(), 200),
        "question-ask": (reverse("questions:ask"), 200),
        "question-track-form": (reverse("questions:track-form") + "?code=sai", 200),
        "question-track": (answer.get_tracking_url(), 200),
        "contact-form": (reverse("questions:contact"), 200),
        "contact-sent": (reverse("questions:contact") + "?da-gui=1", 200),
        "about": (reverse("sitepages:about"), 200),
        "contact": (reverse("sitepages:contact"), 200),
        "site-map": (reverse("sitepages:site-map"), 200),
        "other-page": (other_page.get_absolute_url(), 200),
        "not-found": ("/trang-khong-co/", 404),
    }


def test_every_public_page_type_has_no_nu_html_checker_error(client, tmp_path):
    java = _java()
    call_command("load_demo", verbosity=0)
    pages = _pages()
    for name, (url, status) in pages.items():
        response = client.get(url)
        assert response.status_code == status, (name, url)
        (tmp_path / f"{name}.html").write_bytes(response.content)
    # The question form as a refusal leaves it: errors beside the fields, the text kept.
    refused = client.post(reverse("questions:ask"), {"title": "Lương", "text": "…", "phone": "x"})
    assert refused.status_code == 200 and b"errorlist" in refused.content
    (tmp_path / "question-ask-refused.html").write_bytes(refused.content)

    run = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(run.stderr or run.stdout)["messages"]
    errors = [
        f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m.get('message')} "
        f"[{m.get('extract', '').strip()}]"
        for m in messages
        if m.get("type") in ("error", "non-document-error")
    ]
    assert len(list(tmp_path.glob("*.html"))) == len(pages) + 1
    assert errors == [], "\n".join(errors)
