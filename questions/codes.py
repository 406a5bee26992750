"""Tracking codes (mã theo dõi): unguessable, short enough to type from a note on paper."""

import secrets

# Unambiguous characters only (no 0/O, 1/I/L), as on the commendations' verification codes.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 10  # 31**10 ≈ 8·10^14 codes: not found by trying
CODE_PATTERN = r"[A-Za-z0-9-]{4,40}"


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def clean_code(value: str) -> str:
    """A code as typed: case, spaces and dashes do not matter; anything else is dropped."""
    return "".join(ch for ch in (value or "").upper() if ch.isascii() and ch.isalnum())[:32]


def display_code(code: str) -> str:
    """ABCDE-FGHJK: two groups of five are easier to copy than ten characters."""
    return f"{code[:5]}-{code[5:]}" if len(code) == CODE_LENGTH else code
