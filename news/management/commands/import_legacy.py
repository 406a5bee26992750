"""manage.py import_legacy PATH…: bring the old portal's exported articles over."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from news import legacy_batch
from news.legacy_import import DEFAULT_CATEGORY
from news.models import Category

PROGRESS_FROM = 25  # files; smaller runs finish before a bar would help
BAR_WIDTH = 30


class Command(BaseCommand):
    help = (
        "Nhập các tệp xuất văn bản từ cổng thông tin cũ thành bài viết (tệp hoặc thư mục, "
        "tìm cả thư mục con). Chạy lại không tạo trùng: bài đã có được cập nhật."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help=_("Tệp .txt hoặc thư mục."))
        parser.add_argument(
            "--publish",
            action="store_true",
            help=_("Xuất bản bài theo ngày gốc (mặc định: để ở dạng bản nháp)."),
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help=_("Chạy thử: cho biết sẽ làm gì, không ghi gì vào cơ sở dữ liệu."),
        )
        parser.add_argument(
            "--category",
            default=DEFAULT_CATEGORY,
            metavar="NAME",
            help=_("Chuyên mục cho bài không ghi chuyên mục (mặc định: “%(default)s”)."),
        )

    def handle(self, *args, paths, publish, dry_run, category, verbosity, **options):
        missing = [p for p in paths if not Path(p).exists()]
        if missing:
            raise CommandError(_("Không tìm thấy: %(paths)s") % {"paths": ", ".join(missing)})
        category = category.strip()
        if not category or len(category) > Category._meta.get_field("name").max_length:
            raise CommandError(_("Tên chuyên mục phải có từ 1 đến 120 ký tự."))

        sources, ignored = legacy_batch.path_sources(Path(p) for p in paths)
        if dry_run:
            self.stdout.write(_("Chạy thử: không có gì được ghi vào cơ sở dữ liệu."))
        bar = (
            Progress(self.stderr, len(sources))
            if verbosity and len(sources) >= PROGRESS_FROM
            else None
        )
        report = legacy_batch.run(
            sources,
            publish=publish,
            default_category=category,
            dry_run=dry_run,
            ignored=ignored,
            on_progress=bar.update if bar else None,
        )
        if bar:
            bar.finish()
        if dry_run or verbosity >= 2:
            self._list(report)
        self._summary(report)

    def _list(self, report):
        for result in report.results:
            outcome = result.outcome
            label = legacy_batch.action_label(outcome.action, dry_run=report.dry_run)
            detail = outcome.title or outcome.reason
            self.stdout.write(f"{label}: {result.name} — {detail}")

    def _summary(self, report):
        counts = report.counts
        labels = {
            action: legacy_batch.action_label(action, dry_run=report.dry_run).lower()
            for action in legacy_batch.ACTION_LABELS
        }
        self.stdout.write(
            _("Tổng cộng %(total)d tệp: %(created)d %(l_created)s, %(updated)d %(l_updated)s, "
              "%(unchanged)d %(l_unchanged)s, %(skipped)d %(l_skipped)s.")
            % {
                "total": len(report.results),
                **{a: counts[a] for a in labels},
                **{f"l_{a}": label for a, label in labels.items()},
            }
        )  # fmt: skip
        if report.skipped:
            self.stdout.write(_("Các tệp bị bỏ qua và lý do:"))
            for result in report.skipped:
                self.stdout.write(f"  {result.name}: {result.outcome.reason}")
        noted = [r for r in report.results if r.outcome.action != "skipped" and r.outcome.reason]
        if noted:
            self.stdout.write(_("Ghi chú:"))
            for result in noted:
                self.stdout.write(f"  {result.name}: {result.outcome.reason}")
        if report.ignored:
            self.stdout.write(
                _("Không xét %(count)d tệp không phải .txt trong các thư mục.")
                % {"count": report.ignored}
            )


class Progress:
    """A one-line progress bar on stderr; plain lines every tenth when stderr is not a terminal."""

    def __init__(self, stream, total: int):
        self.stream, self.total = stream, total
        self.live = hasattr(stream, "isatty") and stream.isatty()
        self.started = time.monotonic()
        self.last_tenth = -1

    def update(self, done: int) -> None:
        if self.live:
            filled = BAR_WIDTH * done // self.total
            bar = "█" * filled + "·" * (BAR_WIDTH - filled)
            line = f"\r{bar} {done}/{self.total} {self._eta(done)}"
            self.stream.write(line.ljust(BAR_WIDTH + 40), style_func=str, ending="")
            self.stream.flush()
            return
        tenth = 10 * done // self.total
        if tenth != self.last_tenth:
            self.last_tenth = tenth
            self.stream.write(
                _("Đã xử lý %(done)d/%(total)d tệp") % {"done": done, "total": self.total},
                style_func=str,
            )

    def finish(self) -> None:
        if self.live:
            self.stream.write("", style_func=str)

    def _eta(self, done: int) -> str:
        elapsed = time.monotonic() - self.started
        left = int(elapsed / done * (self.total - done)) if done else 0
        return _("(còn khoảng %(seconds)d giây)") % {"seconds": left} if left else ""
