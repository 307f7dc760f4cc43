"""File input and output shared by every command.

Reading: UTF-8 by default, a BOM accepted and dropped, undecodable bytes reported with their
byte offset and the ``--encoding`` hint. Writing: always atomic (temp file in the same folder,
fsync, rename), UTF-8 without BOM, so a killed run never leaves a half-written file.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from transalign.errors import InputError

_BINARY_SNIFF_BYTES = 8192


def decode_bytes(data: bytes, *, path: str | Path, encoding: str = "utf-8") -> str:
    """Decode ``data`` read from ``path``; a UTF-8 BOM is dropped.

    Raises:
        InputError: E002 for bytes that are not valid in ``encoding`` (with the byte offset),
            E003 for binary data (NUL bytes), E004 for an unknown encoding name.
    """
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise InputError(
            "E004", f"unknown encoding {encoding!r}", path=path,
            hint="use a Python codec name such as utf-8, cp1251 or koi8-r",
        ) from None
    if b"\x00" in data[:_BINARY_SNIFF_BYTES]:
        raise InputError(
            "E003", "file looks binary (contains NUL bytes), not text", path=path,
            hint="pass a plain-text file",
        )
    if encoding.lower().replace("_", "-") in ("utf-8", "utf8") and data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        raise InputError(
            "E002",
            f"cannot decode byte 0x{data[err.start]:02x} at byte offset {err.start} as {encoding}",
            path=path, hint="pass --encoding with the file's real encoding, e.g. --encoding cp1251",
        ) from None


def read_text(path: str | Path, *, encoding: str = "utf-8") -> str:
    """Read a whole text file; see :func:`decode_bytes` for the errors.

    Raises:
        InputError: E001 when the file is missing or unreadable, plus those of decode_bytes.
    """
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError("E001", "file not found", path=path, hint="check the path") from None
    except IsADirectoryError:
        raise InputError("E001", "is a folder, not a file", path=path,
                         hint="pass the files inside it") from None
    except OSError as err:
        raise InputError("E001", f"cannot read file ({err.strerror})", path=path,
                         hint="check the path and its permissions") from None
    return decode_bytes(data, path=path, encoding=encoding)


@contextlib.contextmanager
def atomic_writer(path: str | Path) -> Iterator[IO[str]]:
    """Open ``path`` for writing UTF-8 text atomically.

    The text goes to a temp file beside ``path``; on success it is fsynced and renamed over
    ``path``; on any exception the temp file is removed and ``path`` is left untouched.
    Newlines are written as ``\\n`` on every platform.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        os.chmod(tmp_name, 0o666 & ~_current_umask())  # mkstemp makes 0600; outputs are shared files
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise


def _current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def atomic_write_text(path: str | Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically (see :func:`atomic_writer`)."""
    with atomic_writer(path) as handle:
        handle.write(text)
