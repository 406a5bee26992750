"""Generate a realistic dataset: ten years of Vietnamese union news and the bodies behind it.

Rows are built in batches and written with bulk_create, computing exactly what each model's
save() would (NFC text, sanitised body, search forms, slugs), so memory stays bounded and
100,000 articles take a minute or two. Idempotent: an existing dataset is left alone.
"""

import io
import random
from datetime import timedelta
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw

from awards.models import (
    AwardForm,
    AwardTitle,
    Decision,
    IssuingLevel,
    Movement,
    Recipient,
    new_verification_code,
)
from bench.progress import Progress
from lsunion import images
from lsunion.html import sanitise_html, strip_tags
from lsunion.text import normalise, slugify_vi
from news.models import Article, Category
from organizations.matching import body_key
from organizations.models import Meeting, Person, UnionBody

SEEDS = Path(__file__).resolve().parent.parent / "news" / "fixtures" / "legacy"
BATCH = 500
RNG = random.Random(20261123)

PLACES = [
    "Văn Quan", "Đình Lập", "Bắc Sơn", "Cao Lộc", "Lộc Bình", "Chi Lăng", "Hữu Lũng",
    "Tràng Định", "Bình Gia", "Văn Lãng", "thành phố Lạng Sơn", "Đồng Đăng", "Na Dương",
]  # fmt: skip
UNITS = [
    "Trường THPT", "Trường THCS", "Trường Tiểu học", "Trường Mầm non", "Trung tâm Y tế",
    "Bệnh viện", "Công ty Cổ phần", "Hợp tác xã", "Chi cục Thuế", "Kho bạc Nhà nước",
    "Ban Quản lý dự án", "Công ty TNHH", "Điện lực", "Bưu điện",
]  # fmt: skip
EVENTS = [
    "sơ kết công tác Công đoàn 6 tháng đầu năm", "tổng kết công tác công đoàn năm",
    "Hội nghị Ban Chấp hành", "trao giấy khen cho tập thể, cá nhân tiêu biểu",
    "phát động phong trào thi đua Lao động giỏi, Lao động sáng tạo",
    "tổ chức Tháng Công nhân", "thăm hỏi, tặng quà đoàn viên có hoàn cảnh khó khăn",
    "tập huấn nghiệp vụ cho cán bộ công đoàn cơ sở", "ký kết giao ước thi đua",
    "tuyên truyền Bộ luật Lao động cho công nhân, viên chức, lao động",
    "tổ chức Giải bóng đá công nhân", "biểu dương điển hình Giỏi việc nước, đảm việc nhà",
    "kết nạp đoàn viên, thành lập công đoàn cơ sở", "Đại hội Công đoàn cơ sở nhiệm kỳ mới",
]  # fmt: skip
CATEGORIES = [
    "Hoạt động công đoàn", "Tuyên truyền giáo dục", "Thi đua – Khen thưởng", "Nữ công",
    "Chính sách – Pháp luật", "Văn hóa – Thể thao", "Tổ chức – Kiểm tra", "Tin địa phương",
]  # fmt: skip
FAMILY = ["Nguyễn", "Hoàng", "Lương", "Nông", "Lý", "Vi", "Lộc", "Hà", "Đỗ", "Bế", "Triệu", "Lăng"]
MIDDLE = ["Văn", "Thị", "Thu", "Minh", "Đức", "Thanh", "Ngọc", "Hữu", "Chí", "Thiện"]
GIVEN = ["Công", "Phú", "Gấm", "Hòa", "Vỵ", "Trường", "Lan", "Hương", "Dũng", "Hạnh", "Tuấn", "Mai"]


def _sentences() -> list[str]:
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    parts = [s.strip() for s in text.replace("\n", " ").split(". ") if 60 < len(s.strip()) < 400]
    return parts or ["Công đoàn Lạng Sơn tiếp tục đổi mới nội dung, phương thức hoạt động."]


def person_name() -> str:
    return f"{RNG.choice(FAMILY)} {RNG.choice(MIDDLE)} {RNG.choice(GIVEN)}"


def _photo(index: int) -> str:
    """A small real JPEG (with renditions), stored through the same code as uploads."""
    image = Image.new("RGB", (1200, 800), (RNG.randrange(40, 200), RNG.randrange(40, 200), 120))
    draw = ImageDraw.Draw(image)
    for _ in range(12):
        x, y = RNG.randrange(1200), RNG.randrange(800)
        draw.rectangle([x, y, x + RNG.randrange(60, 300), y + RNG.randrange(40, 200)],
                       fill=(RNG.randrange(256), RNG.randrange(256), RNG.randrange(256)))  # fmt: skip
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    out.name = f"bench-{index}.jpg"
    out.size = out.getbuffer().nbytes
    return images.store(out, "bench")


