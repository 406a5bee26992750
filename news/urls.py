from django.urls import path

from lsunion.cache import public_page
from news import feeds, views

app_name = "news"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("rss/", public_page(feeds.LatestArticlesFeed()), name="feed-rss"),
    path("atom/", public_page(feeds.LatestArticlesAtom()), name="feed-atom"),
    path("chuyen-muc/<slug:slug>/", views.CategoryView.as_view(), name="category"),
    path("chuyen-muc/<slug:slug>/rss/", public_page(feeds.CategoryFeed()), name="category-rss"),
    path("chuyen-muc/<slug:slug>/atom/", public_page(feeds.CategoryAtom()), name="category-atom"),
    path("to-chuc/<slug:slug>/rss/", public_page(feeds.BodyFeed()), name="body-rss"),
    path("to-chuc/<slug:slug>/atom/", public_page(feeds.BodyAtom()), name="body-atom"),
    path("tin-tuc/<slug:slug>/", views.article_detail, name="article-detail"),
    path("to-chuc/<slug:slug>/tin-tuc/", views.BodyNewsView.as_view(), name="body-news"),
    path("tin-tuc/<slug:slug>/pdf/", views.article_pdf, name="article-pdf"),
    path("bien-tap/tai-anh/", views.editor_image_upload, name="editor-image-upload"),
]
