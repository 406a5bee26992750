"""The portal's URLs plus a stand-in for the questions app's contact form (/lien-he/gui/)."""

from django.http import HttpResponse
from django.urls import path

from lsunion.urls import urlpatterns as portal


def contact_form(request):
    return HttpResponse("Biểu mẫu liên hệ")


urlpatterns = [path("lien-he/gui/", contact_form), *portal]
