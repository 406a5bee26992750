"""The portal's URLs plus one view that fails, to see the 500 page a newcomer gets."""

from django.urls import path

from lsunion.urls import urlpatterns as portal


def failing_view(request):
    raise RuntimeError("Lỗi thử trong mã")


urlpatterns = [path("loi-thu/", failing_view), *portal]
