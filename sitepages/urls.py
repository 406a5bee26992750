from django.urls import path

from sitepages import views

app_name = "sitepages"

urlpatterns = [
    path("gioi-thieu/", views.AboutView.as_view(), name="about"),
    path("lien-he/", views.ContactView.as_view(), name="contact"),
    path("so-do-cong-thong-tin/", views.SiteMapView.as_view(), name="site-map"),
    path("trang/<slug:slug>/", views.PageView.as_view(), name="page"),
]
