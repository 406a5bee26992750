"""Every upload path (cover, inline photo, the editor's upload) refuses or cleans the same corpus.

Refused: a truncated JPEG, SVG, HTML named .jpg, a decompression bomb, an oversized file — each
with a Vietnamese message and nothing stored. Stored clean: a JPEG carrying PHP in a comment
segment, and a phone photo with GPS EXIF, XMP, an ICC profile and a comment — the stored file
and its renditions carry no metadata, and the colours are kept.
"""

import io
import random
import re

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageCms

from news.models import Article, ArticlePhoto
from tests.conftest import make_jpeg
from tests.factories import CategoryFactory

pytestmark = pytest.mark.django_db

RED = (200, 30, 40)
PAYLOAD = b"<?php system($_GET['c']); ?>"
PRIVATE = "Nguyễn Văn Bình, thôn Nà Phái".encode()
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/'
    b'22-rdf-syntax-ns#"><rdf:Description photoshop:City="Lang Son"/></rdf:RDF></x:xmpmeta>'
)


def noisy_jpeg(**params) -> bytes:
    """A photo-like JPEG (noise compresses badly, so truncation cuts into the pixels)."""
    rng = random.Random(4)
    image = Image.frombytes("RGB", (800, 600), rng.randbytes(800 * 600 * 3))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90, **params)
    return out.getvalue()


def phone_photo() -> bytes:
    """A red photo with everything a phone and a photo editor add: GPS, XMP, ICC, a comment."""
    gps_jpeg = Image.open(io.BytesIO(make_jpeg(exif_gps=True)))
    exif = gps_jpeg.getexif()
    exif[0x013B] = "Nguyễn Văn Bình"  # Artist
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    out = io.BytesIO()
    Image.new("RGB", (1600, 900), RED).save(
        out, "JPEG", exif=exif, comment=PRIVATE, xmp=XMP, icc_profile=srgb
    )
    return out.getvalue()


def png_bomb() -> bytes:
    """Tens of kilobytes that would decode to 100 million pixels."""
    out = io.BytesIO()
    Image.new("1", (10_000, 10_000)).save(out, "PNG", optimize=True)
    return out.getvalue()


def polyglot() -> bytes:
    return (
        make_jpeg(800, 600)[:2]
        + b"\xff\xfe"
        + (len(PAYLOAD) + 2).to_bytes(2)
        + PAYLOAD
        + (make_jpeg(800, 600)[2:])
    )


REFUSED = {
    "truncated": ("anh-cat-do.jpg", lambda: noisy_jpeg()[:30_000], "bị hỏng hoặc chưa tải lên hết"),
    "svg": (
        "logo.png",
        lambda: b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
        "không phải là ảnh hợp lệ",
    ),
    "html_as_jpeg": (
        "anh.jpg",
        lambda: b"<html><script>alert(document.cookie)</script></html>",
        "không phải là ảnh hợp lệ",
    ),
    "bomb": ("nen.png", png_bomb, "quá nhiều điểm ảnh"),
    "oversize": ("to.jpg", lambda: noisy_jpeg() + b"\0" * (10 * 1024 * 1024), "Ảnh quá lớn"),
}


def upload_as_cover(staff_client, upload):
    response = staff_client.post(
        "/quan-tri/news/article/add/",
        {
            "title": "Bài có ảnh đại diện",
            "body": "<p>Nội dung</p>",
            "category": CategoryFactory().pk,
            "workflow": "save",
            "cover_image": upload,
            "cover_alt": "Quang cảnh hội nghị",
            **{f"photos-{k}": v for k, v in FORMSET.items()},
        },
    )
    article = Article.objects.first()
    return response, response.content.decode(), article.cover_image.name if article else None


