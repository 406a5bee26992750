"""The review loop where people work: an article's steps on its change page, the latest
"trả lại" comment for its author, and history entries that say what happened."""

import json

from django.contrib.admin.models import LogEntry
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from news.forms import WorkflowStep
from news.models import Article, ArticleEvent

# Form fields that steer the save rather than change the article.
STEERING_FIELDS = {"workflow", "review_comment", "version_token"}


def _when(moment) -> str:
    return timezone.localtime(moment).strftime("%H:%M %d/%m/%Y")


def person(user) -> str:
    if user is None:
        return _("hệ thống")
    return user.get_full_name() or user.get_username()


def latest_return(article: Article) -> ArticleEvent | None:
    """The editor's comment the author still has to act on: the last step, if it was a return."""
    if article.status != Article.Status.DRAFT:
        return None
    latest = article.events.select_related("by").first()
    return latest if latest and latest.action == ArticleEvent.Action.RETURNED else None


def history_html(article: Article):
    """Every review step, newest first: what, who, when, and the editor's comment."""
    events = list(article.events.select_related("by")) if article.pk else []
    if not events:
        return _("Chưa có bước duyệt nào: bài chưa được gửi duyệt.")
    rows = format_html_join(
        "",
        '<li class="review-step step-{}"><strong>{}</strong> · {} · {}{}{}</li>',
        (
            (
                event.action,
                event.get_action_display(),
                person(event.by),
                _when(event.at),
                format_html(" · {} {}", _("lên trang lúc"), _when(article.published_at))
                if event.action == ArticleEvent.Action.SCHEDULED and article.published_at
                else "",
                format_html('<blockquote class="review-comment">{}</blockquote>', event.comment)
                if event.comment
                else "",
            )
            for event in events
        ),
    )
    return format_html('<ol class="review-history" reversed>{}</ol>', rows)


def step_text(form) -> str:
    """What the chosen step did, in the words the editors use."""
    step = form.cleaned_data.get("workflow")
    article = form.instance
    if step == WorkflowStep.SUBMIT:
        return _("Gửi duyệt")
    if step in (WorkflowStep.SCHEDULE, WorkflowStep.PUBLISH):
        if article.published_at and article.published_at > timezone.now():
            return _("Duyệt, hẹn giờ xuất bản lúc %(when)s") % {"when": _when(article.published_at)}
        return _("Duyệt và xuất bản")
    if step == WorkflowStep.RETURN:
        return _("Trả lại: %(comment)s") % {"comment": form.cleaned_data["review_comment"].strip()}
    if step == WorkflowStep.UNPUBLISH:
        return _("Gỡ xuống")
    return ""


def change_message(form, message) -> str | list:
    """Django's change message without the steering fields, after the step that was taken."""
    steering = set(STEERING_FIELDS) | {
        str(form.fields[name].label) for name in STEERING_FIELDS if name in form.fields
    }
    kept = []
    for part in message:
        changed = part.get("changed") if isinstance(part, dict) else None
        if changed and "name" not in changed:
            fields = [f for f in changed.get("fields", []) if f not in steering]
            if not fields:
                continue
            part = {"changed": {**changed, "fields": fields}}
        kept.append(part)
    step = step_text(form)
    if not step:
        return kept
    rest = LogEntry(change_message=json.dumps(kept)).get_change_message() if kept else ""
    return f"{step}. {rest}".strip() if rest else step
