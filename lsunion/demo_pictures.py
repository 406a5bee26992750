"""Pictures for the demo portal, drawn on the machine with Pillow (nothing is downloaded).

Each picture is an illustrated scene – a meeting hall under a red banner, the province's
mountains and fields, a factory, a gift handed over, a classroom – or a portrait, and carries
an "Ảnh minh họa" label so no reader takes it for a real photo. A picture is drawn once:
the file and its renditions are kept in DEMO_PICTURE_CACHE and copied into the media
storage on later runs (a fresh test media folder, a second `make run`), which takes
milliseconds instead of the seconds that drawing and encoding cost.
"""

import io
import posixpath
import random
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from lsunion import images

# Change when the drawings change, so cached files are drawn again.
VERSION = 5
FOLDER = "mau"  # media folder of the demo pictures
LABEL = "Ảnh minh họa"
FONT_FILES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
)

Color = tuple[int, int, int]
SKIES: list[tuple[Color, Color]] = [
    ((122, 178, 230), (236, 244, 250)),
    ((247, 160, 114), (255, 226, 180)),
    ((96, 140, 205), (205, 226, 245)),
    ((160, 205, 235), (250, 240, 215)),
]
GREENS: list[Color] = [(62, 122, 70), (86, 150, 80), (40, 96, 64), (120, 170, 90)]
CLOTHES: list[Color] = [
    (11, 74, 139), (163, 22, 33), (245, 245, 245), (46, 107, 48), (230, 180, 40), (90, 60, 120),
]  # fmt: skip
SKIN: list[Color] = [(240, 200, 160), (222, 176, 134), (198, 150, 110)]
HAIR: list[Color] = [(30, 24, 20), (50, 36, 28), (70, 60, 55)]


def font(size: int):
    for path in FONT_FILES:
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default(size=size)


def _gradient(size: tuple[int, int], top: Color, bottom: Color) -> Image.Image:
    height = size[1]
    column = Image.new("RGB", (1, height))
    for y in range(height):
        t = y / max(1, height - 1)
        column.putpixel(
            (0, y), tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
        )
    return column.resize(size)


def _shade(color: Color, factor: float) -> Color:
    return tuple(max(0, min(255, round(c * factor))) for c in color)


