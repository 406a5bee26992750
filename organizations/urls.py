from django.urls import path

from organizations import views

app_name = "organizations"

urlpatterns = [
    path("to-chuc/", views.BodyDirectoryView.as_view(), name="directory"),
    path("to-chuc/<slug:slug>/", views.BodyDetailView.as_view(), name="body-detail"),
]
