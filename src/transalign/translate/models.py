"""Which model translates which language pair, and where its files are.

Defaults per pair (``DEFAULT_MODELS``) follow OPUS-MT: one multi-target model for en→ru and
en→be (loaded once for both editions), dedicated models back into English. ``--model`` takes any
Marian checkpoint by hub id or local folder. Resolving never hangs: the local folder or the
Hugging Face cache is tried first, the hub only when not offline, with a short timeout, and a
failure is a :class:`ModelUnavailableError` naming the model, the cache folder and the fix.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from transalign.errors import InputError, ModelUnavailableError

DEFAULT_MODELS: dict[tuple[str, str], str] = {
    ("en", "ru"): "Helsinki-NLP/opus-mt-tc-big-en-zle",
    ("en", "be"): "Helsinki-NLP/opus-mt-tc-big-en-zle",
    ("en", "uk"): "Helsinki-NLP/opus-mt-tc-big-en-zle",
    ("ru", "en"): "Helsinki-NLP/opus-mt-ru-en",
    ("be", "en"): "Helsinki-NLP/opus-mt-tc-big-zle-en",
    ("uk", "en"): "Helsinki-NLP/opus-mt-tc-big-zle-en",
}
"""The model used for each (source, target) pair when no ``--model`` is given."""

ALTERNATIVE_MODELS: dict[tuple[str, str], tuple[str, ...]] = {
    ("en", "ru"): ("Helsinki-NLP/opus-mt-en-ru",),
}
"""Known good alternatives (``opus-mt-en-ru`` is smaller and about 3x faster than tc-big)."""

WEIGHT_FILES = ("model.safetensors", "pytorch_model.bin")
_HUB_PATTERNS = ["*.json", "*.spm", "*.model", "*.txt"]
_HUB_TIMEOUT_S = 10.0
_hash_cache: dict[tuple[str, int, int], str] = {}


@dataclass(frozen=True)
class ModelFiles:
    """A checkpoint on local disk.

    Attributes:
        model_id: what the user asked for (hub id, or the folder as given).
        path: the folder holding config.json, the tokenizer files and the weights.
    """

    model_id: str
    path: Path

    @property
    def weights(self) -> Path:
        """The weights file (safetensors preferred)."""
        return next(self.path / name for name in WEIGHT_FILES if (self.path / name).is_file())

    def weights_sha256(self) -> str:
        """sha256 of the weights file (hex), from the hub cache's blob name when possible."""
        return file_sha256(self.weights)


def default_model(src: str, tgt: str) -> str:
    """The registry's model id for a pair.

    Raises:
        InputError: E300 when the pair has no default.
    """
    try:
        return DEFAULT_MODELS[(src, tgt)]
    except KeyError:
        pairs = ", ".join(f"{a}→{b}" for a, b in sorted(DEFAULT_MODELS))
        raise InputError("E300", f"no default model for {src}→{tgt} (defaults exist for {pairs})",
                         hint="pass --model with a Marian checkpoint (hub id or folder) for this pair",
                         ) from None


def resolve_model(spec: str | None, src: str, tgt: str) -> str:
    """The model id to use: ``spec`` when given, else the registry default for ``src``→``tgt``."""
    return spec if spec else default_model(src, tgt)


def hub_cache_dir() -> Path:
    """The Hugging Face hub cache folder in use (``HF_HUB_CACHE`` / ``HF_HOME`` aware)."""
    from huggingface_hub import constants

    return Path(constants.HF_HUB_CACHE)


def looks_like_path(spec: str) -> bool:
    """True when ``spec`` names a folder rather than a hub id (``./m``, ``/m``, ``~/m``, ``m/``)."""
    return (spec.startswith((".", "/", "~")) or spec.count("/") > 1 or "\\" in spec
            or Path(spec).expanduser().exists())


def locate_model(spec: str) -> ModelFiles:
    """Find (or, when online, download) the files of ``spec``.

    Raises:
        ModelUnavailableError: E302 for a folder that is missing or not a Marian checkpoint,
            E301 for a hub id neither cached nor downloadable.
    """
    if looks_like_path(spec):
        return _checked(ModelFiles(spec, Path(spec).expanduser()))
    cached = _from_cache(spec)
    if cached is not None:
        return cached
    return _checked(ModelFiles(spec, _download(spec)))


