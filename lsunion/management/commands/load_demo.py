from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import import_string

from lsunion.versioning import recorded


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu của cổng thông tin (chạy lại nhiều lần không tạo trùng)."

    def handle(self, *args, **options):
        for dotted in settings.DEMO_LOADERS:
            with transaction.atomic(), recorded(comment="Nạp dữ liệu mẫu"):
                summary = import_string(dotted)()
            self.stdout.write(f"{dotted}: {summary}")
        self.stdout.write(self.style.SUCCESS("Đã nạp dữ liệu mẫu."))
