"""Stored XSS: hostile text saved into every text field never runs in a real browser.

The page's Content Security Policy would block inline scripts anyway; these checks turn it
off (bypass_csp) so that they prove the escaping and sanitising themselves.
"""

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

MARK = "XSSMARK"
# Short enough for every plain text field (the shortest here holds 120 characters).
PAYLOAD = (
    f"{MARK}\"'><img src=x onerror=_x=1><script>_x=1</script><svg onload=_x=1>"
    "<a href=javascript:_x=1>a</a>"
)
RICH = f'<p>{MARK}</p><img src=x onerror="_x=1"><script>_x=1</script>' \
       '<a href="javascript:_x=1">bấm</a><iframe src="javascript:_x=1"></iframe>'  # fmt: skip


@pytest.fixture(scope="module")
def hostile(demo_site, django_db_blocker):
    """One object of every reader-visible kind, every text field carrying the payload."""
    from awards.models import AwardForm, Decision, Movement, Recipient
    from news.models import Article, ArticlePhoto, Category, Slogan
    from organizations.models import (
        Meeting,
        MeetingAttendee,
        MemberFigure,
        Person,
        Position,
        Term,
        UnionBody,
    )

    with django_db_blocker.unblock():
        body = UnionBody.objects.create(
            name=f"Công đoàn {PAYLOAD}", short_name=PAYLOAD, aliases=PAYLOAD, address=PAYLOAD,
            phone=PAYLOAD[:50], website="javascript:_x=1", description=RICH,
            history_note=PAYLOAD, email="a@example.vn",
        )  # fmt: skip
        MemberFigure.objects.create(body=body, year=2024, members=10, note=PAYLOAD)
        category = Category.objects.create(name=f"Chuyên mục {PAYLOAD}", description=PAYLOAD)
        Slogan.objects.create(text=PAYLOAD)
        person = Person.objects.create(full_name=f"Người {PAYLOAD}", note=PAYLOAD)
        term = Term.objects.create(
            body=body, congress_number="XX", starts_year=2020, ends_year=2025, note=PAYLOAD
        )
        Position.objects.create(person=person, body=body, term=term, title="chair",
                                title_text=PAYLOAD, department=PAYLOAD)  # fmt: skip
        meeting = Meeting.objects.create(
            title=f"Hội nghị {PAYLOAD}", organiser=body, starts_at=timezone.now(), place=PAYLOAD,
            chaired_by=person, chair_title=PAYLOAD, summary=PAYLOAD, outcomes=RICH,
        )  # fmt: skip
        MeetingAttendee.objects.create(meeting=meeting, guest_name=PAYLOAD, position_then=PAYLOAD)
        article = Article.objects.create(
            title=f"Tin {PAYLOAD}", summary=PAYLOAD, body=RICH, byline=PAYLOAD, cover_alt=PAYLOAD,
            cover_caption=PAYLOAD, category=category, source_body=body, meeting=meeting,
            status=Article.Status.PUBLISHED, published_at=timezone.now(),
        )  # fmt: skip
        article.mentioned_bodies.add(body)
        ArticlePhoto.objects.create(article=article, alt_text=PAYLOAD, caption=PAYLOAD)
        form = AwardForm.objects.create(name=f"Giấy khen {PAYLOAD}")
        movement = Movement.objects.create(name=f"Phong trào {PAYLOAD}")
        decision = Decision.objects.create(
            number="999", code=PAYLOAD[:30], issued_on=date(2024, 5, 1), issuing_body=body,
            signer_name=PAYLOAD, signer_position=PAYLOAD, form=form, movement=movement,
            period=PAYLOAD[:50], reason=PAYLOAD, legal_basis=PAYLOAD, meeting=meeting,
            is_published=True,
        )  # fmt: skip
        recipient = Recipient.objects.create(
            decision=decision, kind="individual", full_name=f"Người {PAYLOAD}"[:120],
            position=PAYLOAD, unit=PAYLOAD, achievement=PAYLOAD,
        )  # fmt: skip
        from sitepages.models import MenuItem, Page

        written = Page.objects.create(title=f"Trang {PAYLOAD}", summary=PAYLOAD, body=RICH)
        item = MenuItem.objects.create(title=f"Mục {PAYLOAD}"[:120], page=written)
        MenuItem.objects.create(menu="footer", parent=None, title=f"Chân {MARK}", url="/")
        MenuItem.objects.create(menu="footer", title=f"Lạ {MARK}", url="javascript:_x=1")
        admin = get_user_model().objects.create_superuser(
            "quantri-xss", "q@example.vn", "Mat-khau-dai-2026!"
        )
    return {
        "pages": [
            "/", article.get_absolute_url(), category.get_absolute_url(),
            body.get_absolute_url(), "/to-chuc/", "/to-chuc/?lich_su=on",
            meeting.get_absolute_url(), person.get_absolute_url(), "/hoi-nghi/",
            decision.get_absolute_url(), recipient.get_absolute_url(),
            f"/khen-thuong/xac-minh/{recipient.verification_code}/",
            "/khen-thuong/?q=" + MARK, "/tim-kiem/?q=" + MARK, "/tim-kiem/?q=tin",
            f"/to-chuc/{body.slug}/tin-tuc/", written.get_absolute_url(),
            "/so-do-cong-thong-tin/", "/gioi-thieu/",
        ],
        "admin_pages": [
            "/quan-tri/news/article/", f"/quan-tri/news/article/{article.pk}/change/",
            f"/quan-tri/news/article/{article.pk}/history/",
            f"/quan-tri/organizations/unionbody/{body.pk}/change/",
            f"/quan-tri/organizations/meeting/{meeting.pk}/change/",
            f"/quan-tri/awards/decision/{decision.pk}/change/", "/quan-tri/awards/recipient/",
            f"/quan-tri/sitepages/page/{written.pk}/change/", "/quan-tri/sitepages/menuitem/",
            f"/quan-tri/sitepages/menuitem/{item.pk}/change/",
        ],
        "admin": admin,
    }  # fmt: skip


def assert_nothing_ran(page, url):
    page.wait_for_timeout(150)
    assert page.evaluate("window._x") is None, url
    assert MARK in page.content(), f"{url} does not show the hostile text at all"
    script_links = page.evaluate(
        '[...document.querySelectorAll(\'[href^="javascript:" i], [src^="javascript:" i]\')].length'
    )
    assert script_links == 0, url


def test_hostile_text_in_every_field_never_runs_on_public_pages(new_context, hostile):
    context = new_context(bypass_csp=True)
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for url in hostile["pages"]:
        response = page.goto(url)
        assert response.status in (200, 404), url
        assert_nothing_ran(page, url)
    assert dialogs == []


def test_hostile_text_never_runs_in_the_admin(new_context, hostile, demo_site):
    context = new_context(bypass_csp=True)
    page = context.new_page()
    page.goto("/quan-tri/login/")
    page.fill("#id_username", "quantri-xss")
    page.fill("#id_password", "Mat-khau-dai-2026!")
    page.click("input[type=submit]")
    for url in hostile["admin_pages"]:
        response = page.goto(url)
        assert response.status == 200, url
        page.wait_for_timeout(150)
        assert page.evaluate("window._x") is None, url
