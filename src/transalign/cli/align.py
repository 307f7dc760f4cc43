"""``transalign align``: PROVISIONAL stub until its issue lands."""

from __future__ import annotations

from transalign.errors import InputError


def command() -> None:
    """Not implemented yet."""
    raise InputError("E000", "'align' is not implemented yet")
