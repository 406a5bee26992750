"""Images in: verify uploads with Pillow, strip metadata, cap size, make renditions.

A stored image is named `<random>-<width>x<height>.<ext>`; its renditions live beside it
under `renditions/` with the width in the name. Pages build `srcset` from the name alone,
so showing a picture never costs a query or a storage lookup.
"""

import contextlib
import io
import posixpath
import re
import secrets
import threading

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, Storage, default_storage
from django.utils.translation import gettext as _
from PIL import Image, ImageCms, ImageFile, ImageOps, UnidentifiedImageError

# Formats we accept, and the extensions that may carry them.
ACCEPTED = {
    "JPEG": ("jpg", {"jpg", "jpeg", "jfif"}),
    "PNG": ("png", {"png"}),
    "GIF": ("png", {"gif"}),
    "WEBP": ("webp", {"webp"}),
}
RENDITION_FORMATS = ("webp", "jpg")
_SIZED_NAME = re.compile(r"^(?P<stem>.+)-(?P<w>\d{1,5})x(?P<h>\d{1,5})\.(?P<ext>jpg|png|webp)$")

Image.MAX_IMAGE_PIXELS = None  # we check the pixel count ourselves, before decoding
_SRGB = ImageCms.createProfile("sRGB")


@contextlib.contextmanager
def _truncation_is_an_error():
    """WeasyPrint sets Pillow's process-wide LOAD_TRUNCATED_IMAGES on import (so that a PDF
    renders whatever its pictures), after which a cut-off upload would decode "fine", grey at
    the bottom. While an upload is decoded, truncation is an error again. The images PDFs
    draw are ones we stored, complete, so the moment this lasts costs them nothing."""
    with _truncation_lock:
        saved = ImageFile.LOAD_TRUNCATED_IMAGES
        ImageFile.LOAD_TRUNCATED_IMAGES = False
        try:
            yield
        finally:
            ImageFile.LOAD_TRUNCATED_IMAGES = saved


_truncation_lock = threading.Lock()


def _reject(message: str) -> ValidationError:
    return ValidationError(message, code="invalid_image")


def inspect(upload) -> tuple[str, int, int]:
    """Check an uploaded file is an image we accept; return (format, width, height).

    Raises ValidationError with a Vietnamese message for anything else: a file that is
    not an image, SVG or HTML dressed as one, an extension that lies about the content,
    or a file too large in bytes or pixels (decompression bombs).
    """
    size = getattr(upload, "size", None)
    if size is not None and size > settings.IMAGE_MAX_BYTES:
        limit = settings.IMAGE_MAX_BYTES // (1024 * 1024)
        raise _reject(_("Ảnh quá lớn: tối đa %(limit)s MB.") % {"limit": limit})
    upload.seek(0)
    try:
        with Image.open(upload) as probe:
            fmt, (width, height) = probe.format, probe.size
            if fmt not in ACCEPTED:
                raise _reject(_("Chỉ nhận ảnh JPEG, PNG, GIF hoặc WebP."))
            if width * height > settings.IMAGE_MAX_PIXELS:
                raise _reject(_("Ảnh có quá nhiều điểm ảnh (tối đa 40 triệu)."))
            probe.verify()
        # verify() reads the structure only; a truncated or corrupt file decodes badly
        # later. Decode it once here (the pixel count is already capped) so every upload
        # path refuses it with a message instead of failing while cleaning.
        upload.seek(0)
        with Image.open(upload) as decoded, _truncation_is_an_error():
            try:
                decoded.load()
            except (OSError, SyntaxError, ValueError, EOFError):
                raise _reject(
                    _("Tệp ảnh bị hỏng hoặc chưa tải lên hết. Hãy chọn lại tệp ảnh gốc.")
                ) from None
    except ValidationError:
        raise
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        ValueError,
        EOFError,
        Image.DecompressionBombError,
    ):
        raise _reject(
            _("Tệp tải lên không phải là ảnh hợp lệ. Hãy chọn một tệp ảnh JPEG, PNG hoặc WebP.")
        ) from None
    finally:
        upload.seek(0)
    name = getattr(upload, "name", "") or ""
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if ext and ext not in ACCEPTED[fmt][1]:
        raise _reject(_("Phần mở rộng của tệp không khớp với nội dung ảnh."))
    return fmt, width, height


def validate_image(upload) -> None:
    """Model/form field validator: see inspect()."""
    inspect(upload)


def _srgb(image: Image.Image) -> Image.Image:
    """The image's colours in sRGB, so its ICC profile (if any) can be dropped."""
    profile = image.info.get("icc_profile")
    if not profile or image.mode not in ("RGB", "RGBA", "CMYK"):
        return image
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        mode = "RGBA" if image.mode == "RGBA" else "RGB"
        return ImageCms.profileToProfile(image, source, _SRGB, outputMode=mode)
    except (ImageCms.PyCMSError, OSError, ValueError):
        return image  # an unreadable profile: keep the pixels as they are


