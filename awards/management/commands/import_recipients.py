from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from awards.importing import import_recipients
from awards.models import Decision, Recipient
from awards.services import find_decision

KINDS = {"tap-the": Recipient.Kind.COLLECTIVE, "ca-nhan": Recipient.Kind.INDIVIDUAL}


class Command(BaseCommand):
    help = (
        "Nhập danh sách người, tập thể được khen vào một quyết định từ tệp XLSX hoặc CSV. "
        "Có lỗi ở bất kỳ dòng nào thì không nhập dòng nào; nhập lại cùng tệp không tạo trùng."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "decision", help="Mã số (id) hoặc số hiệu quyết định, ví dụ 123/QĐ-LĐLĐ"
        )
        parser.add_argument("file", help="Đường dẫn tệp .xlsx hoặc .csv")
        parser.add_argument(
            "--dry-run", action="store_true", help="Chỉ kiểm tra và báo kết quả, không ghi gì."
        )
        parser.add_argument(
            "--loai",
            choices=sorted(KINDS),
            help="Loại của các dòng mà tệp không ghi rõ (không có cột Loại, dòng nhóm, tên "
            "trang hay tiêu đề “Họ và tên” / “Tên tập thể”).",
        )

    def handle(self, *args, decision, file, dry_run, loai=None, **options):
        try:
            target = find_decision(decision)
        except Decision.DoesNotExist as error:
            raise CommandError(f"Không tìm thấy quyết định “{decision}”.") from error
        except Decision.MultipleObjectsReturned as error:
            listed = "\n  ".join(error.args[0])
            raise CommandError(
                f"Có nhiều quyết định số “{decision}”, hãy dùng mã số (id):\n  {listed}"
            ) from error
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"Không có tệp “{file}”.")
        result = import_recipients(
            decision=target,
            content=path.read_bytes(),
            filename=path.name,
            dry_run=dry_run,
            default_kind=KINDS.get(loai, ""),
        )
        for number, why in result.skipped:
            self.stdout.write(f"Dòng {number}: bỏ qua ({why})" if number else f"Bỏ qua: {why}")
        if result.errors:
            for error in result.errors:
                self.stderr.write(error)
            raise CommandError(
                f"Không nhập dòng nào vào {target}: {len(result.errors)} lỗi cần sửa trong tệp."
            )
        if dry_run:
            self.stdout.write(f"Kiểm tra xong, chưa ghi gì ({target}). {result.summary}")
        else:
            self.stdout.write(self.style.SUCCESS(f"Đã nhập vào {target}. {result.summary}"))
