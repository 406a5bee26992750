from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from documents.importing import BatchError, files_of_folder, files_of_zip, import_batch
from lsunion.versioning import recorded
from organizations.models import UnionBody


class Command(BaseCommand):
    help = (
        "Nhập một lô văn bản: thư mục (hoặc tệp .zip) gồm các tệp PDF/DOC/DOCX và một bảng tính "
        "thông tin văn bản. Cả lô hoặc không gì cả; --dry-run chỉ xem trước; chạy lại không tạo trùng."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="Thư mục hoặc tệp .zip của lô văn bản")
        parser.add_argument("--owner", required=True, help="Đường dẫn (slug) của đơn vị cập nhật")
        parser.add_argument("--dry-run", action="store_true", help="Chỉ kiểm tra, không ghi gì")

    def handle(self, *args, path, owner, dry_run, **options):
        body = UnionBody.objects.filter(slug=owner).first()
        if body is None:
            raise CommandError(f"Không có tổ chức công đoàn “{owner}”.")
        source = Path(path)
        try:
            if source.is_dir():
                files = files_of_folder(source)
            elif source.is_file():
                with source.open("rb") as handle:
                    files = files_of_zip(handle)
            else:
                raise CommandError(f"Không có thư mục hay tệp “{path}”.")
            with recorded(comment="Nhập lô văn bản"):
                report = import_batch(files=files, owner=body, dry_run=dry_run)
        except BatchError as error:
            raise CommandError(str(error)) from None
        for row in report.rows:
            if row.errors:
                for error in row.errors:
                    self.stdout.write(f"{row.label}: {error}")
            else:
                self.stdout.write(f"{row.label}: {row.values.get('symbol')} – {row.action_label}")
        for error in report.errors:
            self.stdout.write(error)
        if not report.ok:
            raise CommandError(report.summary)
        self.stdout.write(self.style.SUCCESS(report.summary))
