from django.urls import path, re_path

from questions import views
from questions.codes import CODE_PATTERN

app_name = "questions"

urlpatterns = [
    path("hoi-dap/", views.QuestionListView.as_view(), name="list"),
    path("hoi-dap/gui-cau-hoi/", views.ask, name="ask"),
    path("hoi-dap/thu-thach/", views.challenge, name="challenge"),
    path("hoi-dap/theo-doi/", views.track_form, name="track-form"),
    re_path(rf"^hoi-dap/theo-doi/(?P<code>{CODE_PATTERN})/$", views.track, name="track"),
    path("hoi-dap/chu-de/<slug:slug>/", views.TopicView.as_view(), name="topic"),
    path("hoi-dap/<slug:slug>/", views.QuestionDetailView.as_view(), name="detail"),
    path("hoi-dap/<slug:slug>/da-doc/", views.count_read, name="count-read"),
    path("lien-he/gui/", views.contact, name="contact"),
]
