from django import forms
from django.utils.translation import gettext_lazy as _

from lsunion import menu as registry
from sitepages.models import MenuItem, Page, safe_address

PAGE = "page"


def destination_choices() -> list:
    """Pages first, then what the apps offer (sections, categories…), as <optgroup>s."""
    pages = [(f"{PAGE}:{pk}", title) for pk, title in Page.objects.values_list("pk", "title")]
    groups = [(_("Trang thông tin"), pages)] if pages else []
    return [("", _("— Không chọn (nhập địa chỉ bên dưới, hoặc để làm tiêu đề nhóm) —")),
            *groups, *registry.choices()]  # fmt: skip


class MenuItemForm(forms.ModelForm):
    destination = forms.ChoiceField(
        label=_("Trỏ đến"),
        required=False,
        help_text=_("Một trang, một mục của cổng thông tin hoặc một chuyên mục tin."),
    )

    class Meta:
        model = MenuItem
        fields = ["menu", "parent", "title", "destination", "url", "order", "is_active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["destination"].choices = destination_choices()
        item = self.instance
        if item.page_id:
            self.initial["destination"] = f"{PAGE}:{item.page_id}"
        elif item.target:
            self.initial["destination"] = item.target
        if "parent" in self.fields:
            parents = MenuItem.objects.filter(parent__isnull=True).select_related("page")
            if item.pk:
                parents = parents.exclude(pk=item.pk)
            self.fields["parent"].queryset = parents

    def clean_url(self):
        url = self.cleaned_data.get("url", "").strip()
        if url and not safe_address(url):
            raise forms.ValidationError(
                _("Địa chỉ phải bắt đầu bằng / (trong cổng), https://, http://, mailto: hoặc tel:.")
            )
        return url

    def clean(self):
        data = super().clean()
        destination, url = data.get("destination"), data.get("url")
        parent, menu = data.get("parent"), data.get("menu")
        if destination and url:
            self.add_error("url", _("Chọn một nơi ở ô “trỏ đến” hoặc nhập địa chỉ, không cả hai."))
        page_chosen = bool(destination) and destination.startswith(f"{PAGE}:")
        if destination and not page_chosen and not registry.is_known(destination):
            self.add_error("destination", _("Nơi đến này không còn tồn tại."))
        if parent is not None:
            if parent.parent_id is not None:
                self.add_error("parent", _("Chỉ được lồng một cấp: mục này đã nằm trong mục khác."))
            if menu and parent.menu != menu:
                self.add_error("parent", _("Mục cha phải thuộc cùng một menu."))
            if self.instance.pk and self.instance.children.exists():
                self.add_error("parent", _("Mục này đang có mục con nên phải ở hàng đầu."))
            if not destination and not url:
                self.add_error(
                    "destination", _("Mục con phải trỏ đến một trang, một mục hoặc một địa chỉ.")
                )
        elif not destination and not url and not data.get("title"):
            self.add_error(
                "title", _("Mục không trỏ đến đâu là tiêu đề cho các mục con: hãy đặt tên cho nó.")
            )
        return data

    def save(self, commit=True):
        item = super().save(commit=False)
        destination = self.cleaned_data.get("destination") or ""
        item.page, item.target = None, ""
        if destination.startswith(f"{PAGE}:"):
            item.page = Page.objects.filter(pk=destination.split(":", 1)[1]).first()
        else:
            item.target = destination
        if commit:
            item.save()
        return item