def bodies(total: int = 1000) -> list[int]:
    if UnionBody.objects.count() >= total:
        return list(UnionBody.objects.values_list("pk", flat=True))
    progress = Progress("tổ chức", total)
    province = UnionBody.objects.create(name="Liên đoàn Lao động tỉnh Lạng Sơn", short_name="LĐLĐ tỉnh",
                                        kind=UnionBody.Kind.PROVINCIAL)  # fmt: skip
    progress.advance()
    uppers = []
    for place in PLACES:
        uppers.append(UnionBody.objects.create(
            name=f"Liên đoàn Lao động huyện {place}", short_name=f"LĐLĐ {place}",
            kind=UnionBody.Kind.DISTRICT, parent=province,
        ))  # fmt: skip
        progress.advance()
    made = 1 + len(uppers)
    while made < total:
        parent = RNG.choice(uppers)
        name = f"Công đoàn cơ sở {RNG.choice(UNITS)} {RNG.choice(PLACES)} số {made}"
        UnionBody.objects.create(name=name, short_name=f"CĐCS số {made}", parent=parent,
                                 kind=UnionBody.Kind.GRASSROOTS)  # fmt: skip
        made += 1
        progress.advance()
    return list(UnionBody.objects.values_list("pk", flat=True))


def meetings(body_ids: list[int], total: int = 5000) -> None:
    if Meeting.objects.count() >= total:
        return
    progress = Progress("hội nghị", total)
    chairs = [Person.objects.create(full_name=person_name()) for _ in range(200)]
    now = timezone.now()
    batch = []
    for n in range(total):
        title = f"Hội nghị {RNG.choice(EVENTS)} năm {2016 + n % 10} (lần {n})"
        place = RNG.choice(PLACES)
        batch.append(Meeting(
            kind=RNG.choice(Meeting.Kind.values), title=title, slug=f"{slugify_vi(title, 100)}-{n}",
            organiser_id=RNG.choice(body_ids), starts_at=now - timedelta(days=RNG.randrange(3650)),
            place=place, chaired_by=RNG.choice(chairs), search_title=normalise(title),
            search_text=normalise(f"{title} {place}"),
        ))  # fmt: skip
        if len(batch) >= BATCH:
            Meeting.objects.bulk_create(batch)
            progress.advance(len(batch))
            batch = []
    Meeting.objects.bulk_create(batch)
    progress.advance(len(batch))


def articles(body_ids: list[int], total: int = 100_000, photos: int = 60) -> None:
    existing = Article.objects.count()
    if existing >= total:
        return
    categories = [Category.objects.get_or_create(name=name)[0] for name in CATEGORIES]
    sentences = _sentences()
    photo_names = [_photo(i) for i in range(photos)]
    progress = Progress("tin bài", total - existing)
    now = timezone.now()
    batch = []
    for n in range(existing, total):
        place = RNG.choice(PLACES)
        title = f"LĐLĐ {place} {RNG.choice(EVENTS)} {2016 + n % 10}"
        summary = f"Công đoàn {place}: {RNG.choice(sentences)[:200]}"
        body = sanitise_html(
            "".join(f"<p>{RNG.choice(sentences)}.</p>" for _ in range(RNG.randrange(3, 8)))
        )
        published = now - timedelta(minutes=RNG.randrange(60 * 24 * 3650))
        byline = f"Tin và ảnh: {person_name()}"
        batch.append(Article(
            title=title, slug=f"{slugify_vi(title, 90)}-{n}", summary=summary, body=body,
            byline=byline, category=RNG.choice(categories),
            source_body_id=RNG.choice(body_ids), status=Article.Status.PUBLISHED,
            published_at=published, is_featured=n % 97 == 0,
            cover_image=photo_names[n % len(photo_names)] if n % 3 == 0 else "",
            cover_alt="Quang cảnh hoạt động công đoàn" if n % 3 == 0 else "",
            search_title=normalise(f"{title} {byline}"),
            search_text=normalise(f"{title} {summary} {byline} {strip_tags(body)}"),
        ))  # fmt: skip
        if len(batch) >= BATCH:
            with transaction.atomic():
                Article.objects.bulk_create(batch)
            progress.advance(len(batch))
            batch = []
    Article.objects.bulk_create(batch)
    progress.advance(len(batch))


POSITIONS = [
    "Chủ tịch CĐCS", "Phó Chủ tịch CĐCS", "Ủy viên BCH CĐCS", "Tổ trưởng công đoàn",
    "Đoàn viên", "Trưởng ban Nữ công", "Giáo viên", "Bác sĩ", "Công nhân", "Kế toán",
]  # fmt: skip
AWARD_FORMS = [
    ("Giấy khen", IssuingLevel.DIRECT_UNION), ("Giấy khen", IssuingLevel.PROVINCIAL_UNION),
    ("Bằng khen", IssuingLevel.PROVINCIAL_UNION), ("Bằng khen", IssuingLevel.NATIONAL_UNION),
    ("Cờ thi đua", IssuingLevel.PROVINCIAL_UNION),
]  # fmt: skip
MOVEMENTS = [
    "Lao động giỏi", "Lao động sáng tạo", "Giỏi việc nước, đảm việc nhà",
    "Xanh – Sạch – Đẹp, bảo đảm an toàn vệ sinh lao động", "Văn hóa – Thể thao",
]  # fmt: skip
PER_DECISION = 20


