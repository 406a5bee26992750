"""Numbers the Vietnamese way: 2.350 (a dot between thousands), 1.234,5 (a comma for decimals)."""

from decimal import Decimal


def grouped(value) -> str:
    """2350 -> "2.350"; None -> ""; anything that is not a number is returned as it was."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        try:
            value = Decimal(str(value).strip())
        except ArithmeticError:
            return str(value)
    whole, _, fraction = f"{abs(value):f}".partition(".")
    fraction = fraction.rstrip("0")
    text = f"{int(whole):,}".replace(",", ".") + (f",{fraction}" if fraction else "")
    return f"-{text}" if value < 0 else text
