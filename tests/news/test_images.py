"""Photos: only real images are accepted, their EXIF (GPS!) is gone, renditions are served."""

import io

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from news.models import ArticlePhoto
from tests.conftest import make_jpeg
from tests.factories import ArticleFactory, CategoryFactory

pytestmark = pytest.mark.django_db


def add_article_with_photo(staff_client, upload, alt="Quang cảnh hội nghị"):
    category = CategoryFactory()
    return staff_client.post(
        "/quan-tri/news/article/add/",
        {
            "title": "Bài có ảnh",
            "body": "<p>Nội dung</p>",
            "category": category.pk,
            "workflow": "save",
            "photos-TOTAL_FORMS": "1",
            "photos-INITIAL_FORMS": "0",
            "photos-MIN_NUM_FORMS": "0",
            "photos-MAX_NUM_FORMS": "1000",
            "photos-0-image": upload,
            "photos-0-alt_text": alt,
            "photos-0-caption": "Đồng chí Chủ tịch phát biểu",
            "photos-0-order": "0",
        },
    )


def test_a_file_that_is_not_an_image_is_refused_with_a_clear_message(staff_client):
    fake = SimpleUploadedFile("anh-hoi-nghi.jpg", b"<?php system($_GET['c']); ?>", "image/jpeg")
    response = add_article_with_photo(staff_client, fake)
    assert response.status_code == 200
    assert "không phải là ảnh hợp lệ" in response.content.decode().lower() or (
        "hình ảnh hợp lệ" in response.content.decode()
    )
    assert not ArticlePhoto.objects.exists()


def test_svg_and_html_dressed_as_images_are_refused(staff_client):
    svg = SimpleUploadedFile(
        "logo.png", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "image/png"
    )
    response = add_article_with_photo(staff_client, svg)
    assert response.status_code == 200
    assert not ArticlePhoto.objects.exists()


def test_photo_without_alt_text_is_refused(staff_client):
    upload = SimpleUploadedFile("a.jpg", make_jpeg(), "image/jpeg")
    response = add_article_with_photo(staff_client, upload, alt="")
    assert response.status_code == 200
    assert "Trường này là bắt buộc" in response.content.decode()
    assert not ArticlePhoto.objects.exists()


def test_exif_and_gps_position_are_stripped_from_stored_photos(staff_client):
    original = make_jpeg(exif_gps=True)
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(0x8825)  # the upload has GPS

    upload = SimpleUploadedFile("dien-thoai.jpg", original, "image/jpeg")
    response = add_article_with_photo(staff_client, upload)
    assert response.status_code == 302

    photo = ArticlePhoto.objects.get()
    with default_storage.open(photo.image.name) as stored:
        image = Image.open(stored)
        assert not image.getexif()
        assert "exif" not in image.info
    assert photo.image.name.endswith("-1600x900.jpg")


def test_article_page_serves_webp_and_jpeg_renditions_with_srcset(client):
    article = ArticleFactory()
    photo = ArticlePhoto(article=article, alt_text="Hội nghị", caption="Chú thích ảnh")
    # Written straight to storage, as a script might: the model's save still cleans it.
    photo.image.save("x.jpg", SimpleUploadedFile("x.jpg", make_jpeg(1600, 900)), save=False)
    photo.save()
    assert photo.image.name.endswith("-1600x900.jpg")

    page = client.get(article.get_absolute_url()).content.decode()
    assert '<source type="image/webp" srcset="' in page
    assert "-640w.webp 640w" in page and "-320w.jpg 320w" in page
    assert 'alt="Hội nghị"' in page and 'width="1600" height="900"' in page
    assert "<figcaption>Chú thích ảnh</figcaption>" in page
    for width in (320, 640, 960, 1280):
        for fmt in ("webp", "jpg"):
            name = f"renditions/{photo.image.name.rsplit('.', 1)[0]}-{width}w.{fmt}"
            assert default_storage.exists(name), name


def test_editor_image_upload_accepts_images_from_staff_only(client, staff_client):
    upload = SimpleUploadedFile("anh.jpg", make_jpeg(exif_gps=True), "image/jpeg")
    response = staff_client.post("/bien-tap/tai-anh/", {"upload": upload})
    assert response.status_code == 200
    url = response.json()["url"]
    assert url.startswith("/media/uploads/") and url.endswith("-1600x900.jpg")
    with default_storage.open(url.removeprefix("/media/")) as stored:
        assert not Image.open(stored).getexif()

    text = SimpleUploadedFile("ghi-chu.png", b"khong phai anh", "image/png")
    refused = staff_client.post("/bien-tap/tai-anh/", {"upload": text})
    assert refused.status_code == 400
    assert "không phải là ảnh hợp lệ" in refused.json()["error"]["message"]

    staff_client.logout()
    again = SimpleUploadedFile("anh.jpg", make_jpeg(), "image/jpeg")
    assert client.post("/bien-tap/tai-anh/", {"upload": again}).status_code == 403


def test_images_uploaded_in_the_editor_get_srcset_in_the_body(staff_client, client):
    upload = SimpleUploadedFile("anh.jpg", make_jpeg(1400, 700), "image/jpeg")
    url = staff_client.post("/bien-tap/tai-anh/", {"upload": upload}).json()["url"]
    article = ArticleFactory(
        body=f'<figure class="image"><img src="{url}" alt="Toàn cảnh"></figure>'
    )
    article.refresh_from_db()
    assert 'srcset="' in article.body and "-640w.jpg 640w" in article.body
    assert 'width="1400" height="700"' in article.body
    assert 'loading="lazy"' in article.body
