import io

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image


@pytest.fixture(autouse=True)
def fresh_cache():
    """Every test starts with an empty cache (page cache, content version, fragments)."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def count_queries():
    """count_queries(callable) -> (result, number of SQL queries it ran)."""

    def run(func):
        with CaptureQueriesContext(connection) as ctx:
            result = func()
        return result, len(ctx.captured_queries)

    return run


@pytest.fixture
def page_queries(client, settings):
    """page_queries(url, params) -> SQL queries an uncached page costs in steady state.

    The page cache is off; the site chrome (menu, slogans, next scheduled time), computed
    once per content version for the whole site, is warmed by a first request.
    """
    settings.PAGE_CACHE_ENABLED = False

    def run(url, params=None):
        assert client.get(url, params or {}).status_code == 200
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url, params or {})
        assert response.status_code == 200
        return len(ctx.captured_queries)

    return run


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser(
        "bientap", "bientap@example.vn", "mat-khau-rat-dai-123"
    )
    client.force_login(user)
    client.user = user
    return client


def make_jpeg(width=1600, height=900, exif_gps=False, color=(200, 30, 40)) -> bytes:
    image = Image.new("RGB", (width, height), color)
    out = io.BytesIO()
    if exif_gps:
        exif = Image.Exif()
        exif[0x010F] = "Camera của phóng viên"  # Make
        gps = exif.get_ifd(0x8825)
        gps[1] = "N"
        gps[2] = (21.0, 51.0, 12.0)
        gps[3] = "E"
        gps[4] = (106.0, 45.0, 30.0)
        image.save(out, "JPEG", exif=exif)
    else:
        image.save(out, "JPEG")
    return out.getvalue()