def _decision(n: int, issuer: UnionBody, form: AwardForm, movement: Movement) -> Decision:
    """A published decision with the search forms Decision.save() computes."""
    issued_on = (timezone.now() - timedelta(days=RNG.randrange(3650))).date()
    decision = Decision(
        number=str(n + 1), code="QĐ-LĐLĐ", issued_on=issued_on, year=issued_on.year,
        issuing_body=issuer, form=form, movement=movement, signer_name=person_name(),
        signer_position="Chủ tịch", period=f"năm {issued_on.year}", is_published=True,
        reason=f"Đã có thành tích xuất sắc trong phong trào thi đua “{movement.name}”.",
    )  # fmt: skip
    named = [decision.reference, form.name]
    decision.search_title = normalise(" ".join(named))
    decision.search_text = normalise(
        " ".join([*named, issuer.name, movement.name, decision.period, decision.reason,
                  decision.signer_name])
    )  # fmt: skip
    return decision


def _recipient(decision: Decision, order: int, body: UnionBody | None) -> Recipient:
    """A collective (a grassroots union) or an individual, with what Recipient.save() computes."""
    if body is not None:
        kind, name, position, unit = Recipient.Kind.COLLECTIVE, body.name, "", ""
        recipient = Recipient(collective_name=name, body=body)
    else:
        kind, name = Recipient.Kind.INDIVIDUAL, person_name()
        position = RNG.choice(POSITIONS)
        unit = f"{RNG.choice(UNITS)} {RNG.choice(PLACES)}"
        recipient = Recipient(full_name=name, position=position)
    text = " ".join([name, position, unit])
    plain, expanded = normalise(text), body_key(text)
    recipient.decision, recipient.kind, recipient.order, recipient.unit = (
        decision,
        kind,
        order,
        unit,
    )
    recipient.achievement = "Hoàn thành xuất sắc nhiệm vụ năm."
    recipient.verification_code = new_verification_code()
    recipient.match_key = Recipient.make_match_key(kind, name, unit)
    recipient.search_text = plain if plain == expanded else f"{plain} {expanded}"
    return recipient


def awards(total: int = 20_000) -> None:
    """Commendation decisions of 20 recipients each, issued by the federations, all public."""
    existing = Recipient.objects.count()
    if existing >= total:
        return
    forms = [
        AwardForm.objects.filter(name=name, level=level).first()
        or AwardForm.objects.create(name=name, level=level)
        for name, level in AWARD_FORMS
    ]
    movements = [
        Movement.objects.filter(name=name).first() or Movement.objects.create(name=name)
        for name in MOVEMENTS
    ]
    AwardTitle.objects.get_or_create(name="Lao động tiên tiến")
    issuers = list(UnionBody.objects.exclude(kind=UnionBody.Kind.GRASSROOTS)[:50])
    grassroots = list(UnionBody.objects.filter(kind=UnionBody.Kind.GRASSROOTS)[:1000])
    progress = Progress("khen thưởng", total - existing)
    n = Decision.objects.count()
    made = existing
    while made < total:
        decisions, recipients = [], []
        # One transaction per batch of decisions and their recipients: about BATCH rows.
        for _ in range(BATCH // PER_DECISION):
            decision = _decision(n, issuers[n % len(issuers)], forms[n % len(forms)],
                                 movements[n % len(movements)])  # fmt: skip
            n += 1
            decisions.append(decision)
            collectives = RNG.sample(grassroots, PER_DECISION // 4)
            keys: set[str] = set()  # a decision names each recipient once (a constraint)
            for order in range(PER_DECISION):
                body = collectives[order] if order < len(collectives) else None
                recipient = _recipient(decision, order + 1, body)
                while recipient.match_key in keys:
                    recipient = _recipient(decision, order + 1, body)
                keys.add(recipient.match_key)
                recipients.append(recipient)
        with transaction.atomic():
            Decision.objects.bulk_create(decisions)
            Recipient.objects.bulk_create(recipients[: total - made])
        progress.advance(min(len(recipients), total - made))
        made += len(recipients)


def generate(*, articles_total: int = 100_000, recipients_total: int = 20_000) -> None:
    body_ids = bodies()
    meetings(body_ids)
    articles(body_ids, articles_total)
    awards(recipients_total)
    from django.db import connection

    # What autovacuum does on a live server: fresh statistics, and a visibility map so that
    # counts and deep pages read the indexes alone.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
