"""The article form suggests, on every save, the bodies, people and meeting the text names."""

from django.contrib import messages
from django.utils.translation import gettext as _

from news.mentions import Mentions, suggest_mentions
from organizations.models import Meeting, Person, UnionBody


def _ids(values) -> set[int]:
    return {getattr(v, "pk", v) for v in values or []}


class MentionsAdminMixin:
    """For ArticleAdmin: after the form and its photos are saved, link what the text names."""

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        article = form.instance
        initial, data = form.initial, form.cleaned_data
        removed = Mentions(
            bodies=_ids(initial.get("mentioned_bodies")) - _ids(data.get("mentioned_bodies")),
            people=_ids(initial.get("mentioned_people")) - _ids(data.get("mentioned_people")),
            meetings=_ids([initial.get("meeting")] if initial.get("meeting") else [])
            - _ids([data.get("meeting")] if data.get("meeting") else []),
        )
        added = suggest_mentions(article=article, removed=removed)
        if added:
            names = [
                *UnionBody.objects.filter(pk__in=added.bodies).values_list("name", flat=True),
                *Person.objects.filter(pk__in=added.people).values_list("full_name", flat=True),
                *Meeting.objects.filter(pk__in=added.meetings).values_list("title", flat=True),
            ]
            self.message_user(
                request,
                _(
                    "Đã gắn liên kết với những gì bài viết nhắc đến: %(names)s. Nếu có liên kết "
                    "không đúng, bỏ ở mục “Nguồn và chuyên mục” rồi lưu lại."
                )
                % {"names": "; ".join(names)},
                messages.INFO,
            )
