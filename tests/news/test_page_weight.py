"""For slow links in the mountain districts: an article page without photos, with all of its
CSS, JS and icons, transfers under 100 KB; every asset is versioned, compressed and our own."""

import gzip
import re
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.factories import ArticleFactory, SloganFactory, UnionBodyFactory

pytestmark = pytest.mark.django_db

BUDGET = 100_000
# What the browser downloads with the page (not canonical or feed links, which it doesn't).
ASSET = re.compile(
    r'<(?:link(?![^>]*\brel="(?:canonical|alternate)")|script|img)\b[^>]*?\b(?:href|src)="([^"]+)"'
)


@pytest.fixture
def collected_static(settings, tmp_path):
    """Our static files as production serves them: hashed names and .gz beside each."""
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0)
    return Path(settings.STATIC_ROOT)


def test_article_page_without_photos_transfers_under_100_kb_in_all(client, collected_static):
    SloganFactory(text="Công đoàn Lạng Sơn tiếp tục đổi mới nội dung, phương thức hoạt động")
    paragraph = (
        "<p>Hội nghị đã tập trung đánh giá kết quả thực hiện nhiệm vụ trọng tâm; các phong trào "
        "thi đua trong công nhân, viên chức, lao động; công tác kiểm tra, giám sát việc thực hiện "
        "chế độ, chính sách cho người lao động và phát triển đoàn viên, thành lập CĐCS.</p>"
    )
    article = ArticleFactory(body=paragraph * 12, source_body=UnionBodyFactory())
    ArticleFactory.create_batch(5, category=article.category)  # the related list

    response = client.get(article.get_absolute_url())
    html = response.content
    assets = ASSET.findall(html.decode())

    assert {"css/site", "css/print", "js/theme-init", "js/reader"} <= {
        re.sub(r"\.[0-9a-f]{12}\.(css|js|svg)$", "", a.removeprefix("/static/")) for a in assets
    }
    sizes = {"html": len(gzip.compress(html, compresslevel=9))}
    for url in assets:
        assert url.startswith("/static/"), f"not our own file: {url}"  # no CDN, works offline
        name = url.removeprefix("/static/")
        assert re.search(r"\.[0-9a-f]{12}\.\w+$", name), f"not versioned: {url}"
        compressed = collected_static / (name + ".gz")
        served = compressed if compressed.exists() else collected_static / name
        sizes[name] = served.stat().st_size
    total = sum(sizes.values())
    assert total < BUDGET, sizes
