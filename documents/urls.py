from django.urls import path

from documents import feeds, views
from lsunion.cache import public_page

app_name = "documents"

urlpatterns = [
    path("", views.DocumentListView.as_view(), name="list"),
    path("atom/", public_page(feeds.NewDocumentsFeed()), name="feed"),
    path("<slug:slug>/", views.DocumentDetailView.as_view(), name="detail"),
    path("<slug:slug>/tai-ve/", views.download, name="download"),
]
