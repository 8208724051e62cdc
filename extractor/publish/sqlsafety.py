"""Limits on what one SQL function call may cost in the server.

Datasette stops a query after ``sql_time_limit_ms`` with SQLite's progress handler, which
runs between virtual machine steps, never inside one function call. ``printf('%.*c',
999999999, 'x')`` is one call that pads for many seconds (SQLite's own length limit only
makes it return NULL at the end), so on every connection the server opens:

- ``printf`` and ``format`` are replaced by the same SQLite function refusing a width or
  precision over MAX_WIDTH (computed by a private in-memory connection, so the output is
  SQLite's own);
- ``SQLITE_LIMIT_LENGTH`` is MAX_LENGTH: no string or blob built by a query
  (``zeroblob``, ``randomblob``, ``replace``, ``group_concat`` ...) grows past it.
"""
from __future__ import annotations

import re
import sqlite3
import sys
import threading

MAX_WIDTH = 10_000
MAX_LENGTH = 32 * 1024 * 1024

# %[flags][width][.precision][length]type, as SQLite's printf reads it
_SPEC = re.compile(r"%([-+ 0#,!]*)(\*|\d+)?(?:\.(\*|\d+))?(?:ll|l)?(.)?", re.DOTALL)

_local = threading.local()


class FunctionLimit(ValueError):
    """A function call asked for more than the server allows; the query fails with an error."""


def _quiet(unraisable, previous=None) -> None:
    """sys.unraisablehook: a refused call is the user's error, not the server's: no traceback
    (Datasette turns on tracebacks of errors in SQL functions)."""
    if isinstance(unraisable.exc_value, FunctionLimit):
        return
    (previous or sys.__unraisablehook__)(unraisable)


def _install_quiet_hook() -> None:
    current = sys.unraisablehook
    if getattr(current, "_minutebook_quiet", False):
        return

    def hook(unraisable):
        _quiet(unraisable, current)

    hook._minutebook_quiet = True
    sys.unraisablehook = hook


def _builtin() -> sqlite3.Connection:
    conn = getattr(_local, "conn", None)
    if conn is None:
        conn = _local.conn = sqlite3.connect(":memory:")
    return conn


def _number(value) -> int:
    try:
        return abs(int(value))
    except (TypeError, ValueError):
        return 0


def check_format(fmt, args) -> None:
    """Raise FunctionLimit if the printf format `fmt` asks for a width or precision over MAX_WIDTH."""
    if not isinstance(fmt, str):
        return
    k = 0  # next argument
    for m in _SPEC.finditer(fmt):
        if m.group(4) == "%":
            continue
        for part in (m.group(2), m.group(3)):
            if part == "*":
                size = _number(args[k]) if k < len(args) else 0
                k += 1
            else:
                size = int(part) if part else 0
            if size > MAX_WIDTH:
                raise FunctionLimit(f"printf width or precision over {MAX_WIDTH:,} is not allowed here")
        k += 1  # the value formatted


def safe_printf(fmt=None, *args):
    check_format(fmt, args)
    placeholders = ", ".join("?" for _ in range(len(args) + 1))
    return _builtin().execute(f"select printf({placeholders})", (fmt, *args)).fetchone()[0]


def limit_connection(conn: sqlite3.Connection) -> None:
    """Apply the limits above to one connection."""
    _install_quiet_hook()
    for name in ("printf", "format"):
        conn.create_function(name, -1, safe_printf, deterministic=True)
    if hasattr(conn, "setlimit"):  # Python 3.11+
        conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_LENGTH)
