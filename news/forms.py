from django import forms
from django.utils.translation import gettext_lazy as _

from lsunion.html import images_without_alt
from news.models import Article, ArticlePhoto


class ArticleAdminForm(forms.ModelForm):
    class Meta:
        model = Article
        fields = [
            "title", "slug", "summary", "body", "cover_image", "cover_alt", "cover_caption",
            "byline", "source_body", "category", "mentioned_bodies", "meeting", "status", "published_at", "is_featured",
        ]  # fmt: skip

    def clean_body(self):
        body = self.cleaned_data.get("body", "")
        missing = images_without_alt(body)
        if missing:
            raise forms.ValidationError(
                _(
                    "Có %(count)d ảnh trong nội dung chưa có mô tả. Bấm vào ảnh, chọn "
                    "“Thay đổi văn bản thay thế” và mô tả ngắn nội dung ảnh."
                ),
                params={"count": missing},
            )
        return body

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("cover_image") and not cleaned.get("cover_alt"):
            self.add_error("cover_alt", _("Hãy mô tả ngắn nội dung ảnh đại diện."))
        return cleaned


class ArticlePhotoInlineForm(forms.ModelForm):
    class Meta:
        model = ArticlePhoto
        fields = ["image", "alt_text", "caption", "after_paragraph", "order"]

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("image") and not self.instance.pk and not self.errors:
            self.add_error("image", _("Hãy chọn tệp ảnh."))
        return cleaned
