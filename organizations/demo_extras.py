"""What makes the demo bodies, people and meetings look used: member figures for every body,
portraits for the people, documents for the meetings – all drawn or written on the machine
and marked as samples (the portraits and documents say "minh họa" / "mẫu" on their face).

Idempotent and cheap on a second run: only what is missing is made.
"""

import io
import random

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageDraw

from lsunion import demo_pictures
from organizations.models import Meeting, MeetingDocument, MemberFigure, Person, UnionBody

SAMPLE = "Dữ liệu mẫu để minh họa, chưa được xác minh."
YEARS = range(2016, 2025)
# (kind, typical members) for the bodies the demo gives figures to.
SIZES = {
    UnionBody.Kind.SECTORAL: 6000,
    UnionBody.Kind.ECONOMIC_ZONE: 2500,
    UnionBody.Kind.DISTRICT: 2200,
    UnionBody.Kind.GRASSROOTS: 120,
}
DOCUMENTS = [
    ("Nghị quyết hội nghị (bản mẫu)", "NGHỊ QUYẾT"),
    ("Báo cáo kết quả công tác (bản mẫu)", "BÁO CÁO"),
]


def load() -> str:
    figures = _figures()
    portraits = _portraits()
    documents = _documents()
    return f"{figures} số liệu đoàn viên, {portraits} ảnh chân dung, {documents} tài liệu mẫu mới"


def _figures() -> int:
    """Member figures by year for every body that has none (one insert)."""
    have = set(MemberFigure.objects.values_list("body_id", "year"))
    made = []
    for body in UnionBody.objects.filter(kind__in=SIZES).only("pk", "kind", "slug"):
        rng = random.Random(body.slug)
        members = round(SIZES[body.kind] * rng.uniform(0.6, 1.6))
        for offset, year in enumerate(YEARS):
            if (body.pk, year) in have:
                continue
            grown = members + offset * members // rng.randint(40, 80)
            made.append(
                MemberFigure(
                    body=body,
                    year=year,
                    members=grown,
                    women_members=round(grown * rng.uniform(0.4, 0.62)),
                    new_members=max(1, grown // rng.randint(20, 40)),
                    new_unions=rng.randint(0, 4) if body.kind != UnionBody.Kind.GRASSROOTS else 0,
                    grassroots_unions=(
                        None
                        if body.kind == UnionBody.Kind.GRASSROOTS
                        else 20 + offset + rng.randint(0, 30)
                    ),
                    note=SAMPLE,
                )
            )
    MemberFigure.objects.bulk_create(made)
    return len(made)


def _portraits() -> int:
    made = 0
    for person in Person.objects.filter(photo=""):
        key = f"chan-dung-{person.slug or person.pk}"
        person.photo = demo_pictures.stored(key, lambda k=key: demo_pictures.portrait(k))
        person.save()
        made += 1
    return made


def _documents() -> int:
    made = 0
    for meeting in Meeting.objects.filter(documents__isnull=True).select_related("organiser"):
        for order, (title, heading) in enumerate(DOCUMENTS):
            name = f"tai-lieu/mau/{meeting.slug[:80]}-{order}.pdf"
            if not default_storage.exists(name):
                content = demo_pictures.cached_file(
                    f"{meeting.slug[:80]}-{order}.pdf", lambda h=heading, m=meeting: _pdf(h, m)
                )
                default_storage.save(name, ContentFile(content))
            MeetingDocument.objects.create(meeting=meeting, title=title, file=name, order=order)
            made += 1
    return made


def _pdf(heading: str, meeting: Meeting) -> bytes:
    """A one-page A4 document drawn with Pillow (no PDF engine to load), marked as a sample."""
    page = Image.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(page)
    small, body, large = (demo_pictures.font(size) for size in (28, 32, 46))
    draw.text(
        (90, 90),
        meeting.organiser.name.upper() if meeting.organiser_id else "",
        font=small,
        fill="black",
    )
    draw.text((760, 90), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", font=small, fill="black")
    draw.text((620, 300), heading, font=large, fill="black", anchor="mm")
    lines, line = [], ""
    for word in meeting.title.split():
        if len(line) + len(word) > 48:
            lines.append(line)
            line = ""
        line = f"{line} {word}".strip()
    lines.append(line)
    for index, text in enumerate(lines):
        draw.text((620, 380 + index * 46), text, font=body, fill="black", anchor="mm")
    draw.rectangle((90, 620, 1150, 700), outline=(163, 22, 33), width=4)
    draw.text(
        (620, 660),
        "TÀI LIỆU MẪU – KHÔNG CÓ GIÁ TRỊ PHÁP LÝ",
        font=body,
        fill=(163, 22, 33),
        anchor="mm",
    )
    for index in range(14):
        y = 780 + index * 56
        draw.line((90, y, 1150 - (index % 4) * 120, y), fill=(190, 190, 190), width=6)
    out = io.BytesIO()
    page.save(out, "PDF", resolution=150)
    return out.getvalue()
