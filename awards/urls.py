from django.urls import path, re_path

from awards import views

app_name = "awards"

CODE = r"(?P<code>[A-Za-z0-9-]{4,40})"

urlpatterns = [
    path("khen-thuong/", views.RecipientLookupView.as_view(), name="lookup"),
    path(
        "khen-thuong/quyet-dinh/<id:pk>/",
        views.DecisionDetailView.as_view(),
        name="decision-detail",
    ),
    path(
        "khen-thuong/quyet-dinh/<id:decision_pk>/<id:pk>/",
        views.RecipientDetailView.as_view(),
        name="recipient-detail",
    ),
    path("khen-thuong/xac-minh/", views.verify_form, name="verify-form"),
    re_path(rf"^khen-thuong/xac-minh/{CODE}/$", views.VerifyView.as_view(), name="verify"),
    re_path(rf"^khen-thuong/xac-minh/{CODE}/ma-qr\.svg$", views.verification_qr, name="verify-qr"),
]
