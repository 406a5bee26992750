"""Root URLs. Apps are included by dotted string: lsunion imports no app."""

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path

from lsunion import views
from lsunion.cache import public_page
from lsunion.search.views import search
from lsunion.sitemaps import SITEMAPS

admin.site.site_header = "Quản trị Cổng thông tin LĐLĐ tỉnh Lạng Sơn"
admin.site.site_title = "Quản trị LĐLĐ Lạng Sơn"
admin.site.index_title = "Bảng điều khiển"

urlpatterns = [
    path(settings.ADMIN_PATH, admin.site.urls),
    path("suc-khoe/", views.health, name="health"),
    path("tim-kiem/", search, name="search"),
    path("robots.txt", views.robots_txt, name="robots"),
    path(
        "sitemap.xml",
        public_page(sitemap_views.index),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        public_page(sitemap_views.sitemap, params=["p"]),
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
    path("", include("organizations.urls")),
    path("", include("news.urls")),
    path("", include("awards.urls")),
    path("van-ban/", include("documents.urls")),
    path("", include("questions.urls")),
    path("", include("sitepages.urls")),
]

if settings.BENCH_HELLO:
    urlpatterns.insert(0, path("bench/hello/", views.bench_hello, name="bench-hello"))

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