def bare(image: Image.Image) -> Image.Image:
    """The pixels only: no EXIF, GPS, XMP, IPTC, ICC profile or comment left to save.

    Pillow's encoders copy `info` (comments, XMP, ICC, EXIF) into the file they write, so
    a re-encoded JPEG kept a COM segment with whatever the camera, an editor or an
    attacker put there. Colour is kept by converting to sRGB first.
    """
    if "transparency" in image.info and image.mode not in ("RGBA", "LA"):
        image = image.convert("RGBA")
    image = _srgb(image)
    if image.mode == "CMYK":
        image = image.convert("RGB")
    image = image.copy()
    image.info = {}
    return image


def clean(upload) -> ContentFile:
    """Re-encode an accepted upload upright and without any metadata.

    The result is named `<random>-<width>x<height>.<ext>`.
    """
    fmt, _w, _h = inspect(upload)
    with Image.open(upload) as source:
        source.load()
        image = bare(ImageOps.exif_transpose(source))
    ext = ACCEPTED[fmt][0]
    out = io.BytesIO()
    if ext == "jpg":
        image.convert("RGB").save(out, "JPEG", quality=88, optimize=True, progressive=True)
    elif ext == "webp":
        image.save(out, "WEBP", quality=85)
    else:
        if image.mode not in ("RGB", "RGBA", "L", "LA"):
            image = image.convert("RGBA")
        image.save(out, "PNG", optimize=True)
    width, height = image.size
    upload.seek(0)
    return ContentFile(out.getvalue(), name=f"{secrets.token_hex(8)}-{width}x{height}.{ext}")


def rendition_widths(width: int) -> list[int]:
    return [w for w in settings.IMAGE_RENDITION_WIDTHS if w < width]


def rendition_name(name: str, width: int, fmt: str) -> str:
    directory, filename = posixpath.split(name)
    stem = filename.rsplit(".", 1)[0]
    return posixpath.join("renditions", directory, f"{stem}-{width}w.{fmt}")


def make_renditions(name: str, storage: Storage | None = None) -> list[str]:
    """Write the WebP and JPEG renditions of a stored image; return their names."""
    storage = storage or default_storage
    with storage.open(name, "rb") as stored, Image.open(stored) as original:
        original.load()
        width = original.size[0]
        made = []
        for target in rendition_widths(width):
            height = max(1, round(original.size[1] * target / width))
            resized = bare(original).convert("RGB")
            resized = resized.resize((target, height), Image.Resampling.LANCZOS)
            for fmt in RENDITION_FORMATS:
                out = io.BytesIO()
                if fmt == "webp":
                    resized.save(out, "WEBP", quality=80, method=4)
                else:
                    resized.save(out, "JPEG", quality=82, optimize=True, progressive=True)
                path = rendition_name(name, target, fmt)
                if storage.exists(path):
                    storage.delete(path)
                made.append(storage.save(path, ContentFile(out.getvalue())))
    return made


def store(upload, directory: str, storage: Storage | None = None) -> str:
    """Clean an upload, save it under `directory` with its renditions; return its name."""
    storage = storage or default_storage
    cleaned = clean(upload)
    name = storage.save(posixpath.join(directory, cleaned.name), cleaned)
    make_renditions(name, storage)
    return name


def size_from_name(name: str) -> tuple[int, int] | None:
    match = _SIZED_NAME.match(posixpath.basename(name or ""))
    return (int(match["w"]), int(match["h"])) if match else None


def _media_name(url: str) -> str | None:
    if not url.startswith(settings.MEDIA_URL):
        return None
    return url[len(settings.MEDIA_URL) :]


def media_name(url: str) -> str | None:
    """The stored name behind one of our media addresses (None for any other address)."""
    return _media_name(url)


def size_from_url(url: str) -> tuple[int, int] | None:
    name = _media_name(url)
    return size_from_name(name) if name else None


def media_url(name: str) -> str:
    """The address of a stored file. Our names are plain ASCII (random hex, sizes), so on the
    local file system this is MEDIA_URL + name, without the storage's URL quoting."""
    base = getattr(default_storage, "base_url", None)
    if isinstance(default_storage, FileSystemStorage) and base:
        return base + name
    return default_storage.url(name)


def srcset(name: str, width: int, fmt: str = "jpg") -> str:
    """The srcset of a stored image's renditions in one format (from its name alone)."""
    candidates = [
        f"{media_url(rendition_name(name, w, fmt))} {w}w" for w in rendition_widths(width)
    ]
    if fmt == "jpg" or name.endswith("." + fmt):
        candidates.append(f"{media_url(name)} {width}w")
    return ", ".join(candidates)


def srcset_for_url(url: str, width: int) -> str:
    name = _media_name(url)
    return srcset(name, width, "jpg") if name else ""