def _hills(
    draw: ImageDraw.ImageDraw, rng: random.Random, w: int, h: int, base: float, color: Color
):
    """A ridge of limestone hills (Lạng Sơn's karst) across the picture."""
    points = [(0, h)]
    x = 0
    while x <= w:
        points.append((x, h * base - rng.uniform(0, h * 0.22)))
        x += rng.randint(w // 14, w // 6)
    points += [(w, h * base - rng.uniform(0, h * 0.15)), (w, h)]
    draw.polygon(points, fill=color)


def _person(draw, rng, x: float, ground: float, height: float, clothes: Color | None = None):
    """A standing figure: head, hair, body and legs, `height` pixels tall."""
    head = height * 0.16
    skin, hair = rng.choice(SKIN), rng.choice(HAIR)
    clothes = clothes or rng.choice(CLOTHES)
    top = ground - height
    draw.rounded_rectangle(
        (x - height * 0.17, top + head * 1.9, x + height * 0.17, ground - height * 0.38),
        radius=height * 0.06,
        fill=clothes,
    )
    trousers = _shade(rng.choice([(40, 44, 60), (60, 60, 64), (20, 40, 80)]), 1)
    draw.rectangle(
        (x - height * 0.13, ground - height * 0.4, x - height * 0.02, ground), fill=trousers
    )
    draw.rectangle(
        (x + height * 0.02, ground - height * 0.4, x + height * 0.13, ground), fill=trousers
    )
    draw.ellipse((x - head, top, x + head, top + head * 2), fill=skin)
    draw.chord((x - head, top - head * 0.1, x + head, top + head * 1.3), 180, 360, fill=hair)


def _seated_heads(draw, rng, w: int, top: float, rows: int, spacing: float):
    """An audience seen from behind: rows of heads and shoulders."""
    for row in range(rows):
        y = top + row * spacing * 0.9
        size = spacing * (0.35 + row * 0.06)
        offset = rng.uniform(0, spacing)
        x = -offset
        while x < w + spacing:
            shoulders = rng.choice(CLOTHES)
            draw.rounded_rectangle(
                (x - size * 1.1, y + size * 0.9, x + size * 1.1, y + size * 3),
                radius=size * 0.5,
                fill=shoulders,
            )
            draw.ellipse(
                (x - size * 0.7, y - size * 0.4, x + size * 0.7, y + size * 1.2),
                fill=rng.choice(HAIR),
            )
            x += spacing * rng.uniform(0.85, 1.15)


def _star(draw, cx: float, cy: float, radius: float, color: Color):
    import math

    points = []
    for i in range(10):
        r = radius if i % 2 == 0 else radius * 0.4
        angle = -math.pi / 2 + i * math.pi / 5
        points.append((cx + r * math.cos(angle), cy + r * math.sin(angle)))
    draw.polygon(points, fill=color)


def _hall(image: Image.Image, rng: random.Random):
    """A meeting hall: red banner with the star, a lectern, flowers, the audience."""
    w, h = image.size
    draw = ImageDraw.Draw(image)
    draw.rectangle(
        (0, 0, w, h * 0.62), fill=rng.choice([(120, 24, 30), (140, 30, 36), (100, 20, 40)])
    )
    draw.rectangle((0, h * 0.62, w, h), fill=(118, 82, 58))
    draw.rectangle((w * 0.08, h * 0.08, w * 0.92, h * 0.3), fill=(196, 28, 36))
    for i in range(6):
        draw.rectangle(
            (w * (0.16 + i * 0.12), h * 0.17, w * (0.16 + i * 0.12) + w * 0.08, h * 0.2),
            fill=(255, 214, 80),
        )
    _star(draw, w * 0.5, h * 0.42, h * 0.09, (255, 214, 0))
    draw.rectangle((w * 0.62, h * 0.42, w * 0.72, h * 0.66), fill=(150, 100, 60))
    _person(draw, rng, w * 0.67, h * 0.55, h * 0.22, (245, 245, 245))
    draw.rectangle((w * 0.62, h * 0.46, w * 0.72, h * 0.66), fill=(160, 110, 70))
    for x in (w * 0.2, w * 0.3):
        draw.ellipse((x - h * 0.05, h * 0.52, x + h * 0.05, h * 0.62), fill=(240, 200, 40))
        draw.ellipse((x - h * 0.03, h * 0.5, x + h * 0.03, h * 0.56), fill=(220, 60, 60))
    _seated_heads(draw, rng, w, h * 0.7, 3, h * 0.13)


def _landscape(image: Image.Image, rng: random.Random):
    """Mountains and rice fields, with a group of people in front."""
    w, h = image.size
    draw = ImageDraw.Draw(image)
    sun = (w * rng.uniform(0.6, 0.85), h * rng.uniform(0.12, 0.25))
    draw.ellipse(
        (sun[0] - h * 0.07, sun[1] - h * 0.07, sun[0] + h * 0.07, sun[1] + h * 0.07),
        fill=(255, 236, 170),
    )
    green = rng.choice(GREENS)
    _hills(draw, rng, w, h, 0.5, _shade(green, 0.75))
    _hills(draw, rng, w, h, 0.62, green)
    for i in range(5):
        y = h * (0.7 + i * 0.06)
        draw.rectangle((0, y, w, y + h * 0.03), fill=_shade(green, 1.15 + i * 0.03))
    for i in range(rng.randint(3, 6)):
        _person(draw, rng, w * (0.15 + i * 0.12), h * 0.95, h * rng.uniform(0.3, 0.36))


def _factory(image: Image.Image, rng: random.Random):
    """Workshops and chimneys, workers in helmets in front."""
    w, h = image.size
    draw = ImageDraw.Draw(image)
    _hills(draw, rng, w, h, 0.55, _shade(rng.choice(GREENS), 0.8))
    for i in range(4):
        x = w * (0.05 + i * 0.24)
        top = h * rng.uniform(0.35, 0.5)
        draw.rectangle(
            (x, top, x + w * 0.2, h * 0.78),
            fill=rng.choice([(170, 176, 186), (140, 150, 165), (200, 196, 188)]),
        )
        for j in range(3):
            draw.rectangle(
                (
                    x + w * (0.02 + j * 0.06),
                    top + h * 0.06,
                    x + w * (0.05 + j * 0.06),
                    top + h * 0.12,
                ),
                fill=(70, 110, 150),
            )
    draw.rectangle((w * 0.8, h * 0.18, w * 0.84, h * 0.5), fill=(120, 120, 130))
    draw.ellipse((w * 0.78, h * 0.08, w * 0.9, h * 0.18), fill=(230, 230, 235))
    draw.rectangle((0, h * 0.78, w, h), fill=(150, 146, 140))
    for i in range(rng.randint(3, 5)):
        x = w * (0.2 + i * 0.15)
        _person(draw, rng, x, h * 0.97, h * 0.32, (11, 74, 139))
        draw.chord((x - h * 0.035, h * 0.64, x + h * 0.035, h * 0.7), 180, 360, fill=(255, 200, 0))


def _gifts(image: Image.Image, rng: random.Random):
    """A gift handed over on a stage: two people, boxes in red paper."""
    w, h = image.size
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, w, h * 0.55), fill=(176, 30, 40))
    _star(draw, w * 0.15, h * 0.2, h * 0.08, (255, 214, 0))
    draw.rectangle((w * 0.28, h * 0.12, w * 0.95, h * 0.28), fill=(205, 40, 48))
    draw.rectangle((0, h * 0.55, w, h), fill=(226, 214, 190))
    for i in range(rng.randint(4, 6)):
        _person(draw, rng, w * (0.12 + i * 0.16), h * 0.95, h * 0.5)
    for i in range(rng.randint(2, 4)):
        x = w * (0.2 + i * 0.2)
        draw.rectangle((x, h * 0.62, x + h * 0.1, h * 0.72), fill=(210, 30, 40))
        draw.rectangle((x + h * 0.045, h * 0.62, x + h * 0.055, h * 0.72), fill=(255, 214, 0))


