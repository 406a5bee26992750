"""Compile locale/*/LC_MESSAGES/django.po to .mo without GNU gettext (msgfmt)."""

import ast
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def parse(po: Path) -> dict[str, str]:
    """msgid → msgstr; a plural entry is stored the way .mo files keep it (NUL-joined forms)."""
    messages: dict[str, str] = {}
    msgid = plural = None
    forms: dict[int, str] = {}
    current = None

    def flush():
        if msgid is None:
            return
        if plural is None:
            messages[msgid] = forms.get(-1, "")
        else:
            messages[msgid + "\0" + plural] = "\0".join(forms[i] for i in sorted(forms))

    for line in [*po.read_text(encoding="utf-8").splitlines(), ""]:
        line = line.strip()
        if line.startswith("msgid "):
            flush()
            msgid, plural, forms, current = ast.literal_eval(line[6:]), None, {}, "id"
        elif line.startswith("msgid_plural "):
            plural, current = ast.literal_eval(line[13:]), "plural"
        elif line.startswith("msgstr["):
            index = int(line[7 : line.index("]")])
            forms[index] = ast.literal_eval(line[line.index("]") + 1 :].strip())
            current = index
        elif line.startswith("msgstr "):
            forms[-1], current = ast.literal_eval(line[7:]), -1
        elif line.startswith('"'):
            if current == "id":
                msgid += ast.literal_eval(line)
            elif current == "plural":
                plural += ast.literal_eval(line)
            elif current is not None:
                forms[current] += ast.literal_eval(line)
    flush()
    return messages


def write_mo(messages: dict[str, str], mo: Path) -> None:
    keys = sorted(messages)
    ids = b"".join(k.encode() + b"\0" for k in keys)
    strs = b"".join(messages[k].encode() + b"\0" for k in keys)
    start = 7 * 4 + 16 * len(keys)
    offsets, id_pos, str_pos = [], start, start + len(ids)
    for k in keys:
        offsets.append((len(k.encode()), id_pos, len(messages[k].encode()), str_pos))
        id_pos += len(k.encode()) + 1
        str_pos += len(messages[k].encode()) + 1
    header = struct.pack("Iiiiiii", 0x950412DE, 0, len(keys), 28, 28 + 8 * len(keys), 0, 0)
    table_ids = b"".join(struct.pack("ii", n, o) for n, o, _, _ in offsets)
    table_strs = b"".join(struct.pack("ii", n, o) for _, _, n, o in offsets)
    mo.write_bytes(header + table_ids + table_strs + ids + strs)


if __name__ == "__main__":
    for po in sorted(ROOT.glob("locale/*/LC_MESSAGES/*.po")):
        write_mo(parse(po), po.with_suffix(".mo"))
        print(po.with_suffix(".mo").relative_to(ROOT), file=sys.stderr)
