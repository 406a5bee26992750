"""Bring one old-portal export in as an Article: create, update or skip, all or nothing."""

import hashlib
import html
from dataclasses import dataclass

from django.db import transaction

from lsunion.text import normalise
from news.legacy import LegacyArticle, NotAnArticle, decode, parse
from news.models import Article, ArticlePhoto, Category
from organizations.matching import find_body, mentioned_body_ids

DEFAULT_CATEGORY = "Hoạt động công đoàn"


@dataclass
class Outcome:
    action: str  # "created" | "updated" | "unchanged" | "skipped"
    title: str = ""
    reason: str = ""
    article: Article | None = None


def legacy_key(parsed: LegacyArticle) -> str:
    """What identifies an export: its title and original date, not its file."""
    day = parsed.published_at.date().isoformat() if parsed.published_at else ""
    return hashlib.sha256(f"{normalise(parsed.title)}|{day}".encode()).hexdigest()


def body_html(parsed: LegacyArticle) -> str:
    return "".join(
        f"<{kind}>{html.escape(text, quote=False)}</{kind}>" for kind, text in parsed.blocks
    )


def category_for(label: str, default: str) -> Category:
    name = label or default
    wanted = normalise(name)
    for category in Category.objects.all():
        if normalise(category.name) == wanted:
            return category
    if label and label.isupper():
        name = label[:1] + label[1:].lower()  # "TUYÊN TRUYỀN GIÁO DỤC" -> "Tuyên truyền giáo dục"
    return Category.objects.create(name=name)


def import_bytes(
    data: bytes,
    *,
    publish: bool = False,
    default_category: str = DEFAULT_CATEGORY,
    dry_run: bool = False,
    by=None,
) -> Outcome:
    """Import one export. Nothing is written on a dry run or when the file cannot be parsed."""
    try:
        parsed = parse(decode(data))
    except NotAnArticle as error:
        return Outcome("skipped", reason=str(error))
    try:
        with transaction.atomic():
            outcome = _store(parsed, publish=publish, default_category=default_category, by=by)
            if dry_run:
                transaction.set_rollback(True)
                outcome.article = None
            return outcome
    except Exception as error:  # noqa: BLE001 - one bad file must not stop a folder
        return Outcome("skipped", title=parsed.title, reason=f"Lỗi khi lưu: {error}")


def _store(parsed: LegacyArticle, *, publish: bool, default_category: str, by) -> Outcome:
    key = legacy_key(parsed)
    article = Article.objects.filter(legacy_key=key).first()
    created = article is None
    if created:
        article = Article(legacy_key=key, created_by=by)
    before = _snapshot(article) if not created else None

    article.title = parsed.title
    article.body = body_html(parsed)
    article.byline = parsed.byline
    article.category = category_for(parsed.category, default_category)
    source = find_body(parsed.source) if parsed.source else None
    article.source_body = source or article.source_body
    reason = ""
    if parsed.published_at:
        article.published_at = parsed.published_at
    if publish:
        if parsed.published_at:
            article.status = Article.Status.PUBLISHED
        else:
            reason = "Không có ngày gốc: để ở dạng bản nháp."
    article.updated_by = by
    article.save()

    article.photos.all().delete()
    ArticlePhoto.objects.bulk_create(
        ArticlePhoto(
            article=article,
            alt_text=photo.alt[:200],
            caption=photo.caption[:400],
            after_paragraph=photo.after_paragraph,
            order=index,
        )
        for index, photo in enumerate(parsed.photos)
    )
    article.mentioned_bodies.set(mentioned_body_ids(parsed.title + "\n" + parsed.text))

    if created:
        return Outcome("created", parsed.title, reason, article)
    if _snapshot(article) == before:
        return Outcome("unchanged", parsed.title, reason or "Không có gì thay đổi.", article)
    return Outcome("updated", parsed.title, reason, article)


def _snapshot(article: Article) -> tuple:
    photos = (
        tuple(article.photos.values_list("alt_text", "caption", "after_paragraph"))
        if article.pk
        else ()
    )
    bodies = (
        tuple(sorted(article.mentioned_bodies.values_list("pk", flat=True))) if article.pk else ()
    )
    return (
        article.title,
        article.body,
        article.byline,
        article.category_id,
        article.source_body_id,
        article.status,
        article.published_at,
        photos,
        bodies,
    )
