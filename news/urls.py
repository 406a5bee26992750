from django.urls import path

from news import views

app_name = "news"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("chuyen-muc/<slug:slug>/", views.CategoryView.as_view(), name="category"),
    path("tin-tuc/<slug:slug>/", views.article_detail, name="article-detail"),
    path("tin-tuc/<slug:slug>/pdf/", views.article_pdf, name="article-pdf"),
    path("bien-tap/tai-anh/", views.editor_image_upload, name="editor-image-upload"),
]
