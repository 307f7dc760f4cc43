"""File input and output shared by every command.

Reading: UTF-8 by default, a BOM accepted and dropped, undecodable bytes reported with their
byte offset and the ``--encoding`` hint. Writing: always atomic (temp file in the same folder,
fsync, rename), UTF-8 without BOM, so a killed run never leaves a half-written file.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from transalign.errors import InputError

_BINARY_SNIFF_BYTES = 8192


def decode_bytes(data: bytes, *, path: str | Path, encoding: str = "utf-8",
                 fixed_utf8: bool = False) -> str:
    """Decode ``data`` read from ``path``; a UTF-8 BOM is dropped, and a UTF-16 BOM (Excel's
    "Unicode Text") switches UTF-8 to UTF-16.

    ``fixed_utf8``: the format is UTF-8 by contract and the command has no ``--encoding``,
    so the E002 hint says to convert the file instead.

    Raises:
        InputError: E002 for bytes that are not valid in ``encoding`` (with the byte offset),
            E003 for binary data (NUL bytes), E004 for an unknown encoding name.
    """
    codec = _codec_name(encoding, path)
    if codec == "utf-8" and data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        codec = "utf-16"
    if not codec.startswith(("utf-16", "utf-32")) and b"\x00" in data[:_BINARY_SNIFF_BYTES]:
        raise InputError(
            "E003", "file looks binary (contains NUL bytes), not text", path=path,
            hint="pass a plain-text file",
        )
    try:
        return data.decode("utf-8-sig" if codec == "utf-8" else codec)
    except UnicodeDecodeError as err:
        raise InputError(
            "E002",
            f"cannot decode byte 0x{data[err.start]:02x} at byte offset {err.start} as {codec}",
            path=path, hint=_decode_hint(data, fixed_utf8, codec),
        ) from None


def _codec_name(encoding: str, path: str | Path) -> str:
    """The codec's canonical name (``UTF8`` → ``utf-8``); E004 when Python has no such codec."""
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise InputError(
            "E004", f"unknown encoding {encoding!r}", path=path,
            hint="use a Python codec name such as utf-8, cp1251 or koi8-r",
        ) from None


def _decode_hint(data: bytes, fixed_utf8: bool, codec: str = "utf-8") -> str:
    """How to fix undecodable input; names cp1251 when the bytes look like Cyrillic words and
    it was not the encoding tried."""
    if codec != "utf-8":
        return f"the file is not {codec}: pass --encoding with its real encoding (e.g. utf-8, koi8-r)"
    looks = "it looks like cp1251: " if _looks_like_cp1251(data[:_BINARY_SNIFF_BYTES]) else ""
    if fixed_utf8:
        return f"{looks}save it as UTF-8, e.g. iconv -f cp1251 -t utf-8 IN > OUT"
    return f"{looks}pass --encoding with the file's real encoding, e.g. --encoding cp1251"


def _looks_like_cp1251(data: bytes) -> bool:
    """Mostly whole words of bytes 0xC0-0xFF (cp1251 letters), not single accented letters
    between ASCII ones as in Latin-1."""
    letters = [i for i, byte in enumerate(data) if byte >= 0xC0]
    runs = sum(1 for i in letters if i + 1 < len(data) and data[i + 1] >= 0xC0)
    return len(letters) >= 4 and runs * 3 >= len(letters) * 2


def read_text(path: str | Path, *, encoding: str = "utf-8", fixed_utf8: bool = False) -> str:
    """Read a whole text file; see :func:`decode_bytes` for the errors and ``fixed_utf8``.

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
    return decode_bytes(data, path=path, encoding=encoding, fixed_utf8=fixed_utf8)


def read_input(path: str | Path, *, encoding: str = "utf-8") -> str:
    """:func:`read_text`, where ``-`` is standard input (named ``<stdin>`` in errors)."""
    if str(path) == "-":
        return decode_bytes(sys.stdin.buffer.read(), path="<stdin>", encoding=encoding)
    return read_text(path, encoding=encoding)


@contextlib.contextmanager
def atomic_writer(path: str | Path) -> Iterator[IO[str]]:
    """Open ``path`` for writing UTF-8 text atomically.

    The text goes to a temp file beside ``path``; on success it is fsynced and renamed over
    ``path``; on any exception the temp file is removed and ``path`` is left untouched.
    Newlines are written as ``\\n`` on every platform.

    Raises:
        OSError: the folder cannot be made or written; IsADirectoryError when ``path`` is a
            folder. The CLI reports either as E005 with the file name.
    """
    target = Path(path)
    if target.is_dir():
        raise IsADirectoryError(errno.EISDIR, "is a folder, not a file", str(target))
    if target.parent.exists() and not target.parent.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "is a file, not a folder", str(target.parent))
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


def write_output(text: str, out: str | Path | None) -> None:
    """Write ``text`` to ``out`` atomically, or to standard output when ``out`` is None or ``-``."""
    if out is None or str(out) == "-":
        sys.stdout.write(text)
    else:
        atomic_write_text(out, text)
