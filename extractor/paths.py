"""File names as text that can always be stored, printed and served.

On Linux a file name is bytes. Python decodes the bytes that are not UTF-8 as lone
surrogates ("caf\\udce9.md"), which SQLite, JSON and most terminals refuse. Here each such
byte is written as ``\\xNN`` ("caf\\xe9.md"): readable, valid UTF-8, and reversible by
`fs_path` for opening the file again.
"""
from __future__ import annotations

import os
import re

_ESCAPED = re.compile(r"\\x([89a-f][0-9a-f])")


def display_path(path: str | bytes | os.PathLike) -> str:
    """`path` as valid UTF-8 text: bytes of the name that are not UTF-8 shown as \\xNN."""
    text = os.fsdecode(path)
    return clean_text(text)


def clean_text(text: str) -> str:
    """`text` with lone surrogates escaped: \\xNN for undecodable bytes, \\udNNN otherwise."""
    if not any(0xD800 <= ord(c) <= 0xDFFF for c in text):
        return text
    out = []
    for c in text:
        n = ord(c)
        if 0xDC80 <= n <= 0xDCFF:
            out.append(f"\\x{n - 0xDC00:02x}")
        elif 0xD800 <= n <= 0xDFFF:
            out.append(f"\\u{n:04x}")
        else:
            out.append(c)
    return "".join(out)


def fs_path(shown: str) -> str:
    """The file name `display_path` showed as `shown` (undecodable bytes back in place)."""
    if "\\x" not in shown:
        return shown
    raw = _ESCAPED.sub(lambda m: chr(0xDC00 + int(m.group(1), 16)), shown)
    return raw