def _classroom(image: Image.Image, rng: random.Random):
    """A classroom or clinic: a board, windows, people at desks."""
    w, h = image.size
    draw = ImageDraw.Draw(image)
    draw.rectangle(
        (0, 0, w, h), fill=rng.choice([(238, 232, 210), (222, 236, 232), (236, 226, 214)])
    )
    draw.rectangle((w * 0.1, h * 0.12, w * 0.55, h * 0.45), fill=(30, 80, 60))
    for i in range(4):
        draw.line(
            (w * 0.14, h * (0.2 + i * 0.06), w * (0.3 + rng.random() * 0.2), h * (0.2 + i * 0.06)),
            fill=(230, 240, 230),
            width=max(2, h // 120),
        )
    for i in range(2):
        x = w * (0.65 + i * 0.16)
        draw.rectangle((x, h * 0.12, x + w * 0.12, h * 0.42), fill=(150, 200, 235))
        draw.line(
            (x + w * 0.06, h * 0.12, x + w * 0.06, h * 0.42),
            fill=(255, 255, 255),
            width=max(2, h // 100),
        )
    _person(draw, rng, w * 0.6, h * 0.72, h * 0.42)
    for i in range(5):
        x = w * (0.1 + i * 0.2)
        draw.rectangle((x - w * 0.08, h * 0.78, x + w * 0.08, h * 0.84), fill=(150, 100, 60))
    _seated_heads(draw, rng, w, h * 0.72, 2, h * 0.14)


SCENES: dict[str, Callable[[Image.Image, random.Random], None]] = {
    "hall": _hall,
    "landscape": _landscape,
    "factory": _factory,
    "gifts": _gifts,
    "classroom": _classroom,
}


def _label(image: Image.Image) -> None:
    """ "Ảnh minh họa" in the lower corner, readable on any background."""
    w, h = image.size
    face = font(max(12, w // 36))
    draw = ImageDraw.Draw(image)
    box = draw.textbbox((0, 0), LABEL, font=face)
    pad = max(4, w // 160)
    x, y = w - (box[2] - box[0]) - 3 * pad, h - (box[3] - box[1]) - 3 * pad
    draw.rectangle((x - pad, y - pad, w - pad, h - pad), fill=(0, 0, 0))
    draw.text((x, y - box[1]), LABEL, font=face, fill=(255, 255, 255))


def scene(kind: str, seed: str, size: tuple[int, int] = (1280, 853)) -> Image.Image:
    """An illustrated scene of one kind (SCENES), the same for the same seed."""
    rng = random.Random(f"{kind}:{seed}")
    top, bottom = rng.choice(SKIES)
    image = _gradient(size, top, bottom)
    SCENES[kind](image, rng)
    image = image.filter(ImageFilter.SMOOTH)
    _label(image)
    return image


def portrait(seed: str, size: tuple[int, int] = (480, 600)) -> Image.Image:
    """A head-and-shoulders portrait on a plain studio background."""
    rng = random.Random(f"portrait:{seed}")
    w, h = size
    image = _gradient(
        size, rng.choice([(70, 110, 160), (120, 140, 160), (90, 130, 120)]), (225, 232, 240)
    )
    draw = ImageDraw.Draw(image)
    jacket = rng.choice([(30, 40, 60), (60, 64, 70), (11, 74, 139), (245, 245, 245)])
    draw.rounded_rectangle((w * 0.12, h * 0.66, w * 0.88, h * 1.1), radius=w * 0.2, fill=jacket)
    draw.polygon(
        [(w * 0.4, h * 0.66), (w * 0.6, h * 0.66), (w * 0.5, h * 0.84)], fill=(250, 250, 250)
    )
    draw.rectangle((w * 0.43, h * 0.55, w * 0.57, h * 0.7), fill=rng.choice(SKIN))
    draw.ellipse((w * 0.3, h * 0.2, w * 0.7, h * 0.62), fill=rng.choice(SKIN))
    draw.chord((w * 0.29, h * 0.16, w * 0.71, h * 0.46), 180, 360, fill=rng.choice(HAIR))
    image = image.filter(ImageFilter.SMOOTH)
    _label(image)
    return image


def stored(key: str, draw: Callable[[], Image.Image]) -> str:
    """The media name of a demo picture, drawn (once) and stored with its renditions."""
    cache_dir = Path(settings.DEMO_PICTURE_CACHE)
    cache = FileSystemStorage(location=cache_dir)
    stem = f"{key}-v{VERSION}-"
    existing = sorted(p.name for p in cache_dir.glob(f"{stem}*.jpg")) if cache_dir.is_dir() else []
    if existing:
        name = existing[0]
    else:
        image = draw()
        name = f"{stem}{image.size[0]}x{image.size[1]}.jpg"
        data = io.BytesIO()
        image.save(data, "JPEG", quality=84, optimize=True, progressive=True)
        cache.save(name, ContentFile(data.getvalue()))
        images.make_renditions(name, cache)
    target = posixpath.join(FOLDER, name)
    width = images.size_from_name(name)[0]
    files = [(name, target)] + [
        (images.rendition_name(name, w, fmt), images.rendition_name(target, w, fmt))
        for w in images.rendition_widths(width)
        for fmt in images.RENDITION_FORMATS
    ]
    for source, destination in files:
        if not default_storage.exists(destination):
            with cache.open(source, "rb") as content:
                default_storage.save(destination, content)
    return target


def cached_file(name: str, make: Callable[[], bytes]) -> bytes:
    """Another demo file (a PDF) made once and kept beside the pictures."""
    path = Path(settings.DEMO_PICTURE_CACHE) / f"v{VERSION}-{name}"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(make())
    return path.read_bytes()