def _checked(files: ModelFiles) -> ModelFiles:
    path = files.path
    if not path.is_dir():
        raise ModelUnavailableError(
            "E302", f"model folder {str(path)!r} does not exist", path=path,
            hint="pass --model with a Marian checkpoint folder (python scripts/make_test_model.py "
                 "DIR builds a tiny test one) or a hub id such as Helsinki-NLP/opus-mt-en-ru")
    missing = [name for name in ("config.json", "source.spm", "vocab.json") if not (path / name).is_file()]
    if not any((path / name).is_file() for name in WEIGHT_FILES):
        missing.append(" or ".join(WEIGHT_FILES))
    if missing:
        raise ModelUnavailableError(
            "E302", f"{str(path)!r} is not a complete Marian checkpoint (missing {', '.join(missing)})",
            path=path, hint="point --model at a folder written by save_pretrained() of a MarianMT model")
    return files


def _from_cache(model_id: str) -> ModelFiles | None:
    from huggingface_hub import snapshot_download

    try:
        folder = snapshot_download(model_id, local_files_only=True)
    except Exception:  # any cache miss or malformed id: try the hub next
        return None
    files = ModelFiles(model_id, Path(folder))
    try:
        return _checked(files)
    except ModelUnavailableError:
        return None  # an incomplete snapshot (e.g. only the tokenizer cached)


def _offline() -> bool:
    from huggingface_hub import constants

    return bool(constants.HF_HUB_OFFLINE) or os.environ.get("TRANSFORMERS_OFFLINE", "") not in ("", "0")


def _unavailable(model_id: str, why: str) -> ModelUnavailableError:
    return ModelUnavailableError(
        "E301", f"model {model_id!r} is not in the Hugging Face cache ({hub_cache_dir()}) and {why}",
        hint=f"download it once on a connected machine (huggingface-cli download {model_id}) and copy "
             "the cache, or pass --model PATH to a local Marian checkpoint "
             "(python scripts/make_test_model.py DIR builds a tiny test model)")


def _download(model_id: str) -> Path:
    """Fetch config, tokenizer files and one weights file from the hub."""
    if _offline():
        raise _unavailable(model_id, "the hub is switched off (HF_HUB_OFFLINE is set)")
    unreachable = _hub_unreachable()
    if unreachable:
        raise _unavailable(model_id, f"the hub cannot be reached ({unreachable})")
    from huggingface_hub import list_repo_files, snapshot_download

    try:
        names = set(list_repo_files(model_id))
        weights = next((name for name in WEIGHT_FILES if name in names), None)
        if weights is None:
            raise _unavailable(model_id, f"the hub repo has none of {', '.join(WEIGHT_FILES)}")
        folder = snapshot_download(model_id, allow_patterns=[*_HUB_PATTERNS, weights],
                                   etag_timeout=_HUB_TIMEOUT_S)
    except ModelUnavailableError:
        raise
    except Exception as err:  # network errors, unknown repo, gated repo: all mean "unavailable"
        first_line = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        raise _unavailable(model_id, f"cannot be downloaded ({first_line[:160]})") from None
    return Path(folder)


def _hub_unreachable(timeout_s: float = 3.0) -> str | None:
    """Why the hub endpoint cannot be reached within ``timeout_s`` (None when it can).

    A quick TCP probe, so that a machine without network fails in seconds instead of going
    through the hub client's retries with back-off.
    """
    import socket
    from urllib.parse import urlsplit

    from huggingface_hub import constants

    endpoint = urlsplit(constants.ENDPOINT)
    host = endpoint.hostname or "huggingface.co"
    port = endpoint.port or (443 if endpoint.scheme == "https" else 80)
    try:
        socket.create_connection((host, port), timeout=timeout_s).close()
    except OSError as err:
        return f"{host}:{port}: {err.strerror or type(err).__name__}"
    return None


def file_sha256(path: Path) -> str:
    """sha256 (hex) of a file; a hub-cache symlink to ``blobs/<sha256>`` is not re-read."""
    resolved = path.resolve()
    if resolved.parent.name == "blobs" and len(resolved.name) == 64:
        return resolved.name
    stat = resolved.stat()
    key = (str(resolved), stat.st_size, stat.st_mtime_ns)
    if key not in _hash_cache:
        digest = hashlib.sha256()
        with resolved.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        _hash_cache[key] = digest.hexdigest()
    return _hash_cache[key]
