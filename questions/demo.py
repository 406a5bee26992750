"""Demo Hỏi đáp: topics and a few answered questions (placeholder, filled later)."""


def load() -> str:
    return "hỏi đáp mẫu: chưa có"
