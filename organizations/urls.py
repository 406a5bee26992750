from django.urls import path

from organizations import block_views, views

app_name = "organizations"

urlpatterns = [
    path("to-chuc/", views.BodyDirectoryView.as_view(), name="directory"),
    path("to-chuc/<slug:slug>/", views.BodyDetailView.as_view(), name="body-detail"),
    path("hoi-nghi/", views.MeetingListView.as_view(), name="meeting-list"),
    path("hoi-nghi/<slug:slug>/", views.MeetingDetailView.as_view(), name="meeting-detail"),
    path("nhan-su/<slug:slug>/", views.PersonDetailView.as_view(), name="person-detail"),
    path("khoi-thi-dua/", block_views.BlockListView.as_view(), name="block-list"),
    path("khoi-thi-dua/<slug:slug>/", block_views.BlockDetailView.as_view(), name="block-detail"),
]
