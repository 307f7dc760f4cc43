"""The manifest beside each output TSV: the run's signature, the input's hash, row counts.

``alignments/<doc>.<src>-<tgt>.tsv`` has ``alignments/<doc>.<src>-<tgt>.manifest.json``. An
output is up to date when its manifest's ``signature`` and ``input_sha256`` equal the current
ones (and the TSV still holds the expected rows); then a re-run leaves both files untouched.
"""

from __future__ import annotations

import functools
import hashlib
import json
import platform
from importlib import metadata
from pathlib import Path
from typing import Any

from transalign import __version__
from transalign.io import atomic_write_text

MANIFEST_VERSION = 1
ENVIRONMENT_PACKAGES = ("torch", "transformers", "sentencepiece", "sacremoses", "ctranslate2", "nltk")
"""Libraries whose versions the manifest records (outside the signature: an upgrade alone does
not retranslate, but whoever reproduces a run can see what produced it)."""


def manifest_path(tsv_path: Path) -> Path:
    """``x.en-ru.tsv`` → ``x.en-ru.manifest.json``."""
    return tsv_path.with_suffix(".manifest.json")


def text_sha256(text: str) -> str:
    """sha256 (hex) of ``text`` encoded as UTF-8."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def build_signature(backend_signature: dict[str, Any], *, src_lang: str, tgt_lang: str,
                    glossary_sha256: str | None) -> dict[str, Any]:
    """The full signature of one (document, target language) output."""
    return {"tool": f"transalign {__version__}", "src_lang": src_lang, "tgt_lang": tgt_lang,
            **backend_signature, "glossary_sha256": glossary_sha256}


def signature_line(signature: dict[str, Any]) -> str:
    """A compact, sacrebleu-style one-line form for logs and reports."""
    gen = signature.get("generation", {})
    parts = [
        signature.get("tool", "?").replace(" ", ":"),
        f"{signature.get('src_lang')}-{signature.get('tgt_lang')}",
        f"model:{signature.get('model')}@{str(signature.get('weights_sha256', ''))[:12]}",
        f"tok:{signature.get('target_token') or 'none'}", f"backend:{signature.get('backend')}",
        f"dtype:{signature.get('dtype')}", f"beam:{gen.get('beam_size')}",
        f"len:{gen.get('max_length_ratio')}x+{gen.get('max_length_extra')}",
        f"glossary:{str(signature.get('glossary_sha256') or 'none')[:12]}",
    ]
    return "|".join(parts)


@functools.cache
def run_environment() -> dict[str, str]:
    """Python, platform and the installed versions of :data:`ENVIRONMENT_PACKAGES` (missing ones
    left out)."""
    found = {"python": platform.python_version(), "platform": platform.platform(terse=True)}
    for name in ENVIRONMENT_PACKAGES:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return found


def read_manifest(path: Path) -> dict[str, Any] | None:
    """The manifest at ``path``, or None when missing or unreadable (treated as out of date)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def write_manifest(path: Path, *, signature: dict[str, Any], input_path: Path, input_sha256: str,
                   counts: dict[str, int]) -> None:
    """Write the manifest atomically (stable key order, so equal runs give equal bytes)."""
    data = {"manifest_version": MANIFEST_VERSION, "input": str(input_path), "input_sha256": input_sha256,
            "signature": signature, "signature_line": signature_line(signature), "rows": counts,
            "environment": run_environment()}
    atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n")


def is_current(manifest: dict[str, Any] | None, signature: dict[str, Any], input_sha256: str) -> bool:
    """True when ``manifest`` records this exact signature and input."""
    return (manifest is not None and manifest.get("manifest_version") == MANIFEST_VERSION
            and manifest.get("signature") == signature and manifest.get("input_sha256") == input_sha256)
