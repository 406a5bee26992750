"""Compile locale/*/LC_MESSAGES/django.po to .mo without GNU gettext (msgfmt)."""

import ast
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def parse(po: Path) -> dict[str, str]:
    messages, msgid, msgstr, current = {}, None, None, None
    for line in [*po.read_text(encoding="utf-8").splitlines(), ""]:
        line = line.strip()
        if line.startswith("msgid "):
            if msgid is not None:
                messages[msgid] = msgstr
            msgid, msgstr, current = ast.literal_eval(line[6:]), "", "id"
        elif line.startswith("msgstr "):
            msgstr, current = ast.literal_eval(line[7:]), "str"
        elif line.startswith('"'):
            if current == "id":
                msgid += ast.literal_eval(line)
            else:
                msgstr += ast.literal_eval(line)
    if msgid is not None:
        messages[msgid] = msgstr
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


for po in sorted(ROOT.glob("locale/*/LC_MESSAGES/*.po")):
    write_mo(parse(po), po.with_suffix(".mo"))
    print(po.with_suffix(".mo").relative_to(ROOT), file=sys.stderr)
