"""Import many old-portal exports at once: from files and folders, or from an uploaded zip.

Each file is parsed and stored in its own transaction (news.legacy_import); one bad file is
reported and skipped and the rest go on. Two files that are the same article (same title and
original date) in one run are reported, not silently merged.
"""

import contextlib
import io
import os
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from news.legacy import NotAnArticle, decode, parse
from news.legacy_import import DEFAULT_CATEGORY, Outcome, import_parsed, legacy_key

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_ZIP_MEMBERS = 5000
MAX_ZIP_TOTAL_BYTES = 200 * 1024 * 1024
EXPORT_SUFFIX = ".txt"


# What happened to a file, and what would happen to it on a dry run.
ACTION_LABELS = {
    "created": (gettext_lazy("Tạo mới"), gettext_lazy("Sẽ tạo mới")),
    "updated": (gettext_lazy("Cập nhật"), gettext_lazy("Sẽ cập nhật")),
    "unchanged": (gettext_lazy("Không đổi"), gettext_lazy("Không đổi")),
    "skipped": (gettext_lazy("Bỏ qua"), gettext_lazy("Sẽ bỏ qua")),
}


def action_label(action: str, *, dry_run: bool) -> str:
    return str(ACTION_LABELS[action][1 if dry_run else 0])


class UnusableArchive(ValueError):
    """The uploaded archive cannot be read safely; the message says why (in Vietnamese)."""


class TooLarge(OSError):
    """A file too big to be one article's export."""


@dataclass
class Source:
    """One export to import: a name to show and a way to read its bytes."""

    name: str
    read: Callable[[], bytes]


@dataclass
class FileResult:
    name: str
    outcome: Outcome


@dataclass
class Report:
    dry_run: bool
    results: list[FileResult] = field(default_factory=list)
    ignored: int = 0  # files in folders or archives that are not .txt exports

    @property
    def counts(self) -> Counter:
        return Counter(result.outcome.action for result in self.results)

    @property
    def skipped(self) -> list[FileResult]:
        return [r for r in self.results if r.outcome.action == "skipped"]

    @property
    def changes(self) -> int:
        return self.counts["created"] + self.counts["updated"]


def run(
    sources: Iterable[Source],
    *,
    publish: bool = False,
    default_category: str = DEFAULT_CATEGORY,
    dry_run: bool = False,
    by=None,
    allow_update: bool = True,
    ignored: int = 0,
    on_progress: Callable[[int], None] | None = None,
) -> Report:
    """Import every source; the report says what happened (or would happen) to each."""
    report = Report(dry_run=dry_run, ignored=ignored)
    claimed: dict[str, str] = {}
    for done, source in enumerate(sources, start=1):
        outcome = _one(
            source,
            claimed,
            publish=publish,
            default_category=default_category,
            dry_run=dry_run,
            by=by,
            allow_update=allow_update,
        )
        report.results.append(FileResult(source.name, outcome))
        if on_progress:
            on_progress(done)
    return report


