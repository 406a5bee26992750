from django.urls import path

from news import views

app_name = "news"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("chuyen-muc/<slug:slug>/", views.CategoryView.as_view(), name="category"),
    path("tin-tuc/<slug:slug>/", views.article_detail, name="article-detail"),
    path("to-chuc/<slug:slug>/tin-tuc/", views.BodyNewsView.as_view(), name="body-news"),
    path("bien-tap/tai-anh/", views.editor_image_upload, name="editor-image-upload"),
]
