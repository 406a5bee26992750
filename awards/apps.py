from django.apps import AppConfig


class AwardsConfig(AppConfig):
    """Emulation and commendation: decisions and their recipients."""

    name = "awards"
    verbose_name = "Thi đua – Khen thưởng"
