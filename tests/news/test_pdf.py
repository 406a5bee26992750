"""Xuất PDF: a real PDF of a published article, in an embedded Vietnamese font, named after
its slug, with everything a reader needs to cite it, cached until the article changes."""

import subprocess
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from news.models import ArticlePhoto
from news.pdf import render
from tests.conftest import make_jpeg
from tests.factories import ArticleFactory, ArticlePhotoFactory, CategoryFactory, UnionBodyFactory

pytestmark = pytest.mark.django_db

TITLE = "Đại hội Công đoàn huyện Đình Lập lần thứ XVII, nhiệm kỳ 2023 – 2028 thành công tốt đẹp"
BYLINE = "Tin và ảnh: Đỗ Thị Gấm – LĐLĐ huyện Đình Lập"
CAPTIONS = [
    "Đồng chí Lương Chí Công, Phó Chủ tịch LĐLĐ tỉnh phát biểu chỉ đạo Đại hội",
    "Ban Chấp hành khóa XVII ra mắt Đại hội, quyết tâm thực hiện thắng lợi Nghị quyết",
]


def pdf_text(data: bytes, tmp_path) -> str:
    path = tmp_path / "bai.pdf"
    path.write_bytes(data)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(text.stdout.split())


def poppler(*command: str, data: bytes, tmp_path) -> str:
    path = tmp_path / "bai.pdf"
    path.write_bytes(data)
    return subprocess.run([*command, str(path)], capture_output=True, text=True, check=True).stdout


def poppler_list_images(data: bytes, tmp_path) -> str:
    return poppler("pdfimages", "-list", data=data, tmp_path=tmp_path)


@pytest.fixture
def reported_article():
    article = ArticleFactory(
        title=TITLE,
        summary="Đại hội bầu Ban Chấp hành gồm 15 đồng chí và thông qua Nghị quyết nhiệm kỳ mới.",
        body="<p>Sáng ngày 14/7/2023, Công đoàn huyện Đình Lập tổ chức Đại hội.</p>"
        "<p>Đại hội đã thảo luận, thống nhất phương hướng nhiệm vụ nhiệm kỳ 2023 – 2028.</p>",
        byline=BYLINE,
        category=CategoryFactory(name="Hoạt động công đoàn"),
        source_body=UnionBodyFactory(name="Liên đoàn Lao động huyện Đình Lập"),
        published_at=datetime(2023, 7, 14, 17, 3, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh")),
    )
    photo = ArticlePhoto(article=article, alt_text="Phát biểu chỉ đạo", caption=CAPTIONS[0])
    photo.after_paragraph = 1
    photo.image.save("anh.jpg", SimpleUploadedFile("anh.jpg", make_jpeg(1600, 900)), save=False)
    photo.save()
    ArticlePhotoFactory(article=article, alt_text="Ban Chấp hành ra mắt", caption=CAPTIONS[1])
    return article


def test_pdf_has_federation_title_date_byline_captions_and_address(
    client, reported_article, tmp_path
):
    response = client.get(f"/tin-tuc/{reported_article.slug}/pdf/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="{reported_article.slug}.pdf"'
    assert response.content.startswith(b"%PDF-")
    text = pdf_text(response.content, tmp_path)
    for expected in (
        "LIÊN ĐOÀN LAO ĐỘNG TỈNH LẠNG SƠN",
        TITLE,
        "Thứ sáu, 14 Tháng 7 2023 17:03",
        BYLINE,
        *CAPTIONS,
        "Nguồn: Liên đoàn Lao động huyện Đình Lập",
        f"{settings.SITE_URL}/tin-tuc/{reported_article.slug}/",
    ):
        assert expected in text, expected
    assert "Ảnh: Ban Chấp hành ra mắt" in text  # a photo without its file still says what it shows
    images = poppler_list_images(response.content, tmp_path)
    assert len(images.splitlines()) == 3  # header, rule, the one photo with a file


def test_pdf_embeds_only_the_noto_sans_shipped_with_the_portal(client, reported_article, tmp_path):
    data = client.get(f"/tin-tuc/{reported_article.slug}/pdf/").content
    fonts = poppler("pdffonts", data=data, tmp_path=tmp_path).splitlines()[2:]
    assert fonts
    for line in fonts:
        assert "LSU-Noto-Sans" in line and " yes yes yes " in line, line


@pytest.mark.parametrize("trait", ["draft", "scheduled"])
def test_pdf_is_not_found_for_articles_readers_cannot_see(client, trait):
    article = ArticleFactory(**{trait: True})
    assert client.get(f"/tin-tuc/{article.slug}/pdf/").status_code == 404


def test_pdf_is_not_found_for_an_unknown_slug(client):
    assert client.get("/tin-tuc/khong-co-bai-nay/pdf/").status_code == 404


def test_pdf_is_rendered_once_and_again_only_after_the_article_changes(
    client, monkeypatch, tmp_path
):
    article = ArticleFactory(title="Hội nghị Ban Chấp hành lần thứ 10")
    renders = []
    original = render.render_article_pdf
    monkeypatch.setattr(
        render, "render_article_pdf", lambda *a, **k: renders.append(1) or original(*a, **k)
    )
    url = f"/tin-tuc/{article.slug}/pdf/"

    first = client.get(url).content
    assert client.get(url).content == first
    assert len(renders) == 1

    article.title = "Hội nghị Ban Chấp hành lần thứ 11"
    article.save()
    changed = client.get(url).content
    assert len(renders) == 2
    assert "Hội nghị Ban Chấp hành lần thứ 11" in pdf_text(changed, tmp_path)


def test_article_page_links_its_pdf_in_the_toolbar(client):
    article = ArticleFactory()
    page = client.get(article.get_absolute_url()).content.decode()
    assert f'href="/tin-tuc/{article.slug}/pdf/"' in page
    assert "Xuất PDF" in page
    assert "Xuất PDF" not in client.get("/").content.decode()


@pytest.mark.parametrize(
    "url",
    ["http://example.com/anh.jpg", "file:///etc/passwd", "/media/../../etc/passwd", "ftp://x/y"],
)
def test_pdf_fetches_nothing_but_our_media_and_fonts(url):
    fetcher = render.LocalOnlyFetcher()
    with pytest.raises(ValueError):
        fetcher.fetch(url if "://" in url else settings.SITE_URL + url)


def test_pdf_of_a_body_with_a_remote_image_renders_without_the_network(client, tmp_path):
    article = ArticleFactory(
        body='<p>Đoạn một.</p><p><img src="http://192.0.2.1/anh.jpg" alt="Ảnh ngoài"></p>'
    )
    response = client.get(f"/tin-tuc/{article.slug}/pdf/")
    assert response.status_code == 200
    assert "Đoạn một." in pdf_text(response.content, tmp_path)
