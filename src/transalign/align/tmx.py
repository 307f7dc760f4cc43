"""TMX 1.4b output: one ``<tu>`` per unit, one ``<tuv xml:lang>`` per language.

The header carries every attribute TMX 1.4b requires (creationtool, creationtoolversion,
segtype, o-tmf, adminlang, srclang, datatype) and the aligner's signature as a ``<prop>``;
each ``<tu>`` has a 1-based ``tuid`` and its sentence indices per language as
``<prop type="x-sentences">en=4,5;ru=3</prop>``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path

from transalign import __version__
from transalign.align.output import Unit
from transalign.io import atomic_write_text

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def format_tmx(units: Sequence[Unit], src_lang: str, *, signature: str = "") -> str:
    """TMX 1.4b document text (UTF-8 declaration, newline-terminated).

    ``src_lang`` is the header's source language (the pivot for multilingual files).
    Characters XML cannot hold (C0 controls other than tab and newlines) are removed.
    """
    root = ET.Element("tmx", version="1.4")
    header = ET.SubElement(root, "header", {
        "creationtool": "transalign", "creationtoolversion": __version__, "segtype": "sentence",
        "o-tmf": "transalign", "adminlang": "en", "srclang": src_lang, "datatype": "plaintext",
    })
    if signature:
        ET.SubElement(header, "prop", type="x-signature").text = signature
    body = ET.SubElement(root, "body")
    for number, unit in enumerate(units, start=1):
        _add_unit(body, number, unit, src_lang)
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _add_unit(body: ET.Element, number: int, unit: Unit, src_lang: str) -> None:
    tu = ET.SubElement(body, "tu", tuid=str(number))
    positions = ";".join(f"{lang}={','.join(map(str, unit.indices[lang]))}" for lang in unit.indices)
    ET.SubElement(tu, "prop", type="x-sentences").text = positions
    order = [src_lang, *(lang for lang in unit.texts if lang != src_lang)]
    for lang in order:
        if lang in unit.texts:
            tuv = ET.SubElement(tu, "tuv", {_XML_LANG: lang})
            ET.SubElement(tuv, "seg").text = _INVALID_XML.sub("", unit.texts[lang])


def write_tmx(path: str | Path, units: Sequence[Unit], src_lang: str, *, signature: str = "") -> None:
    """Write :func:`format_tmx` to ``path`` atomically."""
    atomic_write_text(path, format_tmx(units, src_lang, signature=signature))