def _one(source: Source, claimed: dict[str, str], **options) -> Outcome:
    try:
        data = source.read()
    except TooLarge:
        return Outcome("skipped", reason=_("Tệp quá lớn để là một tin bài."))
    except (OSError, zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as error:
        return Outcome("skipped", reason=_("Không đọc được tệp: %(error)s") % {"error": error})
    try:
        parsed = parse(decode(data))
    except NotAnArticle as error:
        return Outcome("skipped", reason=str(error))
    key = legacy_key(parsed)
    if key in claimed:
        return Outcome(
            "skipped",
            title=parsed.title,
            published_at=parsed.published_at,
            reason=_("Trùng tiêu đề và ngày với tệp %(name)s trong lần nhập này.")
            % {"name": claimed[key]},
        )
    claimed[key] = source.name
    return import_parsed(parsed, **options)


# --- files and folders --------------------------------------------------------------------


def path_sources(paths: Iterable[Path]) -> tuple[list[Source], int]:
    """Sources for files and, recursively, the .txt files of folders; and how many were left out.

    A file named on the command line is tried whatever its name; in folders only .txt files
    are exports, hidden files and folders are not looked into, and symlinked folders are not
    followed.
    """
    sources: list[Source] = []
    ignored = 0
    for path in paths:
        if path.is_dir():
            for folder, subfolders, files in os.walk(path):
                subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
                for name in sorted(files):
                    if name.lower().endswith(EXPORT_SUFFIX) and not name.startswith("."):
                        sources.append(_file_source(Path(folder) / name))
                    else:
                        ignored += 1
        else:
            sources.append(_file_source(path))
    return sources, ignored


def _file_source(path: Path) -> Source:
    def read() -> bytes:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise TooLarge
        return path.read_bytes()

    # A name the file system could not decode is still shown, with � for the odd bytes.
    shown = os.fsencode(path).decode("utf-8", "replace")
    return Source(shown, read)


# --- uploads ------------------------------------------------------------------------------


def upload_sources(name: str, data: bytes) -> tuple[list[Source], int]:
    """Sources for an uploaded file: one export, or the .txt exports inside a zip."""
    if name.lower().endswith(".zip") or data.startswith(b"PK\x03\x04"):
        return zip_sources(data)
    if len(data) > MAX_FILE_BYTES:
        raise UnusableArchive(_("Tệp quá lớn để là một tin bài."))
    return [Source(name, lambda: data)], 0


def zip_sources(data: bytes) -> tuple[list[Source], int]:
    """The .txt members of a zip, read in memory only: member names are never used as paths."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise UnusableArchive(_("Tệp nén bị hỏng hoặc không phải tệp .zip.")) from error
    if len(members) > MAX_ZIP_MEMBERS:
        raise UnusableArchive(
            _("Tệp nén có quá nhiều tệp (tối đa %(max)d).") % {"max": MAX_ZIP_MEMBERS}
        )
    exports = [m for m in members if _is_export(m)]
    ignored = sum(not m.is_dir() for m in members) - len(exports)
    if sum(m.file_size for m in exports) > MAX_ZIP_TOTAL_BYTES:
        raise UnusableArchive(
            _("Tệp nén quá lớn khi giải nén (tối đa %(max)d MB).")
            % {"max": MAX_ZIP_TOTAL_BYTES // (1024 * 1024)}
        )
    budget = [MAX_ZIP_TOTAL_BYTES]
    exports.sort(key=lambda m: _member_name(m))
    return [Source(_member_name(m), _member_reader(archive, m, budget)) for m in exports], ignored


def _is_export(member: zipfile.ZipInfo) -> bool:
    name = _member_name(member)
    base = name.rsplit("/", 1)[-1]
    return (
        not member.is_dir()
        and base.lower().endswith(EXPORT_SUFFIX)
        and not base.startswith(".")
        and not name.startswith("__MACOSX/")
    )


def _member_name(member: zipfile.ZipInfo) -> str:
    """The member's name for people to read; zips made on Windows store it in cp437."""
    name = member.filename
    if not member.flag_bits & 0x800:
        with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
            name = name.encode("cp437").decode("utf-8")
    return name.replace("\\", "/")


def _member_reader(archive: zipfile.ZipFile, member: zipfile.ZipInfo, budget: list[int]):
    def read() -> bytes:
        if member.flag_bits & 0x1:
            raise OSError(_("tệp trong gói nén có mật khẩu"))
        if member.file_size > MAX_FILE_BYTES:
            raise TooLarge
        with archive.open(member) as stream:
            # The declared size may lie: never read more than the limits allow.
            data = stream.read(min(MAX_FILE_BYTES, budget[0]) + 1)
        if len(data) > MAX_FILE_BYTES:
            raise TooLarge
        budget[0] -= len(data)
        if budget[0] < 0:
            raise TooLarge
        return data

    return read
