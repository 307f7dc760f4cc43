"""Resume cache: translations finished by a run that did not complete, reused by the next one.

``<out>/.transalign/<tgt>-<signature digest>.jsonl`` gets one JSON object per translated source
sentence (``src`` whitespace-normalised, ``text``, ``issues``, ``score``), appended and fsynced
after every chunk. A kill may tear the last line; unreadable lines are ignored. The file is
keyed by the full run signature, so a changed model, setting or glossary never reuses it, and
it is deleted once every output of that signature is written.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from transalign.translate.backend import Translation

CACHE_DIR = ".transalign"


class ResumeCache:
    """The resume cache of one (output folder, signature)."""

    def __init__(self, out_dir: Path, signature: Mapping[str, Any]) -> None:
        canonical = json.dumps(signature, sort_keys=True, ensure_ascii=False, default=str)
        digest = hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]
        self.path = out_dir / CACHE_DIR / f"{signature.get('tgt_lang', 'x')}-{digest}.jsonl"

    def load(self) -> dict[str, Translation]:
        """Cached translations by normalised source (empty when there is no cache)."""
        found: dict[str, Translation] = {}
        try:
            lines = self.path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            return found
        for line in lines:
            with contextlib.suppress(ValueError, KeyError, TypeError):
                item = json.loads(line)
                found[item["src"]] = Translation(item["text"], list(item["issues"]), item["score"])
        return found

    def append(self, translations: Mapping[str, Translation]) -> bool:
        """Add ``translations`` durably (written, flushed and fsynced before returning).

        Returns False when the cache cannot be written: the run goes on, it only loses the
        ability to resume (writing the outputs reports the folder's problem, E308).
        """
        if not translations:
            return True
        lines = [json.dumps({"src": src, "text": t.text, "issues": t.issues, "score": t.score},
                            ensure_ascii=False) for src, t in translations.items()]
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8", newline="\n") as handle:
                handle.write("\n" + "\n".join(lines) + "\n")  # a torn previous line stays on its own
                handle.flush()
                os.fsync(handle.fileno())
        except OSError:
            return False
        return True

    def remove(self) -> None:
        """Delete the cache (and its folder when empty)."""
        self.path.unlink(missing_ok=True)
        with contextlib.suppress(OSError):
            self.path.parent.rmdir()
