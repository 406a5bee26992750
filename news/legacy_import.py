"""Bring one old-portal export in as an Article: create, update or skip, all or nothing."""

import hashlib
import html
import re
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from lsunion import versioning
from lsunion.text import normalise
from news.legacy import LegacyArticle, NotAnArticle, decode, parse
from news.models import Article, ArticlePhoto, Category
from organizations.matching import find_body, mentioned_body_ids

__all__ = ["DEFAULT_CATEGORY", "NotAnArticle", "Outcome", "decode", "import_bytes", "parse"]

DEFAULT_CATEGORY = "Hoạt động công đoàn"
_VOWELS = re.compile(r"[aeiouyàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]")


@dataclass
class Outcome:
    action: str  # "created" | "updated" | "unchanged" | "skipped"
    title: str = ""
    reason: str = ""
    article: Article | None = None
    published_at: datetime | None = None
    category: str = ""


def legacy_key(parsed: LegacyArticle) -> str:
    """What identifies an export: its title and original date, not its file."""
    day = parsed.published_at.date().isoformat() if parsed.published_at else ""
    return hashlib.sha256(f"{normalise(parsed.title)}|{day}".encode()).hexdigest()


def body_html(parsed: LegacyArticle) -> str:
    return "".join(
        f"<{kind}>{html.escape(text, quote=False)}</{kind}>" for kind, text in parsed.blocks
    )


def category_name(label: str) -> str:
    """A label in capitals as a category name: "HOẠT ĐỘNG CĐCS" -> "Hoạt động CĐCS"."""
    if not label.isupper():
        return label
    words = [w if not _VOWELS.search(w.lower()) else w.lower() for w in label.split()]
    first = words[0]
    words[0] = first[:1].upper() + first[1:]
    return " ".join(words)


def category_for(label: str, default: str) -> Category:
    """The category named by the label (or the default), created when new."""
    name = label or default
    wanted = normalise(name)
    for category in Category.objects.all():
        if normalise(category.name) == wanted:
            return category
    return Category.objects.create(name=category_name(name))


def import_bytes(
    data: bytes,
    *,
    publish: bool = False,
    default_category: str = DEFAULT_CATEGORY,
    dry_run: bool = False,
    by=None,
    allow_update: bool = True,
) -> Outcome:
    """Import one export. Nothing is written on a dry run or when the file cannot be parsed."""
    try:
        parsed = parse(decode(data))
    except NotAnArticle as error:
        return Outcome("skipped", reason=str(error))
    return import_parsed(
        parsed,
        publish=publish,
        default_category=default_category,
        dry_run=dry_run,
        by=by,
        allow_update=allow_update,
    )


def import_parsed(
    parsed: LegacyArticle,
    *,
    publish: bool = False,
    default_category: str = DEFAULT_CATEGORY,
    dry_run: bool = False,
    by=None,
    allow_update: bool = True,
) -> Outcome:
    """Store one parsed export in its own transaction; roll back on a dry run or no change."""
    try:
        with (
            transaction.atomic(),
            versioning.recorded(user=by, comment=_("Nhập từ cổng cũ")),
        ):
            outcome = _store(
                parsed,
                publish=publish,
                default_category=default_category,
                by=by,
                allow_update=allow_update,
            )
            if dry_run or outcome.action in {"unchanged", "skipped"}:
                transaction.set_rollback(True)
    except Exception as error:  # noqa: BLE001 - one bad file must not stop a folder
        return Outcome(
            "skipped",
            title=parsed.title,
            reason=_("Lỗi khi lưu: %(error)s") % {"error": error},
            published_at=parsed.published_at,
        )
    if dry_run or outcome.action == "skipped":
        outcome.article = None
    elif outcome.action == "unchanged":
        outcome.article = Article.objects.filter(legacy_key=legacy_key(parsed)).first()
    return outcome


def _store(
    parsed: LegacyArticle, *, publish: bool, default_category: str, by, allow_update
) -> Outcome:
    key = legacy_key(parsed)
    article = Article.objects.filter(legacy_key=key).first()
    created = article is None
    category = category_for(parsed.category, default_category)
    found = Outcome(
        "created" if created else "updated",
        title=parsed.title,
        published_at=parsed.published_at,
        category=category.name,
    )
    if not created and not allow_update:
        found.action = "skipped"
        found.reason = _("Bài đã có trên cổng mới; bạn không có quyền sửa bài.")
        return found
    if created:
        article = Article(legacy_key=key, created_by=by)
    before = None if created else _snapshot(article)

    article.title = parsed.title
    article.body = body_html(parsed)
    article.category = category
    source = find_body(parsed.source) if parsed.source else None
    article.source_body = source or article.source_body
    article.byline = _byline(parsed, matched=source is not None)
    if parsed.published_at:
        article.published_at = parsed.published_at
    reasons = []
    if not parsed.published_at:
        reasons.append(_("Không có ngày gốc."))
    if not parsed.blocks:
        reasons.append(_("Bài không có nội dung."))
    if publish:
        if parsed.published_at and parsed.blocks:
            article.status = Article.Status.PUBLISHED
        else:
            reasons.append(_("Để ở dạng bản nháp."))
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

    found.article = article
    found.reason = " ".join(reasons)
    if not created and _snapshot(article) == before:
        found.action = "unchanged"
    return found


def _byline(parsed: LegacyArticle, *, matched: bool) -> str:
    """The credit as written; an unmatched source body stays in it so nothing is lost."""
    byline = parsed.byline
    if parsed.source_line and not matched and parsed.source_line not in byline:
        byline = " – ".join(part for part in (byline, parsed.source_line) if part)
    return byline[:200]


def _snapshot(article: Article) -> tuple:
    article.refresh_from_db()
    photos = tuple(article.photos.values_list("alt_text", "caption", "after_paragraph"))
    bodies = tuple(sorted(article.mentioned_bodies.values_list("pk", flat=True)))
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
