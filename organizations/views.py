from django.utils.decorators import method_decorator
from django.views.generic import DetailView, ListView

from lsunion.cache import public_page
from organizations.models import UnionBody


@method_decorator(public_page, name="dispatch")
class BodyDirectoryView(ListView):
    template_name = "organizations/directory.html"
    context_object_name = "bodies"

    def get_queryset(self):
        return UnionBody.objects.current().in_vietnamese_order()


@method_decorator(public_page, name="dispatch")
class BodyDetailView(DetailView):
    template_name = "organizations/body_detail.html"
    context_object_name = "body"

    def get_queryset(self):
        return UnionBody.objects.select_related("parent", "successor")