def upload_as_photo(staff_client, upload):
    response = staff_client.post(
        "/quan-tri/news/article/add/",
        {
            "title": "Bài có ảnh",
            "body": "<p>Nội dung</p>",
            "category": CategoryFactory().pk,
            "workflow": "save",
            **{f"photos-{k}": v for k, v in FORMSET.items()},
            "photos-TOTAL_FORMS": "1",
            "photos-0-image": upload,
            "photos-0-alt_text": "Quang cảnh hội nghị",
            "photos-0-order": "0",
        },
    )
    photo = ArticlePhoto.objects.first()
    return response, response.content.decode(), photo.image.name if photo else None


def upload_in_editor(staff_client, upload):
    response = staff_client.post("/bien-tap/tai-anh/", {"upload": upload})
    if response.status_code != 200:
        return response, response.json()["error"]["message"], None
    return response, "", response.json()["url"].removeprefix("/media/")


FORMSET = {"TOTAL_FORMS": "0", "INITIAL_FORMS": "0", "MIN_NUM_FORMS": "0", "MAX_NUM_FORMS": "1000"}
PATHS = {"cover": upload_as_cover, "photo": upload_as_photo, "editor": upload_in_editor}


def stored_files(name: str) -> list[str]:
    """The stored image and every rendition of it."""
    stem = name.rsplit(".", 1)[0]
    names = [name]
    for width in (320, 640):
        names += [f"renditions/{stem}-{width}w.jpg", f"renditions/{stem}-{width}w.webp"]
    return names


@pytest.fixture(autouse=True)
def weasyprint_loaded():
    """As in a worker that has rendered a PDF: WeasyPrint turns on Pillow's
    LOAD_TRUNCATED_IMAGES for the whole process when it is imported."""
    import weasyprint  # noqa: F401
    from PIL import ImageFile

    assert ImageFile.LOAD_TRUNCATED_IMAGES


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("case", REFUSED)
def test_hostile_or_broken_uploads_are_refused_with_a_vietnamese_message(staff_client, path, case):
    filename, make, message = REFUSED[case]
    upload = SimpleUploadedFile(filename, make(), "image/jpeg")
    response, text, stored = PATHS[path](staff_client, upload)
    assert response.status_code in (200, 400), response.status_code
    assert message in text, re.findall(r"errorlist.{0,300}", text)
    assert stored is None or stored == ""


@pytest.mark.parametrize("path", PATHS)
def test_a_jpeg_with_php_in_a_comment_is_stored_without_it(staff_client, path):
    original = polyglot()
    assert PAYLOAD in original and Image.open(io.BytesIO(original)).info["comment"]
    response, _text, stored = PATHS[path](staff_client, SimpleUploadedFile("a.jpg", original))
    assert response.status_code in (200, 302)
    for name in stored_files(stored):
        with default_storage.open(name) as file:
            data = file.read()
        assert b"<?php" not in data, name
        assert "comment" not in Image.open(io.BytesIO(data)).info, name


@pytest.mark.parametrize("path", PATHS)
def test_a_phone_photo_is_stored_without_any_metadata_and_keeps_its_colour(staff_client, path):
    original = phone_photo()
    info = Image.open(io.BytesIO(original)).info
    assert {"exif", "comment", "xmp", "icc_profile"} <= set(info)

    response, _text, stored = PATHS[path](staff_client, SimpleUploadedFile("dt.jpg", original))
    assert response.status_code in (200, 302)
    for name in stored_files(stored):
        with default_storage.open(name) as file:
            data = file.read()
        image = Image.open(io.BytesIO(data))
        left = set(image.info) - {"jfif", "jfif_version", "jfif_unit", "jfif_density", "dpi"}
        left -= {"progressive", "progression", "adobe", "adobe_transform", "loop", "background"}
        assert left == set(), (name, left)
        assert not image.getexif()
        assert PRIVATE not in data and b"Lang Son" not in data
        assert "Nguyễn".encode() not in data
        red = image.convert("RGB").getpixel((10, 10))
        assert all(abs(a - b) <= 6 for a, b in zip(red, RED, strict=True)), (name, red)
